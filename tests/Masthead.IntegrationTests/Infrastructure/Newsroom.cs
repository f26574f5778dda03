using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Infrastructure;

/// <summary>
/// Arranges the content a test needs, through the same services the newsroom uses. Every name is unique, so tests
/// sharing an app never see each other's data in what they assert.
/// </summary>
public sealed class Newsroom(MastheadApp app)
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..(prefix.Length + 13)];

    public Task<Section> SectionAsync(string? name = null) => app.WithDbAsync(async db =>
    {
        var slug = Unique("desk");
        var section = new Section { Slug = slug, Name = name ?? $"Desk {slug[5..]}", Description = "A desk made by a test.", Position = 100 };
        db.Sections.Add(section);
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<SectionDirectory>().Invalidate();
        return section;
    });

    public Task<Author> AuthorAsync(string name = "Test Reporter") => app.WithDbAsync(async db =>
    {
        var author = new Author { Slug = Unique("reporter"), Name = name, JobTitle = "Staff reporter", Bio = $"{name} covers everything a test needs." };
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        return author;
    });

    public Task<Tag> TagAsync(string name = "Test tag") => app.WithDbAsync(async db =>
    {
        var tag = new Tag { Slug = Unique("tag"), Name = name };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag;
    });

    public Task<Masthead.Articles.Source> SourceAsync(string name = "Northwire") => app.WithDbAsync(async db =>
    {
        var source = new Masthead.Articles.Source { Slug = Unique("wire"), Name = name, Url = "https://northwire.example/" };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    });

    /// <summary>Writes and publishes an article. <paramref name="publishedAt"/> defaults to now.</summary>
    public Task<Article> PublishAsync(Section section, string headline, string body = "First paragraph.\n\nSecond paragraph.",
        DateTime? publishedAt = null, Action<Article>? configure = null, IEnumerable<Author>? authors = null, IEnumerable<Tag>? tags = null) =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<MastheadDb>();
            var now = DateTime.UtcNow;
            var article = new Article
            {
                Slug = Unique("story"),
                Headline = headline,
                Standfirst = $"Standfirst of {headline}.",
                BodyMarkdown = body,
                SectionId = section.Id,
                CreatedAt = (publishedAt ?? now).AddHours(-1),
                PublishedAt = publishedAt,
                ModifiedAt = now,
                Status = ArticleStatus.Draft,
            };
            var position = 0;
            foreach (var author in authors ?? [])
            {
                article.Bylines.Add(new Byline { AuthorId = author.Id, Position = position++ });
            }
            foreach (var tag in tags ?? [])
            {
                db.Attach(tag);
                article.Tags.Add(tag);
            }
            configure?.Invoke(article);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            var result = await sp.GetRequiredService<ArticlePublisher>().PublishAsync(article);
            Assert.Equal(PublishResult.Published, result);
            return article;
        });

    /// <summary>Loads an article for a publishing step (update, slug change, withdrawal) and runs it.</summary>
    public Task<PublishResult> WithPublisherAsync(int articleId, Func<ArticlePublisher, Article, Task<PublishResult>> step) =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<MastheadDb>();
            var article = await db.Articles.SingleAsync(a => a.Id == articleId);
            return await step(sp.GetRequiredService<ArticlePublisher>(), article);
        });

    /// <summary>Adds comments as a moderator would have left them, keeping the article's public count in step.</summary>
    public Task<Comment> CommentAsync(Article article, string author, string body, CommentStatus status = CommentStatus.Approved,
        Comment? replyTo = null, string? url = null) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<MastheadDb>();
        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = replyTo?.Id,
            AuthorName = author,
            AuthorEmail = "reader@example.com",
            AuthorUrl = url,
            Body = body,
            BodyHtml = sp.GetRequiredService<CommentText>().Render(body),
            Status = status,
            CreatedAt = DateTime.UtcNow,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        await CommentCounts.RecountAsync(db, db.Articles.Where(a => a.Id == article.Id), null, CancellationToken.None);
        return comment;
    });
}
