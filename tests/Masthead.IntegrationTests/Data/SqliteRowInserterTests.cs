using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Data;

/// <summary>The bulk writer used by imports must store rows exactly as EF would: read back through EF, every property is what was written.</summary>
public sealed class SqliteRowInserterTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    [Fact]
    public async Task Rows_read_back_through_EF_exactly_as_written_with_their_generated_keys_inside_the_callers_transaction()
    {
        var outcome = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var section = new Section { Slug = "inserter", Name = "Inserter" };
            var tag = new Tag { Slug = "inserted", Name = "Inserted" };
            db.AddRange(section, tag);
            await db.SaveChangesAsync();

            var article = new Article
            {
                Slug = "written-in-bulk", Headline = "Written \"in bulk\" — ünïcode", Standfirst = "", BodyMarkdown = "Body", BodyHtml = "<p>Body</p>",
                Status = ArticleStatus.Published, CreatedAt = new DateTime(2026, 3, 29, 1, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567),
                PublishedAt = new DateTime(2026, 3, 29, 2, 0, 0, DateTimeKind.Utc), ModifiedAt = new DateTime(2026, 3, 30, 0, 0, 0, DateTimeKind.Utc),
                SectionId = section.Id, Section = section, CommentsOpen = false, ReadAlsoAfterParagraph = 5, ImportKey = "https://old.example#post-1",
            };
            var comment = new Comment
            {
                AuthorName = "Reader", AuthorEmail = "reader@example.org", AuthorUrl = null, Body = "First", BodyHtml = "<p>First</p>",
                Status = CommentStatus.Pending, CreatedAt = new DateTime(2026, 3, 29, 3, 4, 5, DateTimeKind.Utc), IpAddress = "192.0.2.1",
                NotifyReplies = true, EditedAt = new DateTime(2026, 3, 29, 3, 5, 0, 500, DateTimeKind.Utc), ImportKey = "https://old.example#comment-9",
            };
            await using (var articles = await SqliteRowInserter.OpenAsync<Article>(db, default))
            {
                articles.Insert(article);
            }
            comment.ArticleId = article.Id;
            await using (var comments = await SqliteRowInserter.OpenAsync<Comment>(db, default))
            {
                comments.Insert(comment);
            }
            var tagging = db.Model.FindEntityType(typeof(Article))!.FindSkipNavigation(nameof(Article.Tags))!;
            await using (var tags = await SqliteRowInserter.OpenAsync(db, tagging.JoinEntityType.Name, default))
            {
                tags.Insert(new Dictionary<string, object>
                {
                    [tagging.ForeignKey.Properties[0].Name] = article.Id,
                    [tagging.Inverse.ForeignKey.Properties[0].Name] = tag.Id,
                });
            }

            var storedArticle = await db.Articles.AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Id == article.Id);
            var storedComment = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == comment.Id);
            var differences = Differences(db, article, storedArticle).Concat(Differences(db, comment, storedComment)).ToList();
            await transaction.RollbackAsync();
            var afterRollback = await db.Articles.AsNoTracking().AnyAsync(a => a.Slug == "written-in-bulk");
            return (article.Id, comment.Id, differences, Tags: storedArticle.Tags.Select(t => t.Slug).ToList(), afterRollback);
        });

        Assert.True(outcome.Item1 > 0, "the article's generated key is set on the entity");
        Assert.True(outcome.Item2 > 0, "the comment's generated key is set on the entity");
        Assert.Empty(outcome.differences);
        Assert.Equal(["inserted"], outcome.Tags);
        Assert.False(outcome.afterRollback, "the rows were written in the caller's transaction and rolled back with it");
    }

    /// <summary>Every mapped property whose stored value differs from the written one, as "Type.Property: written ≠ stored".</summary>
    private static IEnumerable<string> Differences<T>(MastheadDb db, T written, T stored) where T : class =>
        db.Model.FindEntityType(typeof(T))!.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p => (p.Name, Written: p.PropertyInfo!.GetValue(written), Stored: p.PropertyInfo.GetValue(stored)))
            .Where(x => !Equals(x.Written, x.Stored) || (x.Written is DateTime w && x.Stored is DateTime s && w.Kind != s.Kind))
            .Select(x => $"{typeof(T).Name}.{x.Name}: {x.Written} \u2260 {x.Stored}");
}
