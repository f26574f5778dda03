using Masthead.Articles;
using Masthead.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Masthead.BrowserTests;

/// <summary>A reader leaves replies in real Chromium, with JavaScript on and off; the server code path is the same.</summary>
public sealed class CommentJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string XssName = "Eve <img src=x onerror=alert('name')>";
    private const string XssComment = "Nice <script>alert('body')</script> <svg onload=alert('svg')> [link](javascript:alert('link'))";

    /// <summary>An open article that already has an approved comment to reply to.</summary>
    private async Task<(string Path, int CommentId, string CommentAuthor)> ArticleWithCommentAsync(int skip) =>
        await fixture.Site.WithDbAsync(async db =>
        {
            var row = await db.Comments.AsNoTracking()
                .Where(c => c.Status == CommentStatus.Approved && c.ParentId == null && c.Article.Status == ArticleStatus.Published && c.Article.CommentsOpen)
                .OrderByDescending(c => c.Article.PublishedAt).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.AuthorName, c.Article.Slug, PublishedAt = c.Article.PublishedAt!.Value, c.ArticleId })
                .ToListAsync();
            var pick = row.GroupBy(r => r.ArticleId).Skip(skip).First().First();
            return (ArticlePaths.For(pick.PublishedAt, pick.Slug), pick.Id, pick.AuthorName);
        });

    private async Task<IPage> OpenAsync(bool javaScript, string path, List<string> dialogs)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(fixture.Site.BaseAddress, path).ToString());
        return page;
    }

    /// <summary>Time for the reader to write: past the form's minimum age and the flood interval, on the app's clock.</summary>
    private void Think() => fixture.Site.Clock.Advance(TimeSpan.FromSeconds(20));

    [Fact]
    public async Task Without_javascript_the_server_shows_the_messages_keeps_the_text_and_holds_the_comment()
    {
        var (path, parentId, parentAuthor) = await ArticleWithCommentAsync(skip: 0);
        var dialogs = new List<string>();
        var page = await OpenAsync(javaScript: false, path, dialogs);

        await page.FillAsync("#url", "https://reader.example/");
        await page.ClickAsync("#commentform button[type=submit]");
        Assert.Equal("Please enter your comment!", (await page.InnerTextAsync("#comment-error")).Trim());
        Assert.Equal("Please enter your name here", (await page.InnerTextAsync("#author-error")).Trim());
        Assert.Equal("You have entered an incorrect email address!", (await page.InnerTextAsync("#email-error")).Trim());
        Assert.Equal("https://reader.example/", await page.InputValueAsync("#url"));

        await page.FillAsync("#comment", XssComment);
        await page.FillAsync("#author", XssName);
        await page.FillAsync("#email", "eve@example.net");
        Think();
        await page.ClickAsync("#commentform button[type=submit]");
        await page.WaitForSelectorAsync(".comment-held");
        Assert.Equal("Your comment is awaiting moderation.", (await page.InnerTextAsync(".comment-held .comment-awaiting")).Trim());
        Assert.Contains("Eve <img", await page.InnerTextAsync(".comment-held .comment-author"));

        // Reply by following the Reply link: the server renders the form for that comment.
        await page.ClickAsync($"#comment-{parentId} > article .comment-reply");
        Assert.Contains($"Replying to {parentAuthor}", await page.InnerTextAsync(".replying-to"));
        await page.FillAsync("#comment", "A reply without any script.");
        await page.FillAsync("#author", "Quiet Reader");
        await page.FillAsync("#email", "quiet@example.net");
        Think();
        await page.ClickAsync("#commentform button[type=submit]");
        var reply = page.Locator($"#comment-{parentId} .comment-replies .comment-held");
        await reply.WaitForAsync();
        Assert.Contains("A reply without any script.", await reply.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "comment-no-js.png") });
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task With_javascript_messages_show_inline_and_the_comment_and_reply_post_without_leaving_the_page()
    {
        var (path, parentId, _) = await ArticleWithCommentAsync(skip: 1);
        var dialogs = new List<string>();
        var page = await OpenAsync(javaScript: true, path, dialogs);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.ClickAsync("#commentform button[type=submit]");
        Assert.Equal("Please enter your comment!", (await page.InnerTextAsync("#comment-error")).Trim());
        Assert.Equal("Please enter your name here", (await page.InnerTextAsync("#author-error")).Trim());
        Assert.Equal("You have entered an incorrect email address!", (await page.InnerTextAsync("#email-error")).Trim());
        Assert.Equal("true", await page.GetAttributeAsync("#comment", "aria-invalid"));

        await page.FillAsync("#comment", XssComment);
        await page.FillAsync("#author", XssName);
        await page.FillAsync("#email", "eve.js@example.net");
        Think();
        await page.ClickAsync("#commentform button[type=submit]");
        var held = page.Locator(".comment-held");
        await held.First.WaitForAsync();
        Assert.Equal("Your comment is awaiting moderation.", (await held.First.Locator(".comment-awaiting").InnerTextAsync()).Trim());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");

        await page.ClickAsync($"#comment-{parentId} > article .comment-reply");
        Assert.Equal(1, await page.Locator($"#comment-{parentId} #respond").CountAsync());
        await page.FillAsync("#comment", "Replying with script on.");
        await page.FillAsync("#author", "Script Reader");
        await page.FillAsync("#email", "script@example.net");
        Think();
        await page.ClickAsync("#commentform button[type=submit]");
        var reply = page.Locator($"#comment-{parentId} .comment-replies .comment-held");
        await reply.WaitForAsync();
        Assert.Contains("Replying with script on.", await reply.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "comment-js.png") });
        Assert.Empty(dialogs);
    }
}
