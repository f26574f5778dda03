using Masthead.Comments;
using Masthead.Data.Sqlite;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Data;

public sealed class PreparedReadsTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private const string CountSql = "SELECT COUNT(*) FROM Comments WHERE ArticleId = $articleId AND Status = $status";

    [Fact]
    public async Task A_statement_prepared_once_sees_every_comment_committed_since_its_last_run()
    {
        var article = await new Newsroom(app).PublishAsync(await new Newsroom(app).SectionAsync(), "Harbour dredging starts in spring");
        var reads = app.Services.GetRequiredService<PreparedReads>();
        var counts = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            counts.Add(await reads.ScalarAsync(CountSql, -1L, CancellationToken.None, ("$articleId", article.Id), ("$status", (int)CommentStatus.Approved)));
            await app.WithDbAsync(async db =>
            {
                db.Comments.Add(new Comment
                {
                    ArticleId = article.Id, AuthorName = "Reader", AuthorEmail = $"reader{i}@example.org", Body = $"Comment {i}",
                    Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow,
                });
                return await db.SaveChangesAsync();
            });
        }
        counts.Add(await reads.ScalarAsync(CountSql, -1L, CancellationToken.None, ("$articleId", article.Id), ("$status", (int)CommentStatus.Approved)));

        Assert.Equal([0L, 1L, 2L, 3L], counts);
        // Parameters are bound afresh each time: the same statement asked about held comments finds none.
        Assert.Equal(0L, await reads.ScalarAsync(CountSql, -1L, CancellationToken.None, ("$articleId", article.Id), ("$status", (int)CommentStatus.Pending)));
    }

    [Fact]
    public async Task A_failing_statement_gives_its_connection_back()
    {
        var reads = app.Services.GetRequiredService<PreparedReads>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // More failures than there are connections: each must hand its connection back, or the last would wait forever.
        for (var i = 0; i < 4 * Environment.ProcessorCount + 1; i++)
        {
            await Assert.ThrowsAsync<SqliteException>(() => reads.ScalarAsync("SELECT Nothing FROM Nowhere", 0L, timeout.Token));
        }
        Assert.Equal(42L, await reads.ScalarAsync("SELECT $n + 1", 0L, timeout.Token, ("$n", 41)));
    }
}
