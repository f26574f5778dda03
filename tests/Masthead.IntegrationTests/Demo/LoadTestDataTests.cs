using System.Net;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Demo;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Demo;

/// <summary>The load-test newsroom that bench/run.sh generates, at a tiny size.</summary>
public sealed class LoadTestDataTests : IAsyncLifetime
{
    private readonly MastheadApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private Task<LoadTestSummary> GenerateAsync(int articles, int comments) => _app.WithServicesAsync(sp =>
        LoadTestData.GenerateAsync(sp.GetRequiredService<MastheadDb>(), sp.GetRequiredService<ArticleRenderer>(), sp.GetRequiredService<ISearchIndex>(),
            sp.GetRequiredService<RelatedStories>(), allRelated: false, _app.Clock.GetUtcNow().UtcDateTime, articles, comments));

    [Fact]
    public async Task Generated_newsroom_has_the_asked_size_and_the_site_serves_it()
    {
        var summary = await GenerateAsync(30, 200);

        var stats = await _app.WithDbAsync(async db => new
        {
            Published = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published),
            Comments = await db.Comments.CountAsync(),
            Replies = await db.Comments.CountAsync(c => c.ParentId != null),
            BenchApproved = await db.Comments.CountAsync(c => c.ArticleId == summary.ArticleId && c.Status == CommentStatus.Approved),
            BenchOther = await db.Comments.CountAsync(c => c.ArticleId == summary.ArticleId && c.Status != CommentStatus.Approved),
            CountsAgree = await db.Articles.AllAsync(a => a.CommentCount == db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Approved)),
            Untagged = await db.Articles.CountAsync(a => !a.Tags.Any()),
            Unsigned = await db.Articles.CountAsync(a => !a.Bylines.Any()),
            BenchRelated = await db.RelatedArticles.CountAsync(r => r.ArticleId == summary.ArticleId),
        });
        Assert.Equal(30, stats.Published);
        Assert.Equal(200, stats.Comments);
        Assert.True(stats.Replies > 0, "no replies");
        Assert.Equal(50, stats.BenchApproved);
        Assert.Equal(0, stats.BenchOther);
        Assert.True(stats.CountsAgree, "Article.CommentCount disagrees with the approved comments");
        Assert.Equal(0, stats.Untagged);
        Assert.Equal(0, stats.Unsigned);
        Assert.True(stats.BenchRelated > 0, "the benchmark story has no related stories");

        using var reader = new Reader(_app);
        var article = await reader.OpenAsync(summary.ArticlePath);
        Assert.Equal(HttpStatusCode.OK, article.Status);
        Assert.Equal(50, article.All("[id^=comment-]").Count(e => int.TryParse(e.Id!["comment-".Length..], out _)));
        Assert.NotNull(article.One("#commentform"));

        // The benchmark warms the comment path on another story that takes comments.
        Assert.NotEqual(summary.ArticlePath, summary.WarmupPath);
        var warmup = await reader.OpenAsync(summary.WarmupPath);
        Assert.Equal(HttpStatusCode.OK, warmup.Status);
        Assert.NotNull(warmup.One("#commentform"));

        var front = await reader.OpenAsync("/");
        Assert.Equal(HttpStatusCode.OK, front.Status);
        Assert.Contains(front.All("a"), a => a.GetAttribute("href") == summary.ArticlePath);

        var tag = await reader.OpenAsync(summary.TagPath);
        Assert.Equal(HttpStatusCode.OK, tag.Status);
        Assert.Contains(tag.All("a"), a => a.GetAttribute("href") == summary.ArticlePath);

        var search = await reader.OpenAsync($"/search?q={Uri.EscapeDataString(summary.SearchText)}");
        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Contains(search.All("a"), a => a.GetAttribute("href") == summary.ArticlePath);

        var feed = await _app.Http().GetAsync("/feed/");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains(summary.ArticlePath, await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_size_gives_the_same_stories()
    {
        var first = await GenerateAsync(12, 60);
        var headlines = await _app.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug + a.BodyMarkdown.Length).ToListAsync());

        var again = new MastheadApp();
        await ((IAsyncLifetime)again).InitializeAsync();
        try
        {
            var second = await again.WithServicesAsync(sp => LoadTestData.GenerateAsync(sp.GetRequiredService<MastheadDb>(), sp.GetRequiredService<ArticleRenderer>(),
                sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<RelatedStories>(), allRelated: false, _app.Clock.GetUtcNow().UtcDateTime, 12, 60));
            var headlinesAgain = await again.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug + a.BodyMarkdown.Length).ToListAsync());
            Assert.Equal(first.ArticlePath, second.ArticlePath);
            Assert.Equal(headlines, headlinesAgain);
        }
        finally
        {
            await ((IAsyncLifetime)again).DisposeAsync();
        }
    }
}
