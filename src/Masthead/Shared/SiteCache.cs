using System.Security.Cryptography;
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

public static class ContentValidators
{
    /// <summary>
    /// Gives output-cached pages an ETag made from their bytes when the page set none, and answers a matching
    /// If-None-Match with 304. Runs only on a cache miss: hits are answered by the output cache from the stored
    /// headers.
    /// </summary>
    public static void UseContentValidators(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is null)
        {
            await next(context);
            return;
        }

        using var buffer = await BufferedResponse.CaptureAsync(context, next);
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey("ETag"))
        {
            var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            var etag = $"\"{Convert.ToBase64String(hash, 0, 12).Replace('+', '-').Replace('/', '_')}\"";
            response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }
        await BufferedResponse.SendAsync(context, buffer);
    });
}
