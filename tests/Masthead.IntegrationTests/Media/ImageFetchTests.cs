using System.Diagnostics;
using System.Net;
using System.Text;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Import.WordPress;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Masthead.IntegrationTests.Media;

/// <summary>A site that may fetch from loopback (the tests' own server), with a 1 MB upload limit and a 3 second download limit.</summary>
public sealed class FetchingApp : MastheadApp
{
    public const long MaxBytes = 1_000_000;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Media:FetchAllowPrivateAddresses"] = "true",
        ["Media:MaxUploadBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Media:FetchTimeoutSeconds"] = "3",
    };
}

/// <summary>
/// A WordPress export whose pictures live on the tests' own server: two real photographs (one a PNG under a .jpg name,
/// one a phone JPEG with EXIF location and orientation) and four that cannot be fetched (missing, a web page, too
/// big, too slow). The post shows the phone photograph as its lead picture.
/// </summary>
internal sealed class OldSite
{
    public string Key { get; } = Guid.NewGuid().ToString("n")[..12];
    public string Headline => $"Harbour wall {Key}";
    public string UploadPath(string name) => $"/wp-content/uploads/2026/11/{Key}-{name}";
    public byte[] Photo { get; } = TestImages.WithExif(TestImages.Draw(SKEncodedImageFormat.Jpeg, 1200, 800));
    public byte[] Chart { get; } = TestImages.Draw(SKEncodedImageFormat.Png, 400, 300);

    /// <summary>Attachment names, in the order of their WordPress ids (100, 101, ...).</summary>
    public static readonly string[] Names = ["photo.jpg", "chart.jpg", "missing.jpg", "page.jpg", "huge.jpg", "slow.jpg"];

    public void Serve(FeedServer server)
    {
        server.Files[UploadPath("photo.jpg")] = new ServedFile(200, Photo, "image/jpeg");
        server.Files[UploadPath("chart.jpg")] = new ServedFile(200, Chart, "image/jpeg");
        server.Files[UploadPath("page.jpg")] = new ServedFile(200, Encoding.UTF8.GetBytes("<!doctype html><title>Not found</title><p>Sorry"), "image/jpeg");
        // Sent without a length, so only counting while reading can stop it.
        server.Files[UploadPath("huge.jpg")] = new ServedFile(200, [0xFF, 0xD8, 0xFF, .. new byte[FetchingApp.MaxBytes + 200_000]], "image/jpeg") { Chunked = true };
        server.Files[UploadPath("slow.jpg")] = new ServedFile(200, Photo, "image/jpeg") { Delay = TimeSpan.FromSeconds(30) };
    }

    public string Wxr(FeedServer server)
    {
        var site = server.Base.TrimEnd('/');
        var attachments = string.Concat(Names.Select((name, i) => $"""
            <item><title>{name}</title><wp:post_id>{100 + i}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
            <wp:post_date_gmt>2026-11-01 08:00:00</wp:post_date_gmt><wp:post_name>{Key}-{Path.GetFileNameWithoutExtension(name)}</wp:post_name>
            <wp:attachment_url><![CDATA[{site}{UploadPath(name)}]]></wp:attachment_url>
            <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Alt {name} {Key}]]></wp:meta_value></wp:postmeta></item>
            """));
        return $"""
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Old site</title><link>{site}</link><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>{site}/{Key}</wp:base_site_url><wp:base_blog_url>{site}/{Key}</wp:base_blog_url>
            <wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>news-{Key}</wp:category_nicename><wp:cat_name><![CDATA[News {Key}]]></wp:cat_name></wp:category>
            <item><title>{Headline}</title><dc:creator>admin</dc:creator>
            <content:encoded><![CDATA[<p>Repairs start on Monday.</p>]]></content:encoded><excerpt:encoded><![CDATA[Repairs start.]]></excerpt:encoded>
            <wp:post_id>4</wp:post_id><wp:post_date_gmt>2026-11-01 08:30:00</wp:post_date_gmt><wp:post_name>harbour-wall-{Key}</wp:post_name>
            <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
            <category domain="category" nicename="news-{Key}"><![CDATA[News {Key}]]></category>
            <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>100</wp:meta_value></wp:postmeta></item>
            {attachments}
            </channel></rss>
            """;
    }

    public async Task ImportAsync(MastheadApp app, FeedServer server)
    {
        var report = await app.WithServicesAsync(sp => sp.GetRequiredService<WordPressImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Wxr(server))), false, null, CancellationToken.None));
        Assert.Null(report.Error);
        Assert.Equal(1, report.Imported);
    }

    public Task<List<Masthead.Media.Image>> ImagesAsync(MastheadApp app) => app.WithDbAsync(db =>
        db.Images.AsNoTracking().Where(i => i.SourceUrl != null && i.SourceUrl.Contains(Key)).OrderBy(i => i.Id).ToListAsync());

    public Masthead.Media.Image Row(IEnumerable<Masthead.Media.Image> rows, string name) => rows.Single(i => i.SourceUrl!.EndsWith(UploadPath(name), StringComparison.Ordinal));

    public Task<string> ArticlePathAsync(MastheadApp app) => app.WithDbAsync(async db =>
    {
        var a = await db.Articles.AsNoTracking().SingleAsync(x => x.Headline == Headline);
        return ArticlePaths.For(a.PublishedAt!.Value, a.Slug);
    });

    /// <summary>The fetched picture: processed like an upload, upright, without its EXIF, with WebP copies beside it.</summary>
    public static void AssertProcessed(MastheadApp app, Masthead.Media.Image image, int width, int height, SKEncodedImageFormat format)
    {
        var file = Path.Combine(app.DataDirectory, "media", image.FileName);
        Assert.True(File.Exists(file), $"{file} is missing");
        var bytes = File.ReadAllBytes(file);
        var shape = TestImages.Inspect(bytes);
        Assert.Equal((width, height, format), (shape.Width, shape.Height, shape.Format));
        Assert.Equal(SKEncodedOrigin.TopLeft, shape.Origin);
        Assert.Equal((width, height, (long)bytes.Length), (image.Width, image.Height, image.ByteSize));
        Assert.Equal(-1, TestImages.IndexOf(bytes, Encoding.ASCII.GetBytes(TestImages.GpsMarker)));
        Assert.Equal(-1, TestImages.IndexOf(bytes, "Exif\0\0"u8.ToArray()));
        var widths = Masthead.Media.ResponsiveImage.ParseWidths(image.Widths);
        Assert.NotEmpty(widths);
        foreach (var w in widths)
        {
            var copy = File.ReadAllBytes(Path.Combine(app.DataDirectory, "media", Masthead.Media.ResponsiveImage.CopyFileName(image.FileName, w)));
            Assert.Equal((w, SKEncodedImageFormat.Webp), (TestImages.Inspect(copy).Width, TestImages.Inspect(copy).Format));
        }
    }

    /// <summary>What a failed picture's row must still say: exactly what the import wrote.</summary>
    public static object Snapshot(Masthead.Media.Image i) => new { i.FileName, i.ContentType, i.Width, i.Height, i.ByteSize, i.Widths, i.AltText, i.Caption, i.SourceUrl };
}

public sealed class MediaFetchCommandTests(FetchingApp app) : IClassFixture<FetchingApp>, IDisposable
{
    private readonly FeedServer _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>`masthead media fetch --data DIR` as a real process, on the running site's data folder, with extra environment.</summary>
    private async Task<(int Exit, string Output)> FetchCommandAsync(bool allowPrivate)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Tools.RepositoryRoot, "src", "Masthead"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Masthead.dll"), "media", "fetch", "--data", app.DataDirectory })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Media__MaxUploadBytes"] = FetchingApp.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Media__FetchTimeoutSeconds"] = "3";
        start.Environment["Media__FetchAllowPrivateAddresses"] = allowPrivate ? "true" : "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task Media_fetch_downloads_imported_pictures_like_uploads_reports_each_failure_and_fetches_only_what_is_missing_when_run_again()
    {
        var old = new OldSite();
        old.Serve(_server);
        await old.ImportAsync(app, _server);
        var imported = await old.ImagesAsync(app);
        Assert.Equal(6, imported.Count);

        // Without the option, the tests' own server is a loopback address: refused, and nothing changes.
        var (refusedExit, refused) = await FetchCommandAsync(allowPrivate: false);
        Assert.Equal(1, refusedExit);
        Assert.Contains("0 fetched, 6 failed, 0 already present.", refused);
        Assert.Contains("private network", refused);
        Assert.DoesNotContain(_server.Requested, p => p.Contains(old.Key, StringComparison.Ordinal));
        Assert.Equal(imported.Select(OldSite.Snapshot), (await old.ImagesAsync(app)).Select(OldSite.Snapshot));

        var (exit, output) = await FetchCommandAsync(allowPrivate: true);

        Assert.Equal(1, exit); // some pictures failed
        Assert.Contains("2 fetched, 4 failed, 0 already present.", output);
        var after = await old.ImagesAsync(app);
        var photo = old.Row(after, "photo.jpg");
        OldSite.AssertProcessed(app, photo, 800, 1200, SKEncodedImageFormat.Jpeg); // turned upright by its EXIF orientation
        Assert.Equal("image/jpeg", photo.ContentType);
        var chart = old.Row(after, "chart.jpg");
        Assert.EndsWith(".png", chart.FileName, StringComparison.Ordinal); // the bytes decide the kind, not the address
        Assert.Equal("image/png", chart.ContentType);
        OldSite.AssertProcessed(app, chart, 400, 300, SKEncodedImageFormat.Png);
        string Line(string name) => output.Split('\n').Single(l => l.Contains(old.UploadPath(name), StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal) && l.TrimStart().StartsWith('#'));
        Assert.Contains("404", Line("missing.jpg"));
        Assert.Contains("not a JPEG, PNG, WebP or GIF", Line("page.jpg"));
        Assert.Contains("larger than the", Line("huge.jpg"));
        Assert.Contains("within 3 seconds", Line("slow.jpg"));
        foreach (var name in new[] { "missing.jpg", "page.jpg", "huge.jpg", "slow.jpg" })
        {
            Assert.Equal(OldSite.Snapshot(old.Row(imported, name)), OldSite.Snapshot(old.Row(after, name)));
            Assert.False(File.Exists(Path.Combine(app.DataDirectory, "media", old.Row(after, name).FileName)));
        }

        // Readers see the picture; its old WordPress address and WordPress's resized copies lead to it.
        var page = await app.GetPageAsync(await old.ArticlePathAsync(app));
        var img = page.One("figure.lead-image img");
        Assert.NotNull(img);
        Assert.StartsWith($"/media/{Path.ChangeExtension(photo.FileName, null)}", img.GetAttribute("src"), StringComparison.Ordinal);
        using var http = app.Http();
        foreach (var address in new[] { old.UploadPath("photo.jpg"), old.UploadPath("photo-300x200.jpg") })
        {
            var moved = await http.GetAsync(address);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal($"/media/{photo.FileName}", moved.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/media/{photo.FileName}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(old.UploadPath("missing.jpg"))).StatusCode);

        var requestsBefore = _server.Requested.Count(p => p.Contains(old.Key, StringComparison.Ordinal));
        var (againExit, again) = await FetchCommandAsync(allowPrivate: true);
        Assert.Equal(1, againExit);
        Assert.Contains("0 fetched, 4 failed, 2 already present.", again);
        Assert.Equal(requestsBefore + 4, _server.Requested.Count(p => p.Contains(old.Key, StringComparison.Ordinal))); // only the missing ones asked for
        Assert.Equal(after.Select(OldSite.Snapshot), (await old.ImagesAsync(app)).Select(OldSite.Snapshot));
    }
}

public sealed class MediaFetchButtonTests(FetchingApp app) : IClassFixture<FetchingApp>, IDisposable
{
    private readonly FeedServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Until_fetched_readers_see_the_story_without_a_broken_picture_and_an_editors_button_fetches_it()
    {
        var old = new OldSite();
        old.Serve(_server);
        await old.ImportAsync(app, _server);
        var path = await old.ArticlePathAsync(app);

        var before = await app.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Null(before.One("figure.lead-image"));
        Assert.Empty(before.All("img"));
        Assert.DoesNotContain("/media/imported/", before.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        using var http = app.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(old.UploadPath("photo.jpg"))).StatusCode);

        // An author neither sees the button nor may press it.
        using var author = new Reader(app);
        await Staff.SignInAsync(author, await Staff.CreateAsync(app, StaffRoles.Author));
        var authorsLibrary = await author.OpenAsync("/admin/media");
        Assert.Null(authorsLibrary.One("form[action='/admin/media/fetch']"));
        var token = authorsLibrary.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await author.PostAsync("/admin/media/fetch", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.StartsWith("/admin/denied", refused.Response.Headers.Location?.PathAndQuery ?? refused.Response.Headers.Location?.OriginalString);

        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, await Staff.CreateAsync(app, StaffRoles.Editor));
        var library = await editor.OpenAsync("/admin/media");
        var button = library.One("form[action='/admin/media/fetch'] button");
        Assert.NotNull(button);
        Assert.Equal("Fetch 6 imported pictures", button.TextContent.Trim());
        Assert.NotEmpty(library.All(".media-pending"));
        var fields = Reader.Form(library, "form[action='/admin/media/fetch']");
        var pendingId = old.Row(await old.ImagesAsync(app), "missing.jpg").Id;
        var html = new List<(string Name, string Html)>
        {
            ("library", await editor.Http.GetStringAsync("/admin/media")),
            ("fetch", await editor.Http.GetStringAsync("/admin/media/fetch")),
            ("pending", await editor.Http.GetStringAsync($"/admin/media/{pendingId}")),
        };

        var report = await editor.PostAsync("/admin/media/fetch", fields);
        html.Add(("report", await report.Response.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Equal("2 fetched, 4 failed, 0 already present.", report.Text(".fetch-summary"));
        Assert.Equal(4, report.All(".fetch-failures tbody tr").Count);
        Assert.Contains("404", report.All(".fetch-failures tbody tr").Single(r => r.TextContent.Contains("missing.jpg", StringComparison.Ordinal)).TextContent);
        Assert.Equal("Fetch 4 imported pictures", report.Text(".fetch-form button"));
        var photo = old.Row(await old.ImagesAsync(app), "photo.jpg");
        OldSite.AssertProcessed(app, photo, 800, 1200, SKEncodedImageFormat.Jpeg);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "media.fetched" && e.StaffName == "Staff editor"
            && e.Detail.Contains("2 fetched, 4 failed"))));

        // The cached page was evicted: readers now get the picture, and the old address leads to it.
        var after = await app.GetPageAsync(path);
        var img = after.One("figure.lead-image img");
        Assert.NotNull(img);
        Assert.Equal(photo.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), img.GetAttribute("width"));
        Assert.Equal($"Alt photo.jpg {old.Key}", img.GetAttribute("alt"));
        var moved = await http.GetAsync(old.UploadPath("photo.jpg"));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/media/{photo.FileName}", moved.Headers.Location?.OriginalString);

        // The button, the placeholders of pictures not fetched yet, and the report are valid HTML.
        var folder = Directory.CreateTempSubdirectory("masthead-fetch-html").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (name, text) in html)
            {
                files.Add(Path.Combine(folder, name + ".html"));
                await File.WriteAllTextAsync(files[^1], text);
            }
            var errors = await Tools.HtmlErrorsAsync(files);
            Assert.True(errors.Trim().Length == 0, errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class MediaFetchAddressTests : IDisposable
{
    private readonly FeedServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_host_name_that_resolves_to_this_machine_is_refused_when_connecting_unless_private_addresses_are_allowed()
    {
        _server.Files["/by-name.jpg"] = new ServedFile(200, TestImages.Draw(SKEncodedImageFormat.Jpeg, 40, 30), "image/jpeg");
        var port = new Uri(_server.Base).Port;
        // Connects by the name "localhost"; the Host header is the address the test server listens under.
        HttpRequestMessage Request() => new(HttpMethod.Get, $"http://localhost:{port}/by-name.jpg") { Headers = { Host = $"127.0.0.1:{port}" } };

        using (var strict = new HttpClient(Masthead.Media.ImageFetcher.CreateHandler(new Masthead.Media.MediaOptions())))
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => strict.SendAsync(Request()));
            Assert.Contains("not a public address", refused.InnerException?.Message ?? refused.Message, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("/by-name.jpg", _server.Requested);

        using var allowing = new HttpClient(Masthead.Media.ImageFetcher.CreateHandler(new Masthead.Media.MediaOptions { FetchAllowPrivateAddresses = true }));
        Assert.Equal(HttpStatusCode.OK, (await allowing.SendAsync(Request())).StatusCode);
        Assert.Contains("/by-name.jpg", _server.Requested);
    }
}
