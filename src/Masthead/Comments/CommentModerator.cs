using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Comments;

public enum ModerationResult
{
    Changed,
    Unchanged,
    NotFound,
}

/// <summary>
/// Moves comments between pending, approved, spam and trash. Keeps each article's public count in step, teaches the
/// spam filter from the decision, evicts the article's cached page, and tells subscribers of newly approved replies.
/// </summary>
public sealed class CommentModerator(MastheadDb db, SpamFilter spamFilter, SiteClock clock, SiteCache cache, CommentNotifier notifier)
{
    public async Task<ModerationResult> SetStatusAsync(int commentId, CommentStatus status, CancellationToken ct = default) =>
        await SetStatusAsync([commentId], status, ct) > 0 ? ModerationResult.Changed
            : await db.Comments.AnyAsync(c => c.Id == commentId, ct) ? ModerationResult.Unchanged : ModerationResult.NotFound;

    /// <summary>Bulk action: returns how many comments changed.</summary>
    public async Task<int> SetStatusAsync(IReadOnlyCollection<int> commentIds, CommentStatus status, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        // Read inside the (write-locking) transaction: two moderators acting at once must not both see "pending".
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var comments = await db.Comments.Where(c => commentIds.Contains(c.Id) && c.Status != status).ToListAsync(ct);
        if (comments.Count == 0)
        {
            return 0;
        }
        var approvedNow = new List<int>();
        var wasApproved = comments.Where(c => c.Status == CommentStatus.Approved).Select(c => c.Id).ToHashSet();
        foreach (var comment in comments)
        {
            var before = comment.Status;
            // Approving and marking spam are lessons for the filter; moving a comment away from either unlearns it.
            if (before == CommentStatus.Spam)
            {
                await spamFilter.LearnAsync(comment, spam: true, weight: -1, ct);
            }
            if (before == CommentStatus.Approved)
            {
                await spamFilter.LearnAsync(comment, spam: false, weight: -1, ct);
            }
            if (status == CommentStatus.Spam)
            {
                await spamFilter.LearnAsync(comment, spam: true, weight: 1, ct);
            }
            if (status == CommentStatus.Approved)
            {
                await spamFilter.LearnAsync(comment, spam: false, weight: 1, ct);
                approvedNow.Add(comment.Id);
            }
            comment.Status = status;
            comment.ModeratedAt = now;
        }
        await db.SaveChangesAsync(ct);
        foreach (var article in comments.GroupBy(c => c.ArticleId))
        {
            var delta = article.Count(c => c.Status == CommentStatus.Approved) - article.Count(c => wasApproved.Contains(c.Id));
            if (delta != 0)
            {
                await CommentCounts.AddAsync(db, article.Key, delta, now, ct);
            }
        }
        await transaction.CommitAsync(ct);

        foreach (var articleId in comments.Select(c => c.ArticleId).Distinct())
        {
            await cache.EvictCommentsAsync(articleId, ct);
        }
        foreach (var id in approvedNow)
        {
            notifier.CommentApproved(id);
        }
        return comments.Count;
    }
}
