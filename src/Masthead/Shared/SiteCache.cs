using Microsoft.AspNetCore.OutputCaching;

namespace Masthead.Shared;

/// <summary>
/// The output cache in front of every public page. Pages opt in with the <see cref="PublicPolicy"/> policy; anything
/// that changes what readers see evicts by tag instead of waiting for expiry.
/// </summary>
public sealed class SiteCache(IOutputCacheStore store)
{
    public const string PublicPolicy = "public";
    /// <summary>Search results: cached per combination of the search's own query keys.</summary>
    public const string SearchPolicy = "search";
    /// <summary>Every public page that shows articles.</summary>
    public const string ContentTag = "content";

    public ValueTask EvictContentAsync(CancellationToken ct = default) => store.EvictByTagAsync(ContentTag, ct);

    /// <summary>The site-wide feed of comments.</summary>
    public const string CommentsTag = "comments";

    /// <summary>The tag of one article's page (and its comment pages and feed).</summary>
    public static string ArticleTag(int articleId) => $"article-{articleId}";

    /// <summary>
    /// Evicts one article's pages, as a new comment does. Lists showing its comment count catch up when their
    /// cached copies expire, rather than every comment emptying the whole cache.
    /// </summary>
    public ValueTask EvictArticleAsync(int articleId, CancellationToken ct = default) => store.EvictByTagAsync(ArticleTag(articleId), ct);

    /// <summary>What a change in an article's public comments makes stale: its pages and the comments feed.</summary>
    public async ValueTask EvictCommentsAsync(int articleId, CancellationToken ct = default)
    {
        await EvictArticleAsync(articleId, ct);
        await store.EvictByTagAsync(CommentsTag, ct);
    }
}
