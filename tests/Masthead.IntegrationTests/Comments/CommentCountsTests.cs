using Masthead.Comments;
using Masthead.Data.Sqlite;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Comments;

public sealed class CommentCountsTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    [Fact]
    public async Task The_threads_before_a_comment_are_counted_in_sql_exactly_as_the_thread_rule_says()
    {
        var article = await new Newsroom(app).PublishAsync(await new Newsroom(app).SectionAsync(), "Bridge closes for repairs");
        var start = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        var ids = await app.WithDbAsync(async db =>
        {
            Comment Add(string body, CommentStatus status, int minute, Comment? parent = null)
            {
                var comment = new Comment
                {
                    ArticleId = article.Id, AuthorName = "Reader", AuthorEmail = "reader@example.org", Body = body, Status = status,
                    CreatedAt = start.AddMinutes(minute), ParentId = parent?.Id,
                };
                db.Comments.Add(comment);
                db.SaveChanges();
                return comment;
            }
            var first = Add("First", CommentStatus.Approved, 0);
            Add("A reply to the first", CommentStatus.Approved, 1, first);
            Add("Answered at the same moment, stored later", CommentStatus.Approved, 0, first);
            var held = Add("Held", CommentStatus.Pending, 2);
            Add("A reply to a held comment starts its own thread", CommentStatus.Approved, 3, held);
            var later = Add("Shown after its reply (an imported thread)", CommentStatus.Approved, 6);
            Add("A reply older than its parent", CommentStatus.Approved, 4, later);
            Add("Spam", CommentStatus.Spam, 5);
            Add("Last", CommentStatus.Approved, 7);
            await CommentCounts.RecountAsync(db, db.Articles.Where(a => a.Id == article.Id), null, CancellationToken.None);
            return await db.Comments.Where(c => c.ArticleId == article.Id).OrderBy(c => c.Id).Select(c => new { c.Id, c.CreatedAt }).ToListAsync();
        });

        var reads = app.Services.GetRequiredService<PreparedReads>();
        var inSql = new List<long>();
        var byRule = new List<long>();
        foreach (var comment in ids)
        {
            inSql.Add(await CommentCounts.ThreadsBeforeAsync(reads, article.Id, comment.CreatedAt, comment.Id, CancellationToken.None));
            byRule.Add(await app.WithDbAsync(async db =>
            {
                var threads = await db.Articles.Where(a => a.Id == article.Id).Select(a => a.CommentThreadCount).SingleAsync();
                return threads - (long)await db.Comments
                    .Where(c => c.ArticleId == article.Id && (c.CreatedAt > comment.CreatedAt || (c.CreatedAt == comment.CreatedAt && c.Id >= comment.Id)))
                    .CountAsync(CommentCounts.StartsThread);
            }));
        }

        Assert.Equal(byRule, inSql);
        // Threads: the first, the reply to the held comment, the reply older than its parent, that parent, the last.
        Assert.Equal(5, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.CommentThreadCount).SingleAsync()));
        Assert.Equal([0L, 1L, 1L, 1L, 1L, 3L, 2L, 3L, 4L], inSql);
    }
}
