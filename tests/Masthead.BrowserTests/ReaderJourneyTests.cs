using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Masthead.BrowserTests;

public sealed class ReaderJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Reader_opens_the_front_page_follows_the_lead_story_and_reads_it()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(fixture.Site.BaseAddress.ToString());

        Assert.Equal("The Masthead Herald", await page.TitleAsync());
        var lead = page.Locator(".lead-story .lead-headline a");
        var headline = (await lead.InnerTextAsync()).Trim();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "front-page.png"), FullPage = false });

        var watch = new PageWatch(page);
        await lead.ClickAsync();
        await watch.ArrivedAsync(new Regex(@"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/$"), "The lead story did not open");

        Assert.Equal(headline, (await page.Locator("h1.headline").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".byline a[rel=author]").CountAsync() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator(".dateline").InnerTextAsync()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", await page.Locator(".published time").GetAttributeAsync("datetime"));
        var readAlso = page.Locator(".story-body .read-also");
        Assert.StartsWith("READ ALSO:", (await readAlso.InnerTextAsync()).Trim());
        // The link sits inside the body, with paragraphs of the story before and after it.
        Assert.True(await page.Locator(".story-body p + .read-also + p").CountAsync() == 1);
        Assert.True(await page.Locator("#comments").IsVisibleAsync());

        // The stylesheet applied: serif headline, and the lead image fits the column.
        var font = await page.Locator("h1.headline").EvaluateAsync<string>("h => getComputedStyle(h).fontFamily");
        Assert.Contains("Georgia", font);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "article.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(BrowserFixture.ArtifactsDirectory, "article.png")));
    }

    [Fact]
    public async Task On_a_phone_the_article_fits_the_screen_without_sideways_scrolling()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        await page.GotoAsync(fixture.Site.BaseAddress.ToString());
        await page.Locator(".lead-story .lead-headline a").ClickAsync();
        await page.WaitForSelectorAsync("h1.headline");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone's screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "article-phone.png") });
    }

    [Fact]
    public async Task Keyboard_users_can_skip_to_the_content_and_see_where_focus_is()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Site.BaseAddress.ToString());

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.Equal("Skip to content", (await focused.InnerTextAsync()).Trim());
        var outline = await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#content", page.Url);
    }
}
