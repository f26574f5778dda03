using System.Net;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Demo;

/// <summary>The demo newsroom a new user sees after `--demo`, and the cost of its busiest pages.</summary>
[Collection(DemoCollection.Name)]
public sealed class DemoSiteTests(DemoApp app)
{
    [Fact]
    public async Task Demo_content_looks_like_a_real_newsroom()
    {
        var stats = await app.WithDbAsync(async db => new
        {
            Published = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published),
            Sections = await db.Sections.CountAsync(),
            Tags = await db.Tags.CountAsync(),
            AuthorsWithBios = await db.Authors.CountAsync(a => a.Bio.Length > 40),
            Sources = await db.Sources.CountAsync(),
            Syndicated = await db.Articles.CountAsync(a => a.SourceId != null && a.SourceUrl != null),
            WithImages = await db.Articles.CountAsync(a => a.ImageId != null),
            WithQuotes = await db.Articles.CountAsync(a => a.BodyMarkdown.Contains("> \u201c") || a.BodyMarkdown.Contains("> \"")),
            Comments = await db.Comments.CountAsync(),
            Threaded = await db.Comments.CountAsync(c => c.ParentId != null),
            BusiestThread = await db.Articles.MaxAsync(a => a.CommentCount),
            Oldest = await db.Articles.Where(a => a.PublishedAt != null).MinAsync(a => a.PublishedAt!.Value),
            Newest = await db.Articles.Where(a => a.Status == ArticleStatus.Published).MaxAsync(a => a.PublishedAt!.Value),
            Images = await db.Images.Select(i => i.FileName).ToListAsync(),
        });

        Assert.True(stats.Published >= 300, $"{stats.Published} published articles");
        Assert.True(stats.Sections >= 8, $"{stats.Sections} sections");
        Assert.True(stats.Tags >= 80, $"{stats.Tags} tags");
        Assert.Equal(6, stats.AuthorsWithBios);
        Assert.Equal(3, stats.Sources);
        Assert.True(stats.Syndicated >= 30, $"{stats.Syndicated} syndicated articles");
        Assert.True(stats.WithImages >= stats.Published * 8 / 10, $"{stats.WithImages} articles with images");
        Assert.True(stats.WithQuotes >= 50, $"{stats.WithQuotes} articles with quoted speech");
        Assert.True(stats.Comments >= 3000, $"{stats.Comments} comments");
        Assert.True(stats.Threaded >= 500, $"{stats.Threaded} replies");
        Assert.True(stats.BusiestThread >= 100, $"busiest article has {stats.BusiestThread} comments");
        Assert.True(DateTime.UtcNow - stats.Oldest > TimeSpan.FromDays(45), $"oldest story {stats.Oldest:u}");
        Assert.True(DateTime.UtcNow - stats.Newest < TimeSpan.FromDays(1), $"newest story {stats.Newest:u}");
        Assert.All(stats.Images, f => Assert.True(File.Exists(Path.Combine(app.DataDirectory, "media", f)), $"{f} is missing"));
    }

    [Fact]
    public async Task Demo_images_are_served_as_jpeg_drawings()
    {
        var file = await app.WithDbAsync(db => db.Images.Select(i => i.FileName).FirstAsync());
        using var http = app.Http();
        var response = await http.GetAsync($"/media/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 10_000, $"{file} is only {bytes.Length} bytes: not much of a drawing");
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Article_page_with_hundreds_of_comments_takes_a_fixed_small_number_of_queries()
    {
        var busiest = await app.WithDbAsync(db => db.Articles.Public().OrderByDescending(a => a.CommentCount)
            .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, a.CommentCount }).FirstAsync());
        var path = ArticlePaths.For(busiest.PublishedAt, busiest.Slug);
        await app.GetPageAsync("/healthz"); // sections and other start-up reads are done

        await app.GetPageAsync("/"); // fills the section directory
        app.Queries.Reset();
        var page = await app.GetPageAsync(path);
        var queries = app.Queries.Count;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"{busiest.CommentCount} comments", page.Text("#comments-heading"));
        Assert.InRange(page.All(".comment-list > .comment").Count, 1, 50);
        Assert.True(queries <= 6, $"The article page took {queries} queries:\n{string.Join("\n---\n", app.Queries.Recent)}");

        app.Queries.Reset();
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync(path)).Status);
        Assert.Equal(0, app.Queries.Count); // served from the output cache
    }

    [Fact]
    public async Task Front_page_takes_a_fixed_small_number_of_queries()
    {
        await app.GetPageAsync("/warm-up-the-layout/"); // fills the section directory
        app.Queries.Reset();
        var page = await app.GetPageAsync("/?from=query-count-test");
        var queries = app.Queries.Count;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.All(".section-block").Count >= 8);
        Assert.True(queries <= 5, $"The front page took {queries} queries:\n{string.Join("\n---\n", app.Queries.Recent)}");
    }

    [Fact]
    public async Task Every_page_type_is_valid_html_in_the_nu_html_checker()
    {
        var article = await app.WithDbAsync(db => db.Articles.Public().OrderByDescending(a => a.CommentCount)
            .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, Section = a.Section.Slug, Tag = a.Tags.Select(t => t.Slug).First(), Author = a.Bylines.Select(b => b.Author.Slug).First() })
            .FirstAsync());
        var day = article.PublishedAt;
        var paths = new[]
        {
            "/", "/page/2/", ArticlePaths.For(article.PublishedAt, article.Slug), $"/section/{article.Section}/", $"/tag/{article.Tag}/",
            $"/author/{article.Author}/", $"/{day:yyyy}/{day:MM}/{day:dd}/", "/no-such-page/", "/search?q=election", "/search?q=zzzqqq", "/about/",
        };
        var folder = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "html-check")).FullName;
        var files = new List<string>();
        using var http = app.Http();
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            var file = Path.Combine(folder, $"page-{i}.html");
            await File.WriteAllTextAsync(file, await (await http.GetAsync(path)).Content.ReadAsStringAsync());
            files.Add(file);
        }

        var errors = await Tools.HtmlErrorsAsync(files);

        Assert.True(errors.Length == 0, $"{string.Join(", ", paths)}:\n{errors}");
    }

    [Fact]
    public async Task Stored_related_stories_share_tags_or_section_far_more_often_than_random_stories()
    {
        var (relatedShare, randomShare, articles) = await app.WithDbAsync(async db =>
        {
            var facts = await db.Articles.Public().Select(a => new { a.Id, a.SectionId, Tags = a.Tags.Select(t => t.Id).ToList() }).ToDictionaryAsync(a => a.Id);
            var pairs = await db.RelatedArticles.Select(r => new { r.ArticleId, r.RelatedId }).ToListAsync();
            bool Close(int a, int b) => facts[a].SectionId == facts[b].SectionId || facts[a].Tags.Intersect(facts[b].Tags).Any();
            var ids = facts.Keys.Order().ToList();
            var random = new Random(7);
            var randomPairs = Enumerable.Range(0, 2000).Select(_ => (ids[random.Next(ids.Count)], ids[random.Next(ids.Count)])).Where(p => p.Item1 != p.Item2).ToList();
            var related = pairs.Where(p => facts.ContainsKey(p.ArticleId) && facts.ContainsKey(p.RelatedId)).ToList();
            return ((double)related.Count(p => Close(p.ArticleId, p.RelatedId)) / related.Count,
                (double)randomPairs.Count(p => Close(p.Item1, p.Item2)) / randomPairs.Count,
                related.Select(p => p.ArticleId).Distinct().Count());
        });

        Assert.True(articles >= 300, $"only {articles} stories have related stories stored");
        Assert.True(relatedShare >= 0.9, $"related pairs share a tag or section {relatedShare:P0} of the time");
        Assert.True(relatedShare >= 2 * randomShare, $"related {relatedShare:P0} against random {randomShare:P0}");
    }

    [Fact]
    public async Task Every_public_comment_on_the_demo_is_approved_and_counted()
    {
        var mismatched = await app.WithDbAsync(db => db.Articles
            .Where(a => a.CommentCount != db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Approved))
            .Select(a => a.Slug).ToListAsync());
        Assert.Empty(mismatched);
    }

    [Fact]
    public async Task The_demo_site_has_an_about_page_and_a_corrections_policy_in_its_footer()
    {
        var front = await app.GetPageAsync("/?from=standing-pages-test");
        var footer = front.All(".site-footer .footer-pages a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("About us", "/about/"), ("Corrections policy", "/corrections-policy/")], footer);
        var policy = await app.GetPageAsync("/corrections-policy/");
        Assert.Equal(HttpStatusCode.OK, policy.Status);
        Assert.Equal("Corrections policy", policy.Text("h1"));
        Assert.Contains("we say so", policy.Text(".site-page-body"));
    }
}
