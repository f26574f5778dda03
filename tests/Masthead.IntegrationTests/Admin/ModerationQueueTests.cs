using System.Net;
using Masthead.Accounts;
using Masthead.Comments;
using Masthead.IntegrationTests.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Admin;

public sealed class ModerationQueueTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private readonly Newsroom _newsroom = new(app);
    private const string Password = Staff.Password;

    private Task<string> StaffAsync(string role) => Staff.CreateAsync(app, role);

    private static Task<FetchedPage> SignInAsync(Reader staff, string email, string password = Password) => Staff.SignInAsync(staff, email, password);

    [Fact]
    public async Task The_queue_is_closed_to_readers_and_to_staff_without_the_editor_role()
    {
        using var reader = new Reader(app);
        var anonymous = await reader.OpenAsync("/admin/comments");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/admin/login", anonymous.Response.Headers.Location?.PathAndQuery ?? anonymous.Response.Headers.Location?.OriginalString);

        using var contributor = new Reader(app);
        await SignInAsync(contributor, await StaffAsync(StaffRoles.Contributor));
        var denied = await contributor.OpenAsync("/admin/comments");
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.StartsWith("/admin/denied", denied.Response.Headers.Location?.PathAndQuery ?? denied.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.OpenAsync("/admin/denied")).Status);

        var forged = await reader.PostAsync("/admin/comments", new Dictionary<string, string> { ["action"] = "approved", ["ids"] = "1" });
        Assert.NotEqual(HttpStatusCode.OK, forged.Status);
        Assert.NotEqual(HttpStatusCode.SeeOther, forged.Status);
    }

    [Fact]
    public async Task An_editor_approves_in_bulk_and_marks_spam_and_readers_see_the_result_at_once()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Moderated debate");
        var a = await _newsroom.CommentAsync(article, "First Voice", "Queue me one", CommentStatus.Pending);
        var b = await _newsroom.CommentAsync(article, "Second Voice", "Queue me two", CommentStatus.Pending);
        var c = await _newsroom.CommentAsync(article, "Third Voice", "Obvious junk", CommentStatus.Pending);
        Assert.Equal("0 comments", (await app.GetPageAsync(article.Path)).Text("#comments-heading"));
        using var editor = new Reader(app);
        var signedIn = await SignInAsync(editor, await StaffAsync(StaffRoles.Editor));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);

        var queue = await editor.OpenAsync($"/admin/comments?status=Pending&article={article.Id}");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.NotNull(queue.One($"#queued-{a.Id}"));
        Assert.Contains("reader@example.com", queue.Text($"#queued-{a.Id}"));
        var token = queue.One("form.moderation input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var bulk = await editor.PostAsync($"/admin/comments?status=Pending&article={article.Id}", new List<KeyValuePair<string, string>>
        {
            new("action", "approved"), new("ids", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token),
        });
        var single = await editor.PostAsync($"/admin/comments?status=Pending&article={article.Id}", new List<KeyValuePair<string, string>>
        {
            new("action", $"spam:{c.Id}"), new("__RequestVerificationToken", token),
        });

        Assert.Equal(HttpStatusCode.Redirect, bulk.Status);
        Assert.Equal(HttpStatusCode.Redirect, single.Status);
        var statuses = await app.WithDbAsync(db => db.Comments.Where(x => x.ArticleId == article.Id).OrderBy(x => x.Id).Select(x => x.Status).ToListAsync());
        Assert.Equal([CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Spam], statuses);
        var page = await app.GetPageAsync(article.Path);
        Assert.Equal("2 comments", page.Text("#comments-heading"));
        Assert.DoesNotContain("Obvious junk", page.Document.Body!.TextContent);
        var after = await editor.OpenAsync($"/admin/comments?status=Pending&article={article.Id}");
        Assert.Equal("1 comment moved to spam.", after.Text(".comment-notice"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var editor = new Reader(app);
        await SignInAsync(editor, await StaffAsync(StaffRoles.Editor));
        var queue = await editor.OpenAsync("/admin/comments");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        var signOut = queue.One("form[action='/admin/logout']")!;
        var token = signOut.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await editor.PostAsync("/admin/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.OpenAsync("/admin/comments")).Status);
    }

    [Fact]
    public async Task Moderators_acting_at_once_count_each_approval_once()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Busy moderators");
        var comment = await _newsroom.CommentAsync(article, "Contested", "Approve me once", CommentStatus.Pending);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.WithServicesAsync(sp =>
            sp.GetRequiredService<CommentModerator>().SetStatusAsync(comment.Id, CommentStatus.Approved))));

        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_after_five_tries()
    {
        var email = await StaffAsync(StaffRoles.Editor);
        using var attacker = new Reader(app);
        FetchedPage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await SignInAsync(attacker, email, "wrong password here");
            Assert.Equal(HttpStatusCode.Unauthorized, last.Status);
        }
        Assert.Contains("locked", last.Text(".comment-notice"));

        using var owner = new Reader(app);
        var refused = await SignInAsync(owner, email);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("locked", refused.Text(".comment-notice"));
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_the_site()
    {
        var email = await StaffAsync(StaffRoles.Editor);
        using var staff = new Reader(app);
        var form = await staff.OpenAsync("/admin/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var response = await staff.PostAsync("/admin/login", new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Password, ["ReturnUrl"] = "https://evil.example/",
            ["__RequestVerificationToken"] = form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal("/admin", response.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_editor_blocks_a_word_and_comments_with_it_go_to_spam()
    {
        using var editor = new Reader(app);
        await SignInAsync(editor, await StaffAsync(StaffRoles.Editor));
        var form = await editor.OpenAsync("/admin/comments/blocklist");
        var token = form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var added = await editor.PostAsync("/admin/comments/blocklist?handler=Add", new Dictionary<string, string>
        {
            ["kind"] = "Word", ["value"] = "  Zorblax ", ["__RequestVerificationToken"] = token,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var list = await editor.OpenAsync("/admin/comments/blocklist");
        Assert.Contains("now go to spam", list.Text(".comment-notice"));
        Assert.Contains("zorblax", list.Text("table.queue"));

        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Blocklist in action");
        using var reader = new Reader(app);
        await reader.CommentAsync(article.Path, CommentsApp.Typed("Buy ZORBLAX now"));
        Assert.Equal(CommentStatus.Spam, await app.WithDbAsync(db => db.Comments.Where(c => c.ArticleId == article.Id).Select(c => c.Status).SingleAsync()));

        using var stranger = new Reader(app);
        var refused = await stranger.OpenAsync("/admin/comments/blocklist");
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
    }

    [Fact]
    public async Task An_admin_imports_a_wordpress_export_from_the_upload_page_and_editors_may_not()
    {
        using var editor = new Reader(app);
        await SignInAsync(editor, await StaffAsync(StaffRoles.Editor));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.OpenAsync("/admin/import")).Status);

        using var admin = new Reader(app);
        await SignInAsync(admin, await StaffAsync(StaffRoles.Admin));
        var form = await admin.OpenAsync("/admin/import");
        var token = form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var xml = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "wordpress-export-small.xml")))
            .Replace("http://localhost:8081", "http://upload.example");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(xml)), "file", "export.xml" },
        };

        var response = await admin.Http.PostAsync("/admin/import", content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("6 articles imported", html);
        Assert.Equal(6, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.ImportKey!.StartsWith("http://upload.example#"))));
    }
}
