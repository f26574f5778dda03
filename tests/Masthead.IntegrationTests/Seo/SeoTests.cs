using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Media;

namespace Masthead.IntegrationTests.Seo;

public sealed class SeoTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private async Task<XDocument> XmlAsync(string path)
    {
        using var http = app.Http();
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Robots_txt_points_to_both_sitemaps_and_keeps_crawlers_out_of_the_newsroom()
    {
        using var http = app.Http();
        var robots = await http.GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {app.BaseAddress}sitemap.xml", robots);
        Assert.Contains($"Sitemap: {app.BaseAddress}news-sitemap.xml", robots);
        Assert.Contains("Disallow: /admin/", robots);
    }

    [Fact]
    public async Task The_sitemap_index_leads_to_every_article_section_tag_and_author_with_honest_lastmod()
    {
        var section = await _newsroom.SectionAsync("Sitemap desk");
        var tag = await _newsroom.TagAsync("Ports");
        var author = await _newsroom.AuthorAsync("Lea Vogel");
        var article = await _newsroom.PublishAsync(section, "Listed in the sitemap", authors: [author], tags: [tag]);
        await _newsroom.CommentAsync(article, "Reader", "A comment is not an update.");
        var modified = await app.WithDbAsync(db => Task.FromResult(db.Articles.Where(a => a.Id == article.Id).Select(a => a.UpdatedAt ?? a.PublishedAt!.Value).Single()));

        var index = await XmlAsync("/sitemap.xml");
        var children = index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        Assert.Equal(Sm + "sitemapindex", index.Root.Name);
        Assert.Contains($"{app.BaseAddress}sitemaps/articles-1.xml", children);

        var urls = new Dictionary<string, string?>();
        foreach (var child in children)
        {
            var set = await XmlAsync(new Uri(child).PathAndQuery);
            foreach (var url in set.Root!.Elements(Sm + "url"))
            {
                urls[url.Element(Sm + "loc")!.Value] = url.Element(Sm + "lastmod")?.Value;
            }
        }
        Assert.Equal(modified.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture), urls[app.BaseAddress + article.Path.TrimStart('/')]);
        Assert.Contains(app.BaseAddress + section.Path.TrimStart('/'), urls.Keys);
        Assert.Contains(app.BaseAddress + tag.Path.TrimStart('/'), urls.Keys);
        Assert.Contains(app.BaseAddress + author.Path.TrimStart('/'), urls.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http().GetAsync("/sitemaps/articles-99.xml")).StatusCode);
    }

    [Fact]
    public async Task The_news_sitemap_lists_only_stories_from_the_last_two_days()
    {
        var section = await _newsroom.SectionAsync();
        var fresh = await _newsroom.PublishAsync(section, "Fresh & newsworthy", publishedAt: DateTime.UtcNow.AddHours(-1));
        var stale = await _newsroom.PublishAsync(section, "Old news", publishedAt: DateTime.UtcNow.AddDays(-3));

        var news = await XmlAsync("/news-sitemap.xml");
        var entries = news.Root!.Elements(Sm + "url").ToDictionary(u => u.Element(Sm + "loc")!.Value);

        Assert.DoesNotContain(app.BaseAddress + stale.Path.TrimStart('/'), entries.Keys);
        var entry = entries[app.BaseAddress + fresh.Path.TrimStart('/')].Element(News + "news")!;
        Assert.Equal("The Masthead Herald", entry.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", entry.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("Fresh & newsworthy", entry.Element(News + "title")!.Value);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", entry.Element(News + "publication_date")!.Value);
    }

    [Fact]
    public async Task Article_pages_carry_news_article_json_ld_open_graph_and_twitter_cards()
    {
        var section = await _newsroom.SectionAsync("Science desk");
        var author = await _newsroom.AuthorAsync("Ines Duarte");
        var tag = await _newsroom.TagAsync("Space");
        var source = await _newsroom.SourceAsync("Meridian News Service");
        var image = await app.WithDbAsync(async db =>
        {
            var i = new Image { FileName = $"{Newsroom.Unique("ld")}.jpg", Width = 1200, Height = 675, AltText = "A rocket", Caption = "Lift-off." };
            db.Images.Add(i);
            await db.SaveChangesAsync();
            return i;
        });
        var article = await _newsroom.PublishAsync(section, "Probe reaches </script> orbit", authors: [author], tags: [tag],
            configure: a => { a.ImageId = image.Id; a.SourceId = source.Id; a.SourceUrl = "https://meridian.example/probe"; });

        var page = await app.GetPageAsync(article.Path);
        var blocks = page.All("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();
        var news = blocks.Single(b => b.GetProperty("@type").GetString() == "NewsArticle");

        Assert.Equal("Probe reaches </script> orbit", news.GetProperty("headline").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", news.GetProperty("datePublished").GetString());
        Assert.Matches(@"[+-]\d{2}:\d{2}$", news.GetProperty("dateModified").GetString());
        Assert.Equal(app.BaseAddress + article.Path.TrimStart('/'), news.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("Ines Duarte", news.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal(app.BaseAddress + author.Path.TrimStart('/'), news.GetProperty("author")[0].GetProperty("url").GetString());
        Assert.Equal($"{app.BaseAddress}logo.png", news.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal($"{app.BaseAddress}media/{image.FileName}", news.GetProperty("image")[0].GetProperty("url").GetString());
        Assert.Equal("https://meridian.example/probe", news.GetProperty("isBasedOn").GetString());
        Assert.Contains(blocks, b => b.GetProperty("@type").GetString() == "BreadcrumbList");

        Assert.Equal("article", page.One("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("Science desk", page.One("meta[property='article:section']")!.GetAttribute("content"));
        Assert.Equal("Space", page.One("meta[property='article:tag']")!.GetAttribute("content"));
        Assert.NotNull(page.One("meta[property='article:published_time']"));
        Assert.Equal("summary_large_image", page.One("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.Equal($"Standfirst of {article.Headline}.", page.One("meta[name=description]")!.GetAttribute("content"));

        using var http = app.Http();
        var logo = await http.GetAsync("/logo.png");
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await logo.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task Section_pages_carry_a_breadcrumb_list()
    {
        var section = await _newsroom.SectionAsync("Breadcrumb desk");
        await _newsroom.PublishAsync(section, "Crumbs");
        var page = await app.GetPageAsync(section.Path);
        var crumbs = JsonDocument.Parse(page.One("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("BreadcrumbList", crumbs.GetProperty("@type").GetString());
        var items = crumbs.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["The Masthead Herald", "Breadcrumb desk"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(app.BaseAddress + section.Path.TrimStart('/'), items[1].GetProperty("item").GetString());
    }
}
