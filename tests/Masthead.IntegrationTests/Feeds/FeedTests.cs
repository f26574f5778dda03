using System.Net;
using System.Net.Http.Headers;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Media;

namespace Masthead.IntegrationTests.Feeds;

public sealed class FeedTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    private async Task<(Masthead.Articles.Section Section, Masthead.Articles.Tag Tag, Masthead.Articles.Author Author, List<Masthead.Articles.Article> Articles)> DeskAsync()
    {
        var section = await _newsroom.SectionAsync("Feeds desk");
        var tag = await _newsroom.TagAsync("Energy");
        var author = await _newsroom.AuthorAsync("Marta Silva");
        var image = await app.WithDbAsync(async db =>
        {
            var i = new Image { FileName = $"{Newsroom.Unique("feed")}.jpg", Width = 1200, Height = 675, AltText = "Wind turbines", ContentType = "image/jpeg" };
            db.Images.Add(i);
            await db.SaveChangesAsync();
            return i;
        });
        var articles = new List<Masthead.Articles.Article>();
        for (var i = 0; i < 3; i++)
        {
            articles.Add(await _newsroom.PublishAsync(section, $"Wind farm {i} opens & grid <expands>", $"Turbines **spin** in story {i}.\n\nSecond paragraph [link](/tag/energy/).",
                publishedAt: DateTime.UtcNow.AddHours(-3 + i), authors: [author], tags: [tag], configure: a => a.ImageId = image.Id));
        }
        return (section, tag, author, articles);
    }

    [Fact]
    public async Task Every_feed_parses_in_feedparser_without_errors_and_carries_the_stories()
    {
        var (section, tag, author, articles) = await DeskAsync();
        using var http = app.Http();

        foreach (var basePath in new[] { "/", section.Path, tag.Path, author.Path })
        {
            // Debian's feedparser (6.0.10) reads RSS and Atom; JSON Feed support came later, so that format is checked against its spec below.
            foreach (var (suffix, version, type) in new[] { ("feed/", "rss20", "application/rss+xml"), ("feed/atom/", "atom10", "application/atom+xml") })
            {
                var response = await http.GetAsync(basePath + suffix);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
                var feed = await Tools.FeedparserAsync(await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType!.ToString());
                Assert.True(feed.GetProperty("bozo").ValueKind == System.Text.Json.JsonValueKind.False || feed.GetProperty("bozo").GetInt32() == 0,
                    $"{basePath}{suffix}: {feed.GetProperty("error").GetString()}");
                Assert.StartsWith(version[..4], feed.GetProperty("version").GetString());
                var entries = feed.GetProperty("entries").EnumerateArray().ToList();
                var newest = entries.First(e => e.GetProperty("title").GetString()!.StartsWith("Wind farm", StringComparison.Ordinal));
                Assert.Equal("Wind farm 2 opens & grid <expands>", newest.GetProperty("title").GetString());
                Assert.Equal(app.BaseAddress + articles[2].Path.TrimStart('/'), newest.GetProperty("link").GetString());
                Assert.Contains("Marta Silva", newest.GetProperty("author").GetString());
                Assert.Contains("<strong>spin</strong>", newest.GetProperty("content").GetString());
                Assert.Contains($"{app.BaseAddress}tag/energy/", newest.GetProperty("content").GetString());
                Assert.DoesNotContain("read-also-slot", newest.GetProperty("content").GetString());
                Assert.Contains("Energy", newest.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
                Assert.StartsWith($"{app.BaseAddress}media/", newest.GetProperty("enclosures")[0].GetString());
            }

            var json = await http.GetAsync(basePath + "feed.json");
            Assert.Equal("application/feed+json", json.Content.Headers.ContentType?.MediaType);
            using var document = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync());
            var root = document.RootElement;
            Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
            Assert.Equal($"{app.BaseAddress}{basePath.TrimStart('/')}feed.json", root.GetProperty("feed_url").GetString());
            var item = root.GetProperty("items").EnumerateArray().First(i => i.GetProperty("title").GetString()!.StartsWith("Wind farm", StringComparison.Ordinal));
            Assert.Equal(app.BaseAddress + articles[2].Path.TrimStart('/'), item.GetProperty("id").GetString());
            Assert.Contains("<strong>spin</strong>", item.GetProperty("content_html").GetString());
            Assert.Equal("Marta Silva", item.GetProperty("authors")[0].GetProperty("name").GetString());
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_published").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        }
    }

    [Fact]
    public async Task Feeds_answer_304_to_a_matching_etag_and_name_their_last_change()
    {
        await DeskAsync();
        using var http = app.Http();
        var first = await http.GetAsync("/feed/");
        Assert.NotNull(first.Content.Headers.LastModified);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed/");
        request.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Publishing_refreshes_the_cached_feed()
    {
        var (section, _, _, _) = await DeskAsync();
        using var http = app.Http();
        await http.GetStringAsync("/feed.json");
        await _newsroom.PublishAsync(section, "Fresh from the newsroom");
        Assert.Contains("Fresh from the newsroom", await http.GetStringAsync("/feed.json"));
    }

    [Fact]
    public async Task Every_page_links_the_site_feeds_and_lists_link_their_own()
    {
        var (section, _, _, _) = await DeskAsync();
        var front = await app.GetPageAsync("/");
        var sectionPage = await app.GetPageAsync(section.Path);

        Assert.Equal(3, front.All("link[rel=alternate]").Count);
        Assert.Contains($"{app.BaseAddress}feed/atom/", front.All("link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Contains(app.BaseAddress + section.Path.TrimStart('/') + "feed/", sectionPage.All("link[rel=alternate]").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public async Task Unknown_section_feed_is_not_found()
    {
        using var http = app.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/section/nowhere/feed/")).StatusCode);
    }
}
