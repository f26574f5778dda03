using Masthead.Articles;
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
public sealed class CommentModerator(MastheadDb db, SpamFilter spamFilter, SiteClock clock, SiteCache cache, CommentNotifier notifier,
    CommentText text, AuditLog audit)
{
    public async Task<ModerationResult> SetStatusAsync(int commentId, CommentStatus status, Staffer? by = null, CancellationToken ct = default) =>
        await SetStatusAsync([commentId], status, by, ct) > 0 ? ModerationResult.Changed
            : await db.Comments.AnyAsync(c => c.Id == commentId, ct) ? ModerationResult.Unchanged : ModerationResult.NotFound;

    /// <summary>The audit log's name for moving a comment to a status.</summary>
    public static string AuditAction(CommentStatus status) => status switch
    {
        CommentStatus.Approved => "comment.approved",
        CommentStatus.Spam => "comment.spam",
        CommentStatus.Trash => "comment.trashed",
        _ => "comment.held",
    };

    /// <summary>Bulk action: returns how many comments changed. <paramref name="by"/> is recorded in the audit log.</summary>
    public async Task<int> SetStatusAsync(IReadOnlyCollection<int> commentIds, CommentStatus status, Staffer? by = null, CancellationToken ct = default)
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
            if (by is not null)
            {
                audit.Add(by.UserId, by.Name, AuditAction(status), "comment", comment.Id, Describe(comment));
            }
        }
        await db.SaveChangesAsync(ct);
        // A comment shown or hidden changes the count, and may join the replies after it to its thread or split them off.
        var shownChanged = comments.Where(c => c.Status == CommentStatus.Approved || wasApproved.Contains(c.Id)).Select(c => c.ArticleId).Distinct().ToList();
        if (shownChanged.Count > 0)
        {
            await CommentCounts.RecountAsync(db, db.Articles.Where(a => shownChanged.Contains(a.Id)), now, ct);
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

    /// <summary>A moderator rewrites a comment's text: rendered and sanitized as a reader's would be, and marked as edited.</summary>
    public async Task<CommentEdit> EditAsync(int commentId, string? body, Staffer by, CancellationToken ct = default)
    {
        var cleaned = CommentPoster.Clean(body);
        if (BodyError(cleaned) is { } error)
        {
            return CommentEdit.Invalid(error);
        }
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null)
        {
            return new CommentEdit(CommentEditOutcome.NotFound, "That comment no longer exists.");
        }
        if (comment.Body == cleaned)
        {
            return new CommentEdit(CommentEditOutcome.Unchanged, "The text is unchanged.");
        }
        // The filter learned from the words the moderator judged; it should know the words that now stand.
        var lesson = comment.Status switch { CommentStatus.Approved => false, CommentStatus.Spam => true, _ => (bool?)null };
        if (lesson is { } spam)
        {
            await spamFilter.LearnAsync(comment, spam, weight: -1, ct);
        }
        comment.Body = cleaned;
        comment.BodyHtml = text.Render(cleaned);
        comment.EditedAt = now;
        if (lesson is { } spamAgain)
        {
            await spamFilter.LearnAsync(comment, spamAgain, weight: 1, ct);
        }
        audit.Add(by.UserId, by.Name, "comment.edited", "comment", comment.Id, Describe(comment));
        await db.SaveChangesAsync(ct);
        if (comment.Status == CommentStatus.Approved)
        {
            await db.Articles.Where(a => a.Id == comment.ArticleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ModifiedAt, now), ct);
        }
        await transaction.CommitAsync(ct);
        if (comment.Status == CommentStatus.Approved)
        {
            await cache.EvictCommentsAsync(comment.ArticleId, ct);
        }
        return new CommentEdit(CommentEditOutcome.Edited, "The comment was saved.", comment);
    }

    /// <summary>
    /// A member of staff answers a comment under their own name. The answer is published at once and marked as
    /// staff; a pending comment being answered is approved first, since answering it publicly vouches for it.
    /// </summary>
    public async Task<CommentEdit> ReplyAsync(int parentId, string? body, Staffer by, string staffEmail, CancellationToken ct = default)
    {
        var cleaned = CommentPoster.Clean(body);
        if (BodyError(cleaned) is { } error)
        {
            return CommentEdit.Invalid(error);
        }
        var parent = await db.Comments.AsNoTracking().Where(c => c.Id == parentId).Select(c => new { c.Id, c.ArticleId, c.Status }).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            return new CommentEdit(CommentEditOutcome.NotFound, "That comment no longer exists.");
        }
        if (parent.Status is CommentStatus.Spam or CommentStatus.Trash)
        {
            return CommentEdit.Invalid($"This comment is in {parent.Status.ToString().ToLowerInvariant()}: approve it before replying.");
        }
        if (parent.Status == CommentStatus.Pending)
        {
            await SetStatusAsync([parent.Id], CommentStatus.Approved, by, ct);
        }
        var now = clock.UtcNow;
        var reply = new Comment
        {
            ArticleId = parent.ArticleId,
            ParentId = parent.Id,
            AuthorName = by.Name.Length > CommentOptions.MaxNameLength ? by.Name[..CommentOptions.MaxNameLength] : by.Name,
            AuthorEmail = staffEmail.ToLowerInvariant(),
            Body = cleaned,
            BodyHtml = text.Render(cleaned),
            Status = CommentStatus.Approved,
            CreatedAt = now,
            ModeratedAt = now,
            StaffUserId = by.UserId,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Comments.Add(reply);
            await db.SaveChangesAsync(ct);
            audit.Add(by.UserId, by.Name, "comment.replied", "comment", reply.Id, $"Reply to comment {parent.Id}: {Excerpt(cleaned)}");
            await db.SaveChangesAsync(ct);
            await CommentCounts.AddAsync(db, parent.ArticleId, [reply], now, ct);
            await transaction.CommitAsync(ct);
        }
        await cache.EvictCommentsAsync(parent.ArticleId, ct);
        // The commenter answered may have asked to hear of replies.
        notifier.CommentApproved(reply.Id);
        return new CommentEdit(CommentEditOutcome.Edited, "Your reply was published.", reply);
    }

    private static string? BodyError(string body) =>
        body.Length == 0 ? "Enter the comment's text."
        : body.Length > CommentOptions.MaxBodyLength ? $"The text is too long: {body.Length:N0} characters. Keep it to {CommentOptions.MaxBodyLength:N0}."
        : null;

    private static string Describe(Comment comment) => $"{comment.AuthorName} on article {comment.ArticleId}: {Excerpt(comment.Body)}";

    private static string Excerpt(string body) => body.Length <= 80 ? body : body[..79] + "\u2026";
}

public enum CommentEditOutcome
{
    Edited,
    Unchanged,
    Invalid,
    NotFound,
}

/// <summary>How a moderator's edit or reply ended, with the message to show beside the form.</summary>
public sealed record CommentEdit(CommentEditOutcome Outcome, string Message, Comment? Comment = null)
{
    public static CommentEdit Invalid(string message) => new(CommentEditOutcome.Invalid, message);
}
