using System.Net;
using Masthead.Accounts;
using Masthead.Comments;
using Masthead.IntegrationTests.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Admin;

public sealed class CommentDeskTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private readonly Newsroom _newsroom = new(app);

    private async Task<(Reader Editor, string Email)> EditorAsync()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Editor);
        var editor = new Reader(app);
        await Staff.SignInAsync(editor, email);
        return (editor, email);
    }

    private async Task<Comment> CommentFromAsync(Masthead.Articles.Article article, string email, string body, CommentStatus status)
    {
        var comment = await _newsroom.CommentAsync(article, "Regular Reader", body, status);
        await app.WithDbAsync(db => db.Comments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorEmail, email)));
        return comment;
    }

    [Fact]
    public async Task A_commenters_history_lists_every_comment_from_the_address_with_counts_by_status()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "History lesson");
        var email = $"{Guid.NewGuid():n}@example.com";
        var held = await CommentFromAsync(article, email, "Still waiting", CommentStatus.Pending);
        await CommentFromAsync(article, email, "Approved once", CommentStatus.Approved);
        await CommentFromAsync(article, email, "Approved twice", CommentStatus.Approved);
        await CommentFromAsync(article, email, "Buy pills", CommentStatus.Spam);
        await _newsroom.CommentAsync(article, "Someone Else", "Not in the history", CommentStatus.Pending);
        var (editor, _) = await EditorAsync();
        using var _e = editor;

        var queue = await editor.OpenAsync($"/admin/comments?status=Pending&article={article.Id}");
        var link = queue.One($"#queued-{held.Id} a.commenter-history")!.GetAttribute("href")!;
        var history = await editor.OpenAsync(link);

        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Equal($"/admin/comments/commenter?email={Uri.EscapeDataString(email)}", link);
        Assert.Equal("4", history.Text(".count-total"));
        Assert.StartsWith("2", history.Text(".count-approved"));
        Assert.StartsWith("1", history.Text(".count-spam"));
        Assert.StartsWith("1", history.Text(".count-pending"));
        Assert.Equal(4, history.All("table.commenter-history tbody tr").Count);
        Assert.Contains("Buy pills", history.Text("table.commenter-history"));
        Assert.DoesNotContain("Not in the history", history.Document.Body!.TextContent);
    }

    [Fact]
    public async Task A_moderator_edits_a_comment_and_readers_see_the_new_text_rendered_and_sanitized()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Edited debate");
        var comment = await _newsroom.CommentAsync(article, "Hasty Writer", "I said something rude.");
        Assert.Contains("something rude", (await app.GetPageAsync(article.Path)).Text($"#comment-{comment.Id} .comment-body"));
        var (editor, _) = await EditorAsync();
        using var _e = editor;

        var saved = await editor.SubmitAsync($"/admin/comments/{comment.Id}", "form.desk-form:has(#Body)",
            ("Body", "I said something **kind**. <script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await app.GetPageAsync(article.Path);
        var body = page.One($"#comment-{comment.Id} .comment-body")!;
        Assert.Equal("kind", body.QuerySelector("strong")!.TextContent);
        Assert.Null(body.QuerySelector("script"));
        Assert.DoesNotContain("something rude", page.Document.Body!.TextContent);
        var stored = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == comment.Id));
        Assert.NotNull(stored.EditedAt);
        Assert.Equal(CommentStatus.Approved, stored.Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "comment.edited" && e.TargetType == "comment" && e.TargetId == comment.Id)));
        Assert.Equal("The comment was saved.", (await editor.OpenAsync($"/admin/comments/{comment.Id}")).Text(".comment-notice"));
    }

    [Fact]
    public async Task Editing_a_comment_to_nothing_is_refused_beside_the_field_and_changes_nothing()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Blank edit");
        var comment = await _newsroom.CommentAsync(article, "Keeper", "Keep these words.");
        var (editor, _) = await EditorAsync();
        using var _e = editor;

        var refused = await editor.SubmitAsync($"/admin/comments/{comment.Id}", "form.desk-form:has(#Body)", ("Body", "   "));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("Enter the comment's text.", refused.Text("#body-error"));
        var stored = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == comment.Id));
        Assert.Equal("Keep these words.", stored.Body);
        Assert.Null(stored.EditedAt);
    }

    [Fact]
    public async Task A_staff_reply_approves_the_pending_comment_and_is_published_under_the_staff_name_marked_staff()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Ask the desk");
        var question = await _newsroom.CommentAsync(article, "Curious Reader", "Who checked this story?", CommentStatus.Pending);
        var (editor, email) = await EditorAsync();
        using var _e = editor;

        var replied = await editor.SubmitAsync($"/admin/comments/{question.Id}", "form.desk-form:has(#Reply)", ("Reply", "Our standards desk did, twice."));

        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        var reply = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.ParentId == question.Id));
        var staffId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(staffId, reply.StaffUserId);
        Assert.Equal($"Staff {StaffRoles.Editor}", reply.AuthorName);
        Assert.Equal(email, reply.AuthorEmail);
        Assert.Equal(CommentStatus.Approved, reply.Status);
        Assert.Equal(CommentStatus.Approved, await app.WithDbAsync(db => db.Comments.Where(c => c.Id == question.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.CommentCount).SingleAsync()));

        var page = await app.GetPageAsync(article.Path);
        Assert.Equal("2 comments", page.Text("#comments-heading"));
        var published = page.One($"#comment-{question.Id} .comment-replies #comment-{reply.Id}")!;
        Assert.Contains("comment-staff", published.ClassList);
        Assert.Equal("Staff", published.QuerySelector(".staff-label")!.TextContent.Trim());
        Assert.Null(page.One($"#comment-{question.Id} > article .staff-label"));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.StaffUserId == staffId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["comment.approved", "comment.replied"], actions);
    }

    [Fact]
    public async Task Queue_actions_are_written_to_the_audit_log_with_who_did_them()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Audited queue");
        var junk = await _newsroom.CommentAsync(article, "Spammer", "Cheap watches", CommentStatus.Pending);
        var (editor, email) = await EditorAsync();
        using var _e = editor;

        var done = await editor.SubmitAsync($"/admin/comments?status=Pending&article={article.Id}", "form.moderation", ("action", $"spam:{junk.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.TargetType == "comment" && e.TargetId == junk.Id));
        Assert.Equal("comment.spam", entry.Action);
        Assert.Equal($"Staff {StaffRoles.Editor}", entry.StaffName);
        Assert.Contains("Cheap watches", entry.Detail);
    }

    [Fact]
    public async Task The_comment_desk_and_the_history_are_closed_to_contributors_and_readers()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Closed desk");
        var comment = await _newsroom.CommentAsync(article, "Anyone", "Text");
        using var contributor = new Reader(app);
        await Staff.SignInAsync(contributor, await Staff.CreateAsync(app, StaffRoles.Contributor));
        using var reader = new Reader(app);

        foreach (var path in new[] { $"/admin/comments/{comment.Id}", "/admin/comments/commenter?email=reader%40example.com" })
        {
            Assert.StartsWith("/admin/denied", (await contributor.OpenAsync(path)).Location());
            Assert.StartsWith("/admin/login", (await reader.OpenAsync(path)).Location());
        }
        var forged = await reader.PostAsync($"/admin/comments/{comment.Id}?handler=Edit", new Dictionary<string, string> { ["Body"] = "defaced" });
        Assert.NotEqual(HttpStatusCode.OK, forged.Status);
        Assert.Equal("Text", await app.WithDbAsync(db => db.Comments.Where(c => c.Id == comment.Id).Select(c => c.Body).SingleAsync()));
    }
}
