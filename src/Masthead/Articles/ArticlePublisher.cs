using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>The outcome of a publishing step; endpoints translate it, nothing returns null.</summary>
public enum PublishResult
{
    Published,
    Updated,
    Withdrawn,
    SlugChanged,
    NotAllowed,
}

/// <summary>
/// Moves articles through their public life and keeps everything that depends on it in step: the rendered body,
/// redirects from old paths, and the cached pages readers see.
/// </summary>
public sealed class ArticlePublisher(MastheadDb db, ArticleRenderer renderer, SiteClock clock, SiteCache cache,
    IEnumerable<IOnArticlePublished> listeners, IEnumerable<IArticleIndexer> indexers)
{
    /// <summary>Renders the body and makes the article public now (or keeps its planned time if that has passed).</summary>
    public async Task<PublishResult> PublishAsync(Article article, CancellationToken ct = default)
    {
        if (article.Status is ArticleStatus.Withdrawn)
        {
            return PublishResult.NotAllowed;
        }
        var now = clock.UtcNow;
        article.BodyHtml = renderer.Render(article.BodyMarkdown, article.ReadAlsoAfterParagraph);
        article.Status = ArticleStatus.Published;
        article.PublishedAt = article.PublishedAt is { } planned && planned <= now ? planned : now;
        article.ModifiedAt = now;
        await SaveAndEvictAsync(article, ct);
        Announce(article.Id);
        return PublishResult.Published;
    }

    /// <summary>Saves an edit of a published article: re-renders the body and shows readers "Updated".</summary>
    public async Task<PublishResult> UpdateAsync(Article article, CancellationToken ct = default)
    {
        if (article.Status is not ArticleStatus.Published)
        {
            return PublishResult.NotAllowed;
        }
        var now = clock.UtcNow;
        article.BodyHtml = renderer.Render(article.BodyMarkdown, article.ReadAlsoAfterParagraph);
        article.UpdatedAt = now;
        article.ModifiedAt = now;
        await SaveAndEvictAsync(article, ct);
        Announce(article.Id);
        return PublishResult.Updated;
    }

    /// <summary>Gives a published article a new slug; the old path keeps answering with a 301 to the new one.</summary>
    public async Task<PublishResult> ChangeSlugAsync(Article article, string newSlug, CancellationToken ct = default)
    {
        var slug = Slugs.From(newSlug);
        if (slug.Length == 0 || slug == article.Slug || await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, ct))
        {
            return PublishResult.NotAllowed;
        }
        var now = clock.UtcNow;
        if (article.Status is ArticleStatus.Published or ArticleStatus.Withdrawn)
        {
            var oldPath = article.Path;
            // A redirect that pointed at the path now taken by this article would loop: drop it.
            var newPath = ArticlePaths.For(article.PublishedAt ?? article.CreatedAt, slug);
            db.Redirects.RemoveRange(await db.Redirects.Where(r => r.Path == newPath || r.Path == oldPath).ToListAsync(ct));
            db.Redirects.Add(new Redirect { Path = oldPath, ArticleId = article.Id, CreatedAt = now });
        }
        article.Slug = slug;
        article.ModifiedAt = now;
        await SaveAndEvictAsync(article, ct);
        Announce(article.Id);
        return PublishResult.SlugChanged;
    }

    /// <summary>Takes an article down: readers get 410 Gone with the note.</summary>
    public async Task<PublishResult> WithdrawAsync(Article article, string note, CancellationToken ct = default)
    {
        if (article.Status is not ArticleStatus.Published)
        {
            return PublishResult.NotAllowed;
        }
        article.Status = ArticleStatus.Withdrawn;
        article.WithdrawalNote = note;
        article.ModifiedAt = clock.UtcNow;
        await SaveAndEvictAsync(article, ct);
        Announce(article.Id);
        return PublishResult.Withdrawn;
    }

    private void Announce(int articleId)
    {
        foreach (var listener in listeners)
        {
            listener.ArticlePublished(articleId);
        }
    }

    /// <summary>Saves, brings the indexes in line in the same transaction, then evicts the cached pages.</summary>
    private async Task SaveAndEvictAsync(Article article, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            foreach (var indexer in indexers)
            {
                await indexer.ArticleChangedAsync(article.Id, article.Status == ArticleStatus.Published, ct);
            }
            await transaction.CommitAsync(ct);
        }
        await cache.EvictContentAsync(ct);
    }
}
