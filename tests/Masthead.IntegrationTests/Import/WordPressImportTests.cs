using System.Net;
using System.Text;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Import.WordPress;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Import;

/// <summary>The real WordPress export in TestData (Harbour Town Gazette, WordPress 6.1), imported into a site of its own.</summary>
public sealed class WordPressImportTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "TestData", "wordpress-export-small.xml");

    private Task<ImportReport> ImportAsync(Stream file, bool dryRun = false) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<WordPressImporter>().ImportAsync(file, dryRun, null, CancellationToken.None));

    private async Task<ImportReport> ImportFixtureAsync()
    {
        await using var file = File.OpenRead(Fixture);
        return await ImportAsync(file);
    }

    private Task<int> CountAsync() => app.WithDbAsync(async db => await db.Articles.CountAsync() + await db.Comments.CountAsync());

    [Fact]
    public async Task The_export_becomes_articles_sections_tags_authors_threads_and_working_old_urls()
    {
        var report = await ImportFixtureAsync();
        Assert.Null(report.Error);

        var articles = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.ImportKey!.StartsWith("http://localhost:8081#post-"))
            .Select(a => new { a.ImportKey, a.Headline, a.Status, a.Slug, a.PublishedAt, Section = a.Section.Slug, a.BodyMarkdown, a.BodyHtml, a.CommentCount, a.ImageId,
                Tags = a.Tags.Select(t => t.Slug).OrderBy(t => t).ToList(), Authors = a.Bylines.Select(b => b.Author.Name).ToList() })
            .ToDictionaryAsync(a => a.ImportKey!));
        Assert.Equal(6, articles.Count);
        var harbour = articles["http://localhost:8081#post-4"];
        Assert.Equal("Harbour wall repairs finally begin after winter storms", harbour.Headline);
        Assert.Equal(ArticleStatus.Published, harbour.Status);
        Assert.Equal("harbour-wall-repairs-finally-begin-after-winter-storms", harbour.Slug);
        Assert.Equal(["council", "weather"], harbour.Tags);
        Assert.DoesNotContain("<!-- wp:", harbour.BodyMarkdown);
        Assert.Contains("<p>", harbour.BodyHtml);
        Assert.NotNull(harbour.ImageId);
        Assert.Equal(5, harbour.CommentCount);
        Assert.Equal(ArticleStatus.Draft, articles["http://localhost:8081#post-11"].Status);
        Assert.Contains("opinion", articles.Values.Select(a => a.Section));
        Assert.Contains(articles.Values, a => a.Authors.Count == 1);

        var threads = await app.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Article.ImportKey == "http://localhost:8081#post-4")
            .Select(c => new { c.ImportKey, c.ParentId, c.Id, c.Status, c.AuthorEmail }).ToListAsync());
        Assert.Equal(5, threads.Count);
        Assert.Equal(3, threads.Count(c => c.ParentId is not null));
        Assert.All(threads.Where(c => c.ParentId is not null), c => Assert.Contains(threads, p => p.Id == c.ParentId));

        // The story lives at its Masthead address; its WordPress addresses answer 301 there.
        var path = ArticlePaths.For(harbour.PublishedAt!.Value, harbour.Slug);
        var page = await app.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("5 comments", page.Text("#comments-heading"));
        using var http = app.Http();
        foreach (var old in new[] { "/2026/11/harbour-wall-repairs-finally-begin-after-winter-storms/", "/2026/11/harbour-wall-repairs-finally-begin-after-winter-storms", "/?p=4" })
        {
            var response = await http.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(path, response.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/?p=11")).StatusCode); // a draft has no public address
        // Pages are no longer skipped: they become standing pages (WordPressPagesTests).
        Assert.DoesNotContain(report.Skipped, s => s.Contains("About the Gazette") || s.Contains("Privacy Policy"));
    }

    [Fact]
    public async Task Importing_the_same_export_again_updates_instead_of_duplicating()
    {
        await ImportFixtureAsync();
        var before = await CountAsync();
        var again = await ImportFixtureAsync();
        Assert.Equal(0, again.Imported);
        Assert.Equal(6, again.Updated);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_post_the_file_repeats_in_a_later_batch_updates_the_story_written_earlier_in_the_same_import()
    {
        // More items than one batch holds: post 7 comes again as the 201st item, edited, with a comment of its own.
        static string Item(int id, string title, int commentId) => $"""
            <item><title>{title}</title><link>http://repeats.example/{id}/</link><content:encoded><![CDATA[Text of story {id}.]]></content:encoded>
            <excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{id}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt>
            <wp:post_name>repeated-export-story-{id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
            <wp:comment><wp:comment_id>{commentId}</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_author_email>r@example.org</wp:comment_author_email>
            <wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>On {title}</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
            <wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment></item>
            """;
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Repeats</title>
            <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://repeats.example</wp:base_site_url>
            {string.Concat(Enumerable.Range(1, 200).Select(i => Item(i, $"Story {i}", i)))}{Item(7, "Story 7, corrected", 1000)}
            </channel></rss>
            """;

        var report = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Null(report.Error);
        Assert.Equal(200, report.Imported);
        Assert.Equal(1, report.Updated);
        var (stories, headline, comments) = await app.WithDbAsync(async db => (
            await db.Articles.CountAsync(a => a.ImportKey!.StartsWith("http://repeats.example#")),
            await db.Articles.Where(a => a.ImportKey == "http://repeats.example#post-7").Select(a => a.Headline).SingleAsync(),
            await db.Comments.CountAsync(c => c.Article.ImportKey == "http://repeats.example#post-7")));
        Assert.Equal(200, stories);
        Assert.Equal("Story 7, corrected", headline);
        Assert.Equal(2, comments);
    }

    [Fact]
    public async Task The_exports_authors_become_invited_staff_accounts_without_passwords_linked_to_their_profiles_once()
    {
        var site = $"http://{Newsroom.Unique("authors")}.example";
        var taken = $"{Newsroom.Unique("taken")}@example.com";
        var existing = await app.WithServicesAsync(sp => sp.GetRequiredService<Masthead.Accounts.StaffRoster>()
            .CreateAsync(taken, "Already Staff", Masthead.Accounts.StaffRoles.Editor, "a-long-password-1"));
        var ruth = Newsroom.Unique("Ruth");
        var owen = Newsroom.Unique("Owen");
        var xml = (await File.ReadAllTextAsync(Fixture)).Replace("http://localhost:8081", site).Replace("Ruth Calder", ruth).Replace("Owen Price", owen)
            .Replace("rcalder@example.com", $"ruth@{new Uri(site).Host}").Replace("oprice@example.com", $"owen@{new Uri(site).Host}")
            .Replace("admin@example.com", taken);

        var report = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Null(report.Error);
        Assert.Equal(2, report.StaffInvited);
        Assert.Contains(report.Skipped, s => s.Contains(taken) && s.Contains("Already Staff"));
        var accounts = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@" + new Uri(site).Host))
            .Select(u => new
            {
                u.Email, u.DisplayName, u.PasswordHash, u.InvitedAt, u.AuthorId,
                Author = db.Authors.Where(a => a.Id == u.AuthorId).Select(a => a.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => db.Roles.First(x => x.Id == r.RoleId).Name).ToList(),
            })
            .OrderBy(u => u.Email).ToListAsync());
        Assert.Equal(2, accounts.Count);
        var invited = accounts[0];
        Assert.Equal(owen, invited.DisplayName);
        Assert.Null(invited.PasswordHash);
        Assert.NotNull(invited.InvitedAt);
        Assert.Equal(owen, invited.Author);
        Assert.Equal(["author"], invited.Roles);
        Assert.Equal(ruth, accounts[1].Author);
        // The address that already had an account got no second one.
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == taken)));
        Assert.NotNull(existing.User);

        var again = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        Assert.Equal(0, again.StaffInvited);
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@" + new Uri(site).Host))));
        Assert.DoesNotContain(again.Skipped, s => s.Contains("ruth@"));
    }

    [Fact]
    public async Task A_dry_run_reports_and_saves_nothing()
    {
        var before = await CountAsync();
        var xml = (await File.ReadAllTextAsync(Fixture)).Replace("http://localhost:8081", "http://dry-run.example");
        var report = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), dryRun: true);
        Assert.Equal(6, report.Imported);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("entity bomb")]
    [InlineData("external entity")]
    [InlineData("bad encoding")]
    public async Task A_broken_file_is_refused_with_its_line_and_column_and_changes_nothing(string kind)
    {
        var xml = (await File.ReadAllTextAsync(Fixture)).Replace("http://localhost:8081", $"http://{kind.Replace(' ', '-')}.example");
        byte[] bytes = kind switch
        {
            "truncated" => Encoding.UTF8.GetBytes(xml[..(xml.Length * 2 / 3)]),
            "entity bomb" => Encoding.UTF8.GetBytes(xml.Replace("<rss version", "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss version").Replace("<title>Harbour Town Gazette</title>", "<title>&b;</title>")),
            "external entity" => Encoding.UTF8.GetBytes(xml.Replace("<rss version", "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version")),
            _ => [.. Encoding.UTF8.GetBytes(xml[..5000]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(xml[5000..])],
        };
        var before = await CountAsync();

        var report = await ImportAsync(new MemoryStream(bytes));

        Assert.NotNull(report.Error);
        Assert.Matches(@"line \d+, column \d+", report.Error);
        Assert.Equal(before, await CountAsync());
        Assert.StartsWith("Import failed, nothing was changed", report.ToString());
    }

    [Fact]
    public async Task An_export_imports_into_a_new_site_with_the_same_stories_terms_and_threads()
    {
        var xml = (await File.ReadAllTextAsync(Fixture)).Replace("http://localhost:8081", "http://round-trip.example");
        await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        var exported = new MemoryStream();
        await app.WithServicesAsync(sp => sp.GetRequiredService<WordPressExporter>().ExportAsync(exported, CancellationToken.None));
        exported.Position = 0;

        var copy = new MastheadApp();
        await ((IAsyncLifetime)copy).InitializeAsync();
        try
        {
            var report = await copy.WithServicesAsync(sp => sp.GetRequiredService<WordPressImporter>().ImportAsync(exported, false, null, CancellationToken.None));
            Assert.Null(report.Error);

            static async Task<List<string>> Summary(MastheadApp site, string? keyPrefix) => await site.WithDbAsync(db => db.Articles.AsNoTracking()
                .Where(a => keyPrefix == null || a.ImportKey!.StartsWith(keyPrefix))
                .OrderBy(a => a.Headline)
                .Select(a => a.Headline + "|" + a.Status + "|" + a.Section.Slug + "|" + string.Join(",", a.Tags.OrderBy(t => t.Slug).Select(t => t.Slug)) + "|" + a.CommentCount
                    + "|" + db.Comments.Count(c => c.ArticleId == a.Id && c.ParentId != null) + "|" + (a.ImageId != null))
                .ToListAsync());

            // Everything this site holds went out, and came back the same.
            Assert.Equal(await Summary(app, null), await Summary(copy, null));
            static Task<List<string>> Pages(MastheadApp site) => site.WithDbAsync(db => db.SitePages.AsNoTracking().OrderBy(p => p.Slug)
                .Select(p => p.Slug + "|" + p.Title + "|" + p.Status + "|" + p.MenuOrder + "|" + db.SitePages.Where(x => x.Id == p.ParentId).Select(x => x.Slug).FirstOrDefault())
                .ToListAsync());
            Assert.Contains($"about-the-gazette|About the Gazette|{(int)Masthead.Pages.SitePageStatus.Published}|0|", await Pages(copy));
            Assert.Equal(await Pages(app), await Pages(copy));
        }
        finally
        {
            await ((IAsyncLifetime)copy).DisposeAsync();
        }
    }
}
