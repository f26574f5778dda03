using System.Net;
using System.Text;
using Masthead.Import.WordPress;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Import;

/// <summary>The WordPress export's "page" items (About the Gazette, published; Privacy Policy, a draft) as standing pages, in a site of their own.</summary>
public sealed class WordPressPagesTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "TestData", "wordpress-export-small.xml");

    private Task<ImportReport> ImportAsync(Stream file, bool dryRun = false) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<WordPressImporter>().ImportAsync(file, dryRun, null, CancellationToken.None));

    private async Task<ImportReport> ImportFixtureAsync()
    {
        await using var file = File.OpenRead(Fixture);
        return await ImportAsync(file);
    }

    [Fact]
    public async Task The_exports_pages_become_standing_pages_whose_old_addresses_lead_to_them()
    {
        var report = await ImportFixtureAsync();
        Assert.Null(report.Error);
        Assert.Equal(2, report.Pages + report.PagesUpdated);
        Assert.Contains("pages imported", report.ToString());

        var pages = await app.WithDbAsync(db => db.SitePages.AsNoTracking().Where(p => p.ImportKey!.StartsWith("http://localhost:8081#post-"))
            .ToDictionaryAsync(p => p.ImportKey!));
        Assert.Equal(2, pages.Count);
        var about = pages["http://localhost:8081#post-12"];
        Assert.Equal("About the Gazette", about.Title);
        Assert.Equal("about-the-gazette", about.Slug);
        Assert.Equal(SitePageStatus.Published, about.Status);
        Assert.Null(about.ParentId);
        Assert.Equal(0, about.MenuOrder);
        Assert.DoesNotContain("<!-- wp:", about.BodyMarkdown);
        Assert.Contains("covered the town since 1921", about.BodyHtml);
        Assert.DoesNotContain("read-also", about.BodyHtml);
        var privacy = pages["http://localhost:8081#post-3"];
        Assert.Equal("Privacy Policy", privacy.Title);
        Assert.Equal("privacy-policy", privacy.Slug);
        Assert.Equal(SitePageStatus.Draft, privacy.Status);
        Assert.Contains("<h2>Who we are</h2>", privacy.BodyHtml);

        // The published page lives where WordPress had it; its WordPress ids lead there too.
        var page = await app.GetPageAsync("/about-the-gazette/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("About the Gazette", page.Text("h1"));
        using var http = app.Http();
        foreach (var old in new[] { "/?page_id=12", "/?p=12" })
        {
            var response = await http.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/about-the-gazette/", response.Headers.Location?.OriginalString);
        }
        // A draft has no public address, old or new.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/?page_id=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/privacy-policy/")).StatusCode);

        var again = await ImportFixtureAsync();
        Assert.Equal(0, again.Pages);
        Assert.Equal(2, again.PagesUpdated);
        Assert.Equal(2, await app.WithDbAsync(db => db.SitePages.CountAsync(p => p.ImportKey!.StartsWith("http://localhost:8081#post-"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Redirects.CountAsync(r => r.Path == "/?page_id=12")));
    }

    [Fact]
    public async Task WordPress_nesting_deeper_than_one_level_moves_under_the_top_page_and_old_permalinks_follow()
    {
        var site = $"http://{Newsroom.Unique("nested")}.example";
        var (about, team) = (Newsroom.Unique("about"), Newsroom.Unique("team"));
        // Slugs of this copy are its own, so it shares no address with the other test's import of the same export.
        var xml = (await File.ReadAllTextAsync(Fixture)).Replace("http://localhost:8081", site).Replace("about-the-gazette", about)
            .Replace("privacy-policy", Newsroom.Unique("privacy"))
            .Replace("</channel>", $"""
                <item>
                    <title>Our team</title>
                    <link>{site}/{about}/{team}/</link>
                    <content:encoded><![CDATA[<p>Meet the newsroom.</p>]]></content:encoded>
                    <wp:post_id>40</wp:post_id>
                    <wp:post_name>{team}</wp:post_name>
                    <wp:status>publish</wp:status>
                    <wp:post_parent>12</wp:post_parent>
                    <wp:menu_order>3</wp:menu_order>
                    <wp:post_type>page</wp:post_type>
                </item>
                <item>
                    <title>Editors</title>
                    <link>{site}/{about}/{team}/editors-{team}/</link>
                    <content:encoded><![CDATA[<p>Who edits.</p><script>alert('x')</script><p onclick="steal()">Night desk.</p>]]></content:encoded>
                    <wp:post_id>41</wp:post_id>
                    <wp:post_name>editors-{team}</wp:post_name>
                    <wp:status>publish</wp:status>
                    <wp:post_parent>40</wp:post_parent>
                    <wp:post_type>page</wp:post_type>
                </item>
                </channel>
                """);

        var report = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Null(report.Error);
        var rows = await app.WithDbAsync(db => db.SitePages.AsNoTracking().Where(p => p.ImportKey!.StartsWith(site + "#"))
            .Select(p => new { p.ImportKey, p.Slug, p.MenuOrder, p.BodyHtml, Parent = db.SitePages.Where(x => x.Id == p.ParentId).Select(x => x.Slug).FirstOrDefault() })
            .ToDictionaryAsync(p => p.ImportKey!));
        Assert.Equal(about, rows[$"{site}#post-40"].Parent);
        Assert.Equal(3, rows[$"{site}#post-40"].MenuOrder);
        // Masthead nests one level: the grandchild sits under the top page.
        var editors = rows[$"{site}#post-41"];
        Assert.Equal(about, editors.Parent);
        Assert.DoesNotContain("<script", editors.BodyHtml);
        Assert.DoesNotContain("onclick", editors.BodyHtml);
        Assert.Contains("Night desk.", editors.BodyHtml);

        var teamPage = await app.GetPageAsync($"/{about}/{team}/");
        Assert.Equal(HttpStatusCode.OK, teamPage.Status);
        Assert.Equal("Our team", teamPage.Text("h1"));
        Assert.Equal($"/{about}/", teamPage.One(".site-page-header .kicker a")?.GetAttribute("href"));
        var editorsPath = $"/{about}/editors-{team}/";
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync(editorsPath)).Status);
        var moved = await app.GetPageAsync($"/{about}/{team}/editors-{team}/");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        Assert.Equal(editorsPath, moved.Location());
        var aboutPage = await app.GetPageAsync($"/{about}/");
        // Beneath a page, its pages come in menu order: the grandchild (order 0) before the team page (order 3).
        Assert.Equal([editorsPath, $"/{about}/{team}/"], aboutPage.All(".site-page-children a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public async Task A_dry_run_counts_the_pages_and_saves_none()
    {
        var site = $"http://{Newsroom.Unique("dry")}.example";
        var xml = (await File.ReadAllTextAsync(Fixture)).Replace("http://localhost:8081", site);
        var report = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), dryRun: true);
        Assert.Equal(2, report.Pages);
        Assert.Equal(0, await app.WithDbAsync(db => db.SitePages.CountAsync(p => p.ImportKey!.StartsWith(site))));
    }
}
