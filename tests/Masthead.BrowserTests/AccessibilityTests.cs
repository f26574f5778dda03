using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Masthead.BrowserTests;

/// <summary>axe-core, run in Chromium on every page type of the demo site: no WCAG A/AA violations.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string AxeScript
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir!.FullName, "node_modules", "axe-core", "axe.min.js");
        }
    }

    private async Task<IPage> OpenAsync(string path)
    {
        // axe is injected as an inline script, which the site's own Content-Security-Policy rightly forbids.
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { BypassCSP = true });
        var response = await page.GotoAsync(new Uri(fixture.Site.BaseAddress, path).ToString());
        Assert.NotNull(response);
        return page;
    }

    private static async Task AssertNoViolationsAsync(IPage page, string name)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })).violations" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ') ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    [Theory]
    [InlineData("front page", "/")]
    [InlineData("front page, page 2", "/page/2/")]
    [InlineData("not found", "/no-such-page/")]
    [InlineData("search", "/search?q=election")]
    [InlineData("search without results", "/search?q=zzqqxx")]
    public async Task Page_has_no_accessibility_violations(string name, string path)
    {
        var page = await OpenAsync(path);
        await AssertNoViolationsAsync(page, name);
    }

    [Fact]
    public async Task Article_section_tag_and_author_pages_have_no_accessibility_violations()
    {
        var page = await OpenAsync("/");
        var watch = new PageWatch(page);
        await page.Locator(".lead-story .lead-headline a").ClickAsync();
        await page.WaitForSelectorAsync("h1.headline");
        await AssertNoViolationsAsync(page, "article");

        foreach (var (name, link) in new[] { ("tag", ".tags a"), ("author", ".byline a"), ("section", ".story .kicker a") })
        {
            var article = page.Url;
            var target = page.Locator(link).First;
            var address = new Uri(new Uri(article), await target.GetAttributeAsync("href")).AbsolutePath;
            await target.ClickAsync();
            await watch.ArrivedAsync(new Regex(Regex.Escape(address) + "$"), $"The {name} page did not open");
            await AssertNoViolationsAsync(page, name);
            await page.GotoAsync(article);
        }
    }
}
