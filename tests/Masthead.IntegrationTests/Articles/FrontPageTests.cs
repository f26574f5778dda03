using System.Net;
using Masthead.Articles;
using Masthead.Data;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Media;

namespace Masthead.IntegrationTests.Articles;

public sealed class FrontPageTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    private Task<Image> ImageAsync() => app.WithDbAsync(async (MastheadDb db) =>
    {
        var image = new Image { FileName = $"{Newsroom.Unique("img")}.jpg", Width = 1200, Height = 675, AltText = "A harbour at dusk", Caption = "The harbour.", Credit = "Photo: Test" };
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return image;
    });

    [Fact]
    public async Task Front_page_has_the_lead_with_its_image_the_latest_section_blocks_most_commented_and_more_pages()
    {
        var world = await _newsroom.SectionAsync("World desk");
        var sport = await _newsroom.SectionAsync("Sport desk");
        var now = DateTime.UtcNow;
        for (var i = 0; i < 30; i++)
        {
            await _newsroom.PublishAsync(i % 2 == 0 ? world : sport, $"Background story {i:00}", publishedAt: now.AddDays(-3).AddMinutes(i));
        }
        var image = await ImageAsync();
        var discussed = await _newsroom.PublishAsync(sport, "Referee row divides fans", publishedAt: now.AddHours(-5));
        for (var i = 0; i < 3; i++)
        {
            await _newsroom.CommentAsync(discussed, $"Fan {i}", "Never a penalty.");
        }
        var lead = await _newsroom.PublishAsync(world, "Summit ends with climate pledge", publishedAt: now.AddMinutes(-10),
            configure: a => a.ImageId = image.Id);
        var newestWithoutImage = await _newsroom.PublishAsync(world, "Markets open higher", publishedAt: now.AddMinutes(-5));
        var withdrawn = await _newsroom.PublishAsync(world, "Withdrawn before breakfast", publishedAt: now.AddMinutes(-1));
        Assert.Equal(PublishResult.Withdrawn, await _newsroom.WithPublisherAsync(withdrawn.Id, (publisher, article) => publisher.WithdrawAsync(article, "test")));

        var page = await app.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Summit ends with climate pledge", page.Text(".lead-story .lead-headline a"));
        Assert.Equal(image.Url, page.One(".lead-story img")!.GetAttribute("src"));
        Assert.Equal(newestWithoutImage.Path, page.One(".latest li a")!.GetAttribute("href"));
        var blockHeadings = page.All(".section-block h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("World desk", blockHeadings);
        Assert.Contains("Sport desk", blockHeadings);
        // Each desk's block: its four newest public stories, newest first (the withdrawn one is not among them).
        Assert.Equal(["Markets open higher", "Summit ends with climate pledge", "Background story 28", "Background story 26"], BlockHeadlines(page, world));
        Assert.Equal(["Referee row divides fans", "Background story 29", "Background story 27", "Background story 25"], BlockHeadlines(page, sport));
        Assert.Equal("Referee row divides fans", page.Text(".most-commented li a"));
        Assert.Equal("3 comments", page.Text(".most-commented .comment-count"));
        Assert.EndsWith("/page/2/", page.One("link[rel=next]")!.GetAttribute("href"));
        Assert.Contains(lead.Path, page.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var second = await app.GetPageAsync("/page/2/");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.InRange(second.All(".more-stories .card").Count, 1, 20);
        Assert.Equal("Background story 00", second.All(".more-stories .card-headline a")[^1].TextContent);
        Assert.EndsWith("/", second.One("link[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/page/99/")).Status);
    }

    private static List<string> BlockHeadlines(FetchedPage page, Section section) =>
        page.All($"section[aria-labelledby='section-{section.Slug}'] .card-headline a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Publishing_a_story_evicts_the_cached_front_page()
    {
        var section = await _newsroom.SectionAsync();
        await _newsroom.PublishAsync(section, "Earlier headline");
        var before = await app.GetPageAsync("/");
        Assert.DoesNotContain("Breaking: bridge reopens", before.Document.Body!.TextContent);

        await _newsroom.PublishAsync(section, "Breaking: bridge reopens");
        var after = await app.GetPageAsync("/");

        Assert.Contains("Breaking: bridge reopens", after.Document.Body!.TextContent);
    }
}
