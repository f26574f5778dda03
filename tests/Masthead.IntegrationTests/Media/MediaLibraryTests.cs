using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Media;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Masthead.IntegrationTests.Media;

/// <summary>A site with small upload limits, so that "too large" needs only a few megabytes.</summary>
public sealed class MediaApp : MastheadApp
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Media:MaxPixels"] = "8000000",
        // Every test signs in from the same address; the limit on anonymous posts has its own tests.
        ["Comments:PostsPerMinutePerAddress"] = "10000",
    };

    public string MediaPath => Services.GetRequiredService<SiteOptions>().MediaPath;
}

public sealed class MediaLibraryTests(MediaApp app) : IClassFixture<MediaApp>
{
    private readonly Newsroom _newsroom = new(app);

    private async Task<Reader> SignedInAsync(string role = StaffRoles.Author)
    {
        var staff = new Reader(app);
        var signedIn = await Staff.SignInAsync(staff, await Staff.CreateAsync(app, role));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return staff;
    }

    private static async Task<FetchedPage> UploadAsync(Reader staff, byte[] file, string fileName, string altText = "", string caption = "",
        string credit = "", string contentType = "image/jpeg")
    {
        var form = await staff.OpenAsync("/admin/media");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var token = form.One("form.media-upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(altText), "altText" },
            { new StringContent(caption), "caption" },
            { new StringContent(credit), "credit" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Add(part, "file", fileName);
        var response = await staff.Http.PostAsync("/admin/media", content);
        var html = await response.Content.ReadAsStringAsync();
        return new FetchedPage(response, await new HtmlParser().ParseDocumentAsync(html));
    }

    private static int ImageId(FetchedPage uploaded)
    {
        Assert.Equal(HttpStatusCode.SeeOther, uploaded.Status);
        var location = uploaded.Response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/media/", location);
        return int.Parse(location["/admin/media/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<Image> ImageAsync(int id) => app.WithDbAsync(db => db.Images.AsNoTracking().SingleAsync(i => i.Id == id));

    private async Task<byte[]> ServedAsync(string url, string contentType)
    {
        using var http = app.Http();
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Every file under the media folder, hidden ones (uploads being written) included, as one comparable string.</summary>
    private string MediaFiles() => Directory.Exists(app.MediaPath)
        ? string.Join('\n', Directory.GetFiles(app.MediaPath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(app.MediaPath, f)).Order())
        : "";

    [Fact]
    public async Task Readers_who_are_not_signed_in_are_sent_to_sign_in()
    {
        using var reader = new Reader(app);
        foreach (var path in new[] { "/admin/media", "/admin/media/1" })
        {
            var page = await reader.OpenAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/admin/login", page.Response.Headers.Location?.PathAndQuery ?? page.Response.Headers.Location?.OriginalString);
        }
        using var content = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Draw(SKEncodedImageFormat.Png, 40, 30)), "file", "x.png" } };
        var forged = await reader.Http.PostAsync("/admin/media", content);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
    }

    [Fact]
    public async Task A_jpeg_is_stored_with_webp_copies_at_every_smaller_width_all_served_from_media()
    {
        using var staff = await SignedInAsync();
        var name = Newsroom.Unique("harbour") + ".jpg";

        var uploaded = await UploadAsync(staff, TestImages.Draw(SKEncodedImageFormat.Jpeg, 2000, 1125), name, "Cranes over the harbour at dusk", "The harbour.", "Photo: Test Desk");

        var image = await ImageAsync(ImageId(uploaded));
        Assert.Equal((2000, 1125, "image/jpeg", "320,640,1024,1600", name), (image.Width, image.Height, image.ContentType, image.Widths, image.OriginalName));
        Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.jpg$", image.FileName);
        Assert.NotNull(image.UploadedById);
        var original = await ServedAsync(image.Url, "image/jpeg");
        Assert.Equal(image.ByteSize, original.Length);
        foreach (var width in new[] { 320, 640, 1024, 1600 })
        {
            var copy = await ServedAsync($"/media/{ResponsiveImage.CopyFileName(image.FileName, width)}", "image/webp");
            var seen = TestImages.Inspect(copy);
            Assert.Equal((width, (int)Math.Round(1125d * width / 2000), SKEncodedImageFormat.Webp), (seen.Width, seen.Height, seen.Format));
        }
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "media.uploaded" && a.TargetId == image.Id));
        Assert.Equal(image.UploadedById, audit.StaffUserId);
        Assert.Contains(name, audit.Detail);
        var details = await staff.OpenAsync($"/admin/media/{image.Id}");
        Assert.Equal("Cranes over the harbour at dusk", details.Text("#AltText"));
        Assert.Equal(5, details.All("table.media-files tbody tr").Count);
        Assert.Equal(image.Widths.Split(',').Length + 1, Directory.GetFiles(Path.GetDirectoryName(Path.Combine(app.MediaPath, image.FileName))!, Path.GetFileNameWithoutExtension(image.FileName) + "*").Length);
    }

    [Theory]
    [InlineData("png", "image/png", SKEncodedImageFormat.Png)]
    [InlineData("webp", "image/webp", SKEncodedImageFormat.Webp)]
    public async Task Png_and_webp_pictures_are_stored_in_their_own_format_with_copies(string extension, string contentType, SKEncodedImageFormat format)
    {
        using var staff = await SignedInAsync();

        var uploaded = await UploadAsync(staff, TestImages.Draw(format, 900, 600), $"chart.{extension}", "A chart", contentType: contentType);

        var image = await ImageAsync(ImageId(uploaded));
        Assert.Equal((900, 600, contentType, "320,640"), (image.Width, image.Height, image.ContentType, image.Widths));
        Assert.EndsWith("." + extension, image.FileName);
        Assert.Equal(format, TestImages.Inspect(await ServedAsync(image.Url, contentType)).Format);
        await ServedAsync($"/media/{ResponsiveImage.CopyFileName(image.FileName, 640)}", "image/webp");
    }

    [Fact]
    public async Task An_animated_gif_keeps_its_frames_loses_its_comment_and_gets_an_animated_copy()
    {
        using var staff = await SignedInAsync();
        var gif = TestImages.Gif(400, 240, frames: 2, comment: TestImages.GpsMarker);
        Assert.Equal((400, 240, SKEncodedImageFormat.Gif, 2), TestImages.Shape(gif));

        var uploaded = await UploadAsync(staff, gif, "spinner.gif", "Stripes moving", contentType: "image/gif");

        var image = await ImageAsync(ImageId(uploaded));
        Assert.Equal((400, 240, "image/gif", "320"), (image.Width, image.Height, image.ContentType, image.Widths));
        var stored = await ServedAsync(image.Url, "image/gif");
        Assert.Equal((400, 240, SKEncodedImageFormat.Gif, 2), TestImages.Shape(stored));
        Assert.Equal(-1, TestImages.IndexOf(stored, System.Text.Encoding.ASCII.GetBytes(TestImages.GpsMarker)));
        var copy = TestImages.Shape(await ServedAsync($"/media/{ResponsiveImage.CopyFileName(image.FileName, 320)}", "image/webp"));
        Assert.Equal((320, 192, SKEncodedImageFormat.Webp, 2), copy);
    }

    [Fact]
    public async Task A_png_named_jpg_is_stored_as_the_png_it_is()
    {
        using var staff = await SignedInAsync();

        var uploaded = await UploadAsync(staff, TestImages.Draw(SKEncodedImageFormat.Png, 500, 300), "holiday.jpg", "A disguised chart", contentType: "image/jpeg");

        var image = await ImageAsync(ImageId(uploaded));
        Assert.Equal("image/png", image.ContentType);
        Assert.EndsWith(".png", image.FileName);
        Assert.Equal("holiday.jpg", image.OriginalName);
        Assert.Equal(SKEncodedImageFormat.Png, TestImages.Inspect(await ServedAsync(image.Url, "image/png")).Format);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "image/jpeg", "This file is not a JPEG, PNG, WebP or GIF image.")]
    [InlineData("Just some notes, saved with the wrong name.", "text/plain", "This file is not a JPEG, PNG, WebP or GIF image.")]
    [InlineData("", "image/jpeg", "The file is empty.")]
    public async Task A_file_that_is_not_a_picture_is_refused_with_a_message_and_nothing_is_kept(string text, string contentType, string message)
    {
        using var staff = await SignedInAsync();
        var before = (MediaFiles(), await app.WithDbAsync(db => db.Images.CountAsync()));

        var refused = await UploadAsync(staff, System.Text.Encoding.UTF8.GetBytes(text), "photo.jpg", "Alt kept for another try", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(message, refused.Text("#file-error"));
        Assert.Equal("Alt kept for another try", refused.Text("#altText"));
        Assert.Equal(before, (MediaFiles(), await app.WithDbAsync(db => db.Images.CountAsync())));
    }

    [Fact]
    public async Task A_damaged_or_cut_short_picture_is_refused_with_a_message()
    {
        using var staff = await SignedInAsync();
        var jpeg = TestImages.Draw(SKEncodedImageFormat.Jpeg, 800, 600);

        var truncated = await UploadAsync(staff, jpeg[..(jpeg.Length / 2)], "half.jpg");
        var garbled = await UploadAsync(staff, [0xFF, 0xD8, 0xFF, .. new byte[5000]], "garbled.jpg");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, truncated.Status);
        Assert.Contains("damaged or incomplete", truncated.Text("#file-error"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbled.Status);
        Assert.Contains("JPEG file is damaged or incomplete", garbled.Text("#file-error"));
    }

    [Fact]
    public async Task A_picture_claiming_too_many_pixels_is_refused_from_its_header_before_it_is_decoded()
    {
        using var staff = await SignedInAsync();

        var bomb = await UploadAsync(staff, TestImages.PngClaiming(50_000, 50_000), "small-file.png", contentType: "image/png");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.Status);
        Assert.Equal("This picture is 50000 \u00d7 50000 pixels (2500 megapixels); the limit is 8 megapixels. Make it smaller and upload it again.", bomb.Text("#file-error"));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_a_message_and_nothing_is_written()
    {
        using var staff = await SignedInAsync();
        var before = (MediaFiles(), await app.WithDbAsync(db => db.Images.CountAsync()));
        var png = TestImages.Draw(SKEncodedImageFormat.Png, 100, 100);
        byte[] justOver = [.. png, .. new byte[MediaApp.MaxUploadBytes]];
        byte[] farOver = [.. png, .. new byte[MediaApp.MaxUploadBytes + MediaOptions.FormOverheadBytes]];

        var refused = await UploadAsync(staff, justOver, "huge.png", contentType: "image/png");
        var tooLargeToRead = await UploadAsync(staff, farOver, "huger.png", contentType: "image/png");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("This file is larger than the 2 MB limit. Make it smaller and upload it again.", refused.Text("#file-error"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeToRead.Status);
        Assert.Equal("This file is larger than the 2 MB limit. Make it smaller and upload it again.", tooLargeToRead.Text("#file-error"));
        Assert.Equal(before, (MediaFiles(), await app.WithDbAsync(db => db.Images.CountAsync())));
    }

    [Fact]
    public async Task A_phone_photo_loses_its_exif_and_gps_location_and_is_turned_upright()
    {
        using var staff = await SignedInAsync();
        var photo = TestImages.WithExif(TestImages.Draw(SKEncodedImageFormat.Jpeg, 800, 600));
        Assert.Equal(SKEncodedOrigin.RightTop, TestImages.Inspect(photo).Origin);
        Assert.NotEqual(-1, TestImages.IndexOf(photo, System.Text.Encoding.ASCII.GetBytes(TestImages.GpsMarker)));

        var uploaded = await UploadAsync(staff, photo, "IMG_0001.JPG", "A phone photo");

        var image = await ImageAsync(ImageId(uploaded));
        var stored = await ServedAsync(image.Url, "image/jpeg");
        Assert.Equal(-1, TestImages.IndexOf(stored, "Exif\0\0"u8.ToArray()));
        Assert.Equal(-1, TestImages.IndexOf(stored, System.Text.Encoding.ASCII.GetBytes(TestImages.GpsMarker)));
        Assert.Equal(-1, TestImages.IndexOf(stored, [0xFF, 0xE1]));
        var seen = TestImages.Inspect(stored);
        Assert.Equal((600, 800, SKEncodedOrigin.TopLeft), (seen.Width, seen.Height, seen.Origin));
        Assert.Equal((600, 800), (image.Width, image.Height));
    }

    [Fact]
    public async Task The_article_page_offers_the_lead_picture_at_each_size_and_shows_edited_alt_text()
    {
        using var staff = await SignedInAsync();
        var id = ImageId(await UploadAsync(staff, TestImages.Draw(SKEncodedImageFormat.Jpeg, 1200, 675), "lead.jpg", "First description", "Lead caption", "Photo: Desk"));
        var image = await ImageAsync(id);
        var section = await _newsroom.SectionAsync();
        // The uploader's own story: an author may describe a picture again where every story showing it is theirs.
        var article = await _newsroom.PublishAsync(section, "Pictures in every size", configure: a => (a.ImageId, a.OwnerId) = (id, image.UploadedById));

        var page = await app.GetPageAsync(article.Path);
        var img = page.One("figure.lead-image img")!;
        var stem = "/media/" + image.FileName[..^4];
        Assert.Equal($"{stem}-320.webp 320w, {stem}-640.webp 640w, {stem}-1024.webp 1024w, /media/{image.FileName} 1200w", img.GetAttribute("srcset"));
        Assert.Equal($"{stem}-1024.webp", img.GetAttribute("src"));
        Assert.Equal(ResponsiveImage.ArticleSizes, img.GetAttribute("sizes"));
        Assert.Equal(("1200", "675", "First description"), (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")));
        var card = (await app.GetPageAsync(section.Path)).One("li.card img")!;
        Assert.Equal($"{stem}-640.webp", card.GetAttribute("src"));
        Assert.Contains($"{stem}-320.webp 320w", card.GetAttribute("srcset"));

        var details = await staff.OpenAsync($"/admin/media/{id}");
        var token = details.One("form.media-details input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await staff.PostAsync($"/admin/media/{id}", new Dictionary<string, string>
        {
            ["AltText"] = "Second, better description",
            ["Caption"] = "Lead caption",
            ["Credit"] = "Photo: Desk",
            ["__RequestVerificationToken"] = token,
        });

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Equal("Second, better description", (await app.GetPageAsync(article.Path)).One("figure.lead-image img")!.GetAttribute("alt"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "media.updated" && a.TargetId == id)));
        var used = await staff.OpenAsync($"/admin/media/{id}");
        Assert.Contains("Pictures in every size", used.Text("ul.media-uses"));
    }

    [Fact]
    public async Task Pictures_without_alt_text_are_flagged_and_the_library_is_searchable()
    {
        using var staff = await SignedInAsync();
        var caption = Newsroom.Unique("quay");
        var bare = ImageId(await UploadAsync(staff, TestImages.Draw(SKEncodedImageFormat.Png, 300, 200), "bare.png", caption: caption, contentType: "image/png"));
        var described = ImageId(await UploadAsync(staff, TestImages.Draw(SKEncodedImageFormat.Png, 300, 200), "described.png", "Boats", caption: caption, contentType: "image/png"));

        var search = await staff.OpenAsync($"/admin/media?q={caption.ToUpperInvariant()}");
        var needsAlt = await staff.OpenAsync($"/admin/media?filter=needs-alt&q={caption}");

        Assert.Equal([$"image-{described}", $"image-{bare}"], search.All("li.media-item").Select(e => e.Id));
        Assert.NotNull(search.One($"#image-{bare} .media-needs-alt"));
        Assert.Null(search.One($"#image-{described} .media-needs-alt"));
        Assert.Equal([$"image-{bare}"], needsAlt.All("li.media-item").Select(e => e.Id));
        Assert.Equal("Needs alt text", (await staff.OpenAsync($"/admin/media/{bare}")).Text("#needs-alt"));
    }

    [Fact]
    public async Task A_picture_in_use_cannot_be_deleted_and_an_unused_one_is_deleted_with_its_files_by_its_uploader()
    {
        using var uploader = await SignedInAsync(StaffRoles.Contributor);
        using var colleague = await SignedInAsync(StaffRoles.Author);
        var used = ImageId(await UploadAsync(uploader, TestImages.Draw(SKEncodedImageFormat.Jpeg, 700, 400), "used.jpg", "Used"));
        var unused = ImageId(await UploadAsync(uploader, TestImages.Draw(SKEncodedImageFormat.Jpeg, 700, 400), "unused.jpg", "Unused"));
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Keeps its picture", configure: a => a.ImageId = used);
        var files = MediaLibrary.FilesOf(await ImageAsync(unused)).Select(f => Path.Combine(app.MediaPath, f)).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f)));

        async Task<FetchedPage> DeleteAsync(Reader staff, int id)
        {
            var page = await staff.OpenAsync($"/admin/media/{id}");
            var token = page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await staff.PostAsync($"/admin/media/{id}?handler=Delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        }

        var inUse = await DeleteAsync(uploader, used);
        var notTheirs = await DeleteAsync(colleague, unused);
        var deleted = await DeleteAsync(uploader, unused);

        Assert.Equal(HttpStatusCode.Conflict, inUse.Status);
        Assert.Equal("This image is still used by the article \u201cKeeps its picture\u201d. Choose another picture there first.", inUse.Text("#delete-error"));
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.Status);
        Assert.Equal(HttpStatusCode.SeeOther, deleted.Status);
        Assert.False(await app.WithDbAsync(db => db.Images.AnyAsync(i => i.Id == unused)));
        Assert.True(await app.WithDbAsync(db => db.Images.AnyAsync(i => i.Id == used)));
        Assert.All(files, f => Assert.False(File.Exists(f)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "media.deleted" && a.TargetId == unused)));
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync(article.Path)).Status);
    }

    [Fact]
    public async Task The_library_pages_and_an_article_with_responsive_pictures_are_valid_html()
    {
        using var staff = await SignedInAsync();
        var id = ImageId(await UploadAsync(staff, TestImages.Draw(SKEncodedImageFormat.Jpeg, 1700, 956), "valid.jpg", "A valid picture"));
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Valid pictures", configure: a => a.ImageId = id);
        var folder = Directory.CreateTempSubdirectory("masthead-media-html").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (name, reader) in new[] { ("library", staff), ("image", staff), ("article", (Reader?)null) })
            {
                var path = name switch { "library" => "/admin/media", "image" => $"/admin/media/{id}", _ => article.Path };
                using var http = app.Http();
                var html = reader is null ? await http.GetStringAsync(path) : await reader.Http.GetStringAsync(path);
                var file = Path.Combine(folder, name + ".html");
                await File.WriteAllTextAsync(file, html);
                files.Add(file);
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
