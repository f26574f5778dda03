using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>The counts the admin navigation shows beside its links: what is waiting for someone.</summary>
public sealed class AdminNavigation(MastheadDb db)
{
    public sealed record Counts(int PendingComments, int InReview);

    public async Task<Counts> CountAsync(CancellationToken ct) => new(
        await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, ct),
        await db.Articles.CountAsync(a => a.Status == ArticleStatus.InReview, ct));
}
