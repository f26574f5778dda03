using System.Linq.Expressions;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Comments;

/// <summary>
/// Keeps an article's two comment figures equal to what its page shows: <see cref="Article.CommentCount"/>, the
/// approved comments, and <see cref="Article.CommentThreadCount"/>, the threads they form (as
/// <see cref="CommentThread.Build"/> lays them out). A breaking story collects thousands of comments: with the figures
/// kept, neither the lists nor the page a new comment lands on count them one by one.
/// </summary>
public static class CommentCounts
{
    /// <summary>An approved comment that starts a thread of its own: no parent, or a parent not shown before it.</summary>
    public static readonly Expression<Func<Comment, bool>> StartsThread = c => c.Status == CommentStatus.Approved
        && (c.ParentId == null || !(c.Parent!.Status == CommentStatus.Approved
            && (c.Parent.CreatedAt < c.CreatedAt || (c.Parent.CreatedAt == c.CreatedAt && c.Parent.Id < c.Id))));

    /// <summary>
    /// Whether a parent is shown before its reply, and so holds it (<see cref="StartsThread"/> in memory): the page
    /// shows comments by time, then by key.
    /// </summary>
    public static bool ShownBefore(DateTime parentAt, int parentId, DateTime replyAt, int replyId) =>
        parentAt < replyAt || (parentAt == replyAt && parentId < replyId);

    /// <summary>
    /// Adds comments just stored for one article to its figures, in the transaction that stored them. A new comment
    /// has no replies yet, so it moves no other comment: only whether each of them starts a thread counts, as
    /// <see cref="StartsThread"/> decides from its parent (read by key: SQLite, asked for the new rows by key and
    /// status in one statement, walked every approved comment instead). Runs on every group the comment writer
    /// commits, so plain statements on the context's connection: through EF, turning this method's captured values
    /// into query parameters compiled a delegate on each call.
    /// </summary>
    public static async Task AddAsync(MastheadDb db, int articleId, IReadOnlyCollection<Comment> added, DateTime now, CancellationToken ct)
    {
        var approved = added.Where(c => c.Status == CommentStatus.Approved).ToList();
        if (approved.Count == 0)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var parents = new Dictionary<int, (CommentStatus Status, DateTime CreatedAt)>();
            var parentIds = approved.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).Distinct().ToList();
            if (parentIds.Count > 0)
            {
                using var read = (SqliteCommand)db.CreateCommand("SELECT Status, CreatedAt FROM Comments WHERE Id = $id");
                var id = read.Parameters.Add("$id", SqliteType.Integer);
                foreach (var parentId in parentIds)
                {
                    id.Value = parentId;
                    using var row = read.ExecuteReader();
                    if (row.Read())
                    {
                        parents[parentId] = ((CommentStatus)row.GetInt32(0), row.GetDateTime(1));
                    }
                }
            }
            var threads = approved.Count(c => !(c.ParentId is { } parentId && parents.TryGetValue(parentId, out var parent)
                && parent.Status == CommentStatus.Approved && ShownBefore(parent.CreatedAt, parentId, c.CreatedAt, c.Id)));
            using var update = (SqliteCommand)db.CreateCommand("""
                UPDATE Articles SET CommentCount = CommentCount + $comments, CommentThreadCount = CommentThreadCount + $threads,
                    ModifiedAt = $now WHERE Id = $id
                """);
            update.Parameters.AddWithValue("$comments", approved.Count);
            update.Parameters.AddWithValue("$threads", threads);
            update.Parameters.AddWithValue("$now", now.ToUniversalTime());
            update.Parameters.AddWithValue("$id", articleId);
            await update.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Counts the figures of <paramref name="articles"/> again from their comments: after moderation, which can join
    /// threads or split them, and after imports and restores. Sets ModifiedAt to <paramref name="now"/> when given.
    /// </summary>
    public static Task<int> RecountAsync(MastheadDb db, IQueryable<Article> articles, DateTime? now, CancellationToken ct) =>
        articles.ExecuteUpdateAsync(s =>
        {
            s.SetProperty(a => a.CommentCount, a => db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Approved))
                .SetProperty(a => a.CommentThreadCount, a => db.Comments.Where(c => c.ArticleId == a.Id).Count(StartsThread));
            if (now is { } modified)
            {
                s.SetProperty(a => a.ModifiedAt, modified);
            }
        }, ct);

    /// <summary><see cref="StartsThread"/> in SQL, for a comment <c>c</c> left-joined to its parent <c>p</c>.</summary>
    private static readonly string StartsThreadSql =
        $"c.Status = {Approved} AND NOT (p.Status IS NOT NULL AND p.Status = {Approved} AND (p.CreatedAt < c.CreatedAt OR (p.CreatedAt = c.CreatedAt AND p.Id < c.Id)))";

    /// <summary>
    /// One page of an article's threads as the page shows them, in one statement prepared once (see
    /// <see cref="PreparedReads"/>): the comments that start threads in display order, <paramref name="skip"/> of them
    /// passed over and <paramref name="take"/> kept, then every approved reply under them shown after its parent. A
    /// breaking story collects tens of thousands of comments; only the page's are read (the replies by
    /// IX_Comments_ParentId_ArticleId_Status_CreatedAt_Id).
    /// </summary>
    public static Task<List<CommentView>> PageOfThreadsAsync(PreparedReads reads, int articleId, int skip, int take, CancellationToken ct) =>
        reads.ReadAsync(PageOfThreadsSql, ReadViews, ct, ("$articleId", articleId), ("$skip", skip), ("$take", take));

    /// <summary>
    /// The statement of <see cref="PageOfThreadsAsync"/>. SQLite guesses a recursive table at about a million rows.
    /// Once the statistics say Comments has fewer, the guess made it read the whole Comments table on every uncached
    /// article page: the site's SQLite scanned it to probe the page's rows, SQLite 3.40 built a Bloom filter of it
    /// before the first reply lookup (0.27 s at a million comments). The always-true term, said to hold for one row
    /// in a million, tells the planner the page is a handful of rows, so replies are looked up by their parent and the
    /// comments by their key. It is on CreatedAt: a term on Id would pass through the join to r.ParentId and turn the
    /// lookup into a range. DatabaseTests holds the plan.
    /// </summary>
    internal static readonly string PageOfThreadsSql = $"""
        WITH RECURSIVE page(Id, CreatedAt) AS (
            SELECT Id, CreatedAt FROM (
                SELECT c.Id, c.CreatedAt FROM Comments AS c LEFT JOIN Comments AS p ON p.Id = c.ParentId
                WHERE c.ArticleId = $articleId AND {StartsThreadSql}
                ORDER BY c.CreatedAt, c.Id LIMIT $take OFFSET $skip)
            UNION ALL
            SELECT r.Id, r.CreatedAt FROM page JOIN Comments AS r ON r.ParentId = page.Id
            WHERE likelihood(page.CreatedAt IS NOT NULL, 0.000001) AND r.ArticleId = $articleId AND r.Status = {Approved}
                AND (page.CreatedAt < r.CreatedAt OR (page.CreatedAt = r.CreatedAt AND page.Id < r.Id)))
        SELECT c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, c.StaffUserId IS NOT NULL
        FROM page JOIN Comments AS c ON c.Id = page.Id
        """;

    private static List<CommentView> ReadViews(SqliteDataReader r)
    {
        var views = new List<CommentView>();
        while (r.Read())
        {
            views.Add(new CommentView(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetString(4), DateTime.SpecifyKind(r.GetDateTime(5), DateTimeKind.Utc), false, r.GetBoolean(6)));
        }
        return views;
    }

    /// <summary>
    /// How many threads come before the one starting with the given comment: the article's count less the threads
    /// from that one on. A comment just posted, or a reply in a live conversation, sits near the end, so only the few
    /// threads after it are read. Asked after every post, so a statement prepared once (see <see cref="PreparedReads"/>):
    /// its condition is <see cref="StartsThread"/> in SQL, which CommentCountsTests holds to the expression.
    /// </summary>
    public static Task<long> ThreadsBeforeAsync(PreparedReads reads, int articleId, DateTime at, int id, CancellationToken ct) =>
        reads.ScalarAsync(ThreadsBeforeSql, 0L, ct, ("$articleId", articleId), ("$at", at), ("$id", id));

    private static readonly string ThreadsBeforeSql = $"""
        SELECT a.CommentThreadCount - (
            SELECT COUNT(*) FROM Comments AS c LEFT JOIN Comments AS p ON p.Id = c.ParentId
            WHERE c.ArticleId = $articleId AND (c.CreatedAt > $at OR (c.CreatedAt = $at AND c.Id >= $id)) AND {StartsThreadSql})
        FROM Articles AS a WHERE a.Id = $articleId
        """;

    private const int Approved = (int)CommentStatus.Approved;
}
