using System.Text.RegularExpressions;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SkiaSharp;

namespace Masthead.BrowserTests;

/// <summary>A writer and an editor take a story from a blank page to the front page in real Chromium.</summary>
public sealed class NewsroomJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignInAsync(string email)
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync(new Uri(fixture.Site.BaseAddress, "/admin/login").ToString());
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Staff.Password);
        await page.ClickAsync("form button[type=submit]");
        await watch.ArrivedAsync(new Regex("/admin$"), $"Signing in as {email} did not reach /admin");
        return page;
    }

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(1200, 675);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 90, 140));
            using var paint = new SKPaint { Color = new SKColor(240, 200, 60) };
            canvas.DrawCircle(900, 200, 120, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    [Fact]
    public async Task A_writer_files_a_story_with_a_picture_and_an_editor_publishes_it_to_the_front_page()
    {
        var writerEmail = await Staff.CreateAsync(fixture.Site, StaffRoles.Contributor);
        var editorEmail = await Staff.CreateAsync(fixture.Site, StaffRoles.Editor);
        var headline = "Lighthouse keepers return to the northern cape " + Guid.NewGuid().ToString("n")[..6];
        var section = await fixture.Site.WithDbAsync(db => db.Sections.OrderBy(s => s.Position).Select(s => s.Name).FirstAsync());
        var dialogs = new List<string>();

        // The writer: a new story, a picture, the live preview, then submitted for review.
        var writer = await SignInAsync(writerEmail);
        writer.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await writer.ClickAsync("nav.admin-nav >> text=Articles");
        await writer.ClickAsync("text=Write a new story");
        await writer.FillAsync("#Edit_Headline", headline);
        await writer.FillAsync("#Edit_Standfirst", "After twenty years of automation, the light has keepers again.");
        await writer.SelectOptionAsync("#Edit_SectionId", new SelectOptionValue { Label = section });
        await writer.FillAsync("#Edit_Dateline", "Cape North");
        await writer.FillAsync("#Edit_Body", "The keepers arrived on **Monday**.\n\n> \"It is good to be back,\" said the head keeper.\n\nThe light will be staffed all winter.");
        await writer.ClickAsync("summary:has-text('Or upload a new picture')");
        await writer.SetInputFilesAsync("#NewImage", new FilePayload { Name = "cape.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await writer.FillAsync("#NewImageAlt", "The lighthouse at dusk under a rising moon");
        await writer.FillAsync("#NewImageCredit", "Photo: Test Desk");

        // The preview is rendered by the server's renderer as the writer types.
        await writer.Locator("#preview .headline").Filter(new LocatorFilterOptions { HasText = headline }).WaitForAsync();
        await writer.Locator("#preview blockquote").WaitForAsync();
        Assert.Contains("Monday", await writer.InnerTextAsync("#preview strong"));

        await writer.FillAsync("#ReviewNote", "Quotes checked with the keepers.");
        await writer.ClickAsync("button[value=SubmitForReview]");
        await writer.WaitForSelectorAsync("p.notice:has-text('Submitted for review')");
        Assert.Empty(await writer.Locator("button[value=Publish]").AllAsync());
        var id = await fixture.Site.WithDbAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
        Assert.Equal(ArticleStatus.InReview, await fixture.Site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        // The editor: finds it in review, reads the note, publishes.
        var editor = await SignInAsync(editorEmail);
        editor.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await editor.ClickAsync("nav.admin-nav >> text=Articles");
        await editor.ClickAsync("nav.admin-tabs >> text=In review");
        await editor.ClickAsync($"table.articles-table >> text={headline}");
        Assert.Contains("Quotes checked with the keepers.", await editor.InnerTextAsync(".review-note"));
        await editor.ClickAsync("button[value=Publish]");
        await editor.WaitForSelectorAsync("p.notice:has-text('Published')");
        await editor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "newsroom-editor.png"), FullPage = true });

        // Readers: the front page leads with it, and the story shows its picture and dateline.
        var reader = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await reader.GotoAsync(fixture.Site.BaseAddress.ToString());
        await reader.ClickAsync($"main >> text={headline}");
        Assert.Equal(headline, (await reader.InnerTextAsync("h1.headline")).Trim());
        Assert.Equal("The lighthouse at dusk under a rising moon", await reader.GetAttributeAsync(".lead-image img", "alt"));
        Assert.Contains("CAPE NORTH", await reader.InnerTextAsync(".dateline"));
        Assert.Contains("It is good to be back", await reader.InnerTextAsync(".story-body blockquote"));
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "newsroom-published.png") });
        Assert.Empty(dialogs);
    }
}
