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
/// redirects from old paths, and the cached pages readers see. Each step is a change to the article
/// (<c>Mark...</c>, nothing saved) and <see cref="CommitAsync"/>, so the newsroom can save a revision and an audit
/// entry in the same transaction; the <c>...Async</c> steps do both.
/// </summary>
public sealed class ArticlePublisher(MastheadDb db, ArticleRenderer renderer, SiteClock clock, SiteCache cache,
    IEnumerable<IOnArticlePublished> listeners, IEnumerable<IArticleIndexer> indexers)
{
    /// <summary>Renders the body and makes the article public now (or keeps its planned time if that has passed).</summary>
    public async Task<PublishResult> PublishAsync(Article article, CancellationToken ct = default)
    {
        var result = MarkPublished(article);
        if (result == PublishResult.Published)
        {
            await CommitAsync(article, ct);
        }
        return result;
    }

    public PublishResult MarkPublished(Article article)
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
        return PublishResult.Published;
    }

    /// <summary>
    /// Saves an edit of a published article: re-renders the body and, unless it is a minor fix (a typo), shows
    /// readers "Updated" with the time.
    /// </summary>
    public async Task<PublishResult> UpdateAsync(Article article, CancellationToken ct = default, bool showAsUpdate = true)
    {
        var result = MarkUpdated(article, showAsUpdate);
        if (result == PublishResult.Updated)
        {
            await CommitAsync(article, ct);
        }
        return result;
    }

    public PublishResult MarkUpdated(Article article, bool showAsUpdate = true)
    {
        if (article.Status is not ArticleStatus.Published)
        {
            return PublishResult.NotAllowed;
        }
        var now = clock.UtcNow;
        article.BodyHtml = renderer.Render(article.BodyMarkdown, article.ReadAlsoAfterParagraph);
        if (showAsUpdate)
        {
            article.UpdatedAt = now;
        }
        article.ModifiedAt = now;
        return PublishResult.Updated;
    }

    /// <summary>Gives a published article a new slug; the old path keeps answering with a 301 to the new one.</summary>
    public async Task<PublishResult> ChangeSlugAsync(Article article, string newSlug, CancellationToken ct = default)
    {
        var result = await MarkSlugChangedAsync(article, newSlug, ct);
        if (result == PublishResult.SlugChanged)
        {
            await CommitAsync(article, ct);
        }
        return result;
    }

    public async Task<PublishResult> MarkSlugChangedAsync(Article article, string newSlug, CancellationToken ct = default)
    {
        var slug = Slugs.From(newSlug, 200);
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
        return PublishResult.SlugChanged;
    }

    /// <summary>Takes an article down: readers get 410 Gone with the note.</summary>
    public async Task<PublishResult> WithdrawAsync(Article article, string note, CancellationToken ct = default)
    {
        var result = MarkWithdrawn(article, note);
        if (result == PublishResult.Withdrawn)
        {
            await CommitAsync(article, ct);
        }
        return result;
    }

    public PublishResult MarkWithdrawn(Article article, string note)
    {
        if (article.Status is not ArticleStatus.Published)
        {
            return PublishResult.NotAllowed;
        }
        article.Status = ArticleStatus.Withdrawn;
        article.WithdrawalNote = note;
        article.ModifiedAt = clock.UtcNow;
        return PublishResult.Withdrawn;
    }

    /// <summary>
    /// Saves everything pending in the unit of work, brings the indexes in line in the same transaction, then evicts
    /// the cached pages and tells the listeners.
    /// </summary>
    public async Task CommitAsync(Article article, CancellationToken ct = default)
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
        foreach (var listener in listeners)
        {
            listener.ArticlePublished(article.Id);
        }
    }
}
