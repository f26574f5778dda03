using System.Net;
using System.Text.Json;
using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Comments;

public sealed class PostingCommentsTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private readonly Newsroom _newsroom = new(app);

    private async Task<Masthead.Articles.Article> ArticleAsync(string headline = "Harbour strike enters second week") =>
        await _newsroom.PublishAsync(await _newsroom.SectionAsync(), headline);

    private Task<List<Comment>> CommentsOnAsync(int articleId) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId).OrderBy(c => c.Id).ToListAsync());

    private Task ApproveAsync(int commentId) => app.WithServicesAsync(async sp =>
        await sp.GetRequiredService<CommentModerator>().SetStatusAsync(commentId, CommentStatus.Approved));

    [Fact]
    public async Task The_form_says_leave_a_reply_and_has_the_fields_readers_know()
    {
        var article = await ArticleAsync();
        var page = await app.GetPageAsync(article.Path);

        Assert.Equal("LEAVE A REPLY", page.Text("#reply-title"));
        foreach (var field in new[] { "textarea[name=comment]", "input[name=author]", "input[name=email]", "input[name=url]", "input[name=parent]", "input[name=remember][type=checkbox]" })
        {
            Assert.NotNull(page.One($"#commentform {field}"));
        }
        Assert.Equal("Post Comment", page.Text("#commentform button[type=submit]"));
        Assert.Contains("will not be published", page.Text("#commentform"));
        Assert.False(string.IsNullOrEmpty(page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")));
        Assert.False(string.IsNullOrEmpty(page.One("input[name=token]")!.GetAttribute("value")));
    }

    [Fact]
    public async Task Every_view_of_a_cached_article_gets_its_own_antiforgery_token_and_a_form_token_of_its_second()
    {
        var article = await ArticleAsync();
        using var first = new Reader(app);
        using var second = new Reader(app);
        using var third = new Reader(app);

        var a = await first.OpenAsync(article.Path);
        var b = await second.OpenAsync(article.Path);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var c = await third.OpenAsync(article.Path);

        static string? Value(FetchedPage page, string name) => page.One($"input[name={name}]")!.GetAttribute("value");
        Assert.NotEqual(Value(a, "__RequestVerificationToken"), Value(b, "__RequestVerificationToken"));
        // The form token says which story and when, nothing about the reader (views within one second may share
        // one signature), and a later view gets a new one, never the token of the view that filled the cache.
        var (ta, tb, tc) = (Value(a, "token"), Value(b, "token"), Value(c, "token"));
        Assert.False(string.IsNullOrEmpty(tc));
        Assert.NotEqual(ta, tc);
        Assert.NotEqual(tb, tc);
        Assert.DoesNotContain("data-fill", c.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Empty_form_shows_all_three_messages_beside_the_fields_and_keeps_what_was_typed()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);

        var page = await reader.CommentAsync(article.Path, new Dictionary<string, string> { ["comment"] = " ", ["author"] = "", ["email"] = "", ["url"] = "https://ruth.example/" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("Please enter your comment!", page.Text("#comment-error"));
        Assert.Equal("Please enter your name here", page.Text("#author-error"));
        Assert.Equal("You have entered an incorrect email address!", page.Text("#email-error"));
        Assert.Equal("https://ruth.example/", page.One("#url")!.GetAttribute("value"));
        Assert.Equal("true", page.One("#comment")!.GetAttribute("aria-invalid"));
        Assert.Empty(await CommentsOnAsync(article.Id));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("no-domain@")]
    [InlineData("spaces in@example.com")]
    public async Task Wrong_email_is_refused_with_the_incorrect_email_message_and_the_comment_is_kept(string email)
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);

        var page = await reader.CommentAsync(article.Path, CommentsApp.Typed("My view on the strike.", email: email));

        Assert.Equal("You have entered an incorrect email address!", page.Text("#email-error"));
        Assert.Equal("My view on the strike.", page.One("#comment")!.TextContent);
        Assert.Equal("Ruth Adler", page.One("#author")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Over_long_fields_get_clear_limits()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);

        var page = await reader.CommentAsync(article.Path, new Dictionary<string, string>
        {
            ["comment"] = new string('a', 5001),
            ["author"] = new string('n', 101),
            ["email"] = new string('e', 250) + "@example.com",
            ["url"] = "https://example.com/" + new string('u', 200),
        });

        Assert.Contains("Please keep it to 5,000", page.Text("#comment-error"));
        Assert.Contains("100 characters", page.Text("#author-error"));
        Assert.Contains("254 characters", page.Text("#email-error"));
        Assert.Contains("200 characters", page.Text("#url-error"));
        Assert.Empty(await CommentsOnAsync(article.Id));
    }

    [Fact]
    public async Task A_first_comment_is_held_and_only_its_author_sees_it_awaiting_moderation()
    {
        var article = await ArticleAsync();
        using var author = new Reader(app);
        using var stranger = new Reader(app);

        var posted = await author.CommentAsync(article.Path, CommentsApp.Typed("First time commenting here."));

        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        var comment = Assert.Single(await CommentsOnAsync(article.Id));
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Equal($"{article.Path}#comment-{comment.Id}", posted.Response.Headers.Location?.OriginalString);

        var seenByAuthor = await author.OpenAsync(article.Path);
        Assert.Equal("Your comment is awaiting moderation.", seenByAuthor.Text($"#comment-{comment.Id} .comment-awaiting"));
        Assert.Contains("First time commenting here.", seenByAuthor.Text($"#comment-{comment.Id} .comment-body"));

        var seenByOthers = await stranger.OpenAsync(article.Path);
        Assert.Null(seenByOthers.One($"#comment-{comment.Id}"));
        Assert.Equal("0 comments", seenByOthers.Text("#comments-heading"));
    }

    [Fact]
    public async Task Once_a_commenter_has_an_approved_comment_the_next_appears_at_once_for_every_reader()
    {
        var article = await ArticleAsync();
        var email = $"{Guid.NewGuid():n}@example.com";
        using var commenter = new Reader(app);
        using var stranger = new Reader(app);
        Assert.Equal("0 comments", (await stranger.OpenAsync(article.Path)).Text("#comments-heading")); // now cached

        await commenter.CommentAsync(article.Path, CommentsApp.Typed("First.", email: email));
        await ApproveAsync((await CommentsOnAsync(article.Id)).Single().Id);
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var second = await commenter.CommentAsync(article.Path, CommentsApp.Typed("Second, published at once.", email: email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        var comments = await CommentsOnAsync(article.Id);
        Assert.All(comments, c => Assert.Equal(CommentStatus.Approved, c.Status));
        var page = await stranger.OpenAsync(article.Path);
        Assert.Equal("2 comments", page.Text("#comments-heading"));
        Assert.Contains("Second, published at once.", page.Text($"#comment-{comments[1].Id} .comment-body"));
    }

    [Fact]
    public async Task Moderation_policies_hold_everything_or_publish_at_once_but_more_than_two_links_are_always_held()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var before = app.Options.Moderation;
        try
        {
            app.Options.Moderation = ModerationPolicy.PublishAtOnce;
            await reader.CommentAsync(article.Path, CommentsApp.Typed("Published straight away."));
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            await reader.CommentAsync(article.Path, CommentsApp.Typed("See https://a.example and https://b.example and https://c.example"));
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            app.Options.Moderation = ModerationPolicy.HoldAll;
            var email = $"{Guid.NewGuid():n}@example.com";
            await reader.CommentAsync(article.Path, CommentsApp.Typed("Held although known.", email: email));
        }
        finally
        {
            app.Options.Moderation = before;
        }

        var comments = await CommentsOnAsync(article.Id);
        Assert.Equal([CommentStatus.Approved, CommentStatus.Pending, CommentStatus.Pending], comments.Select(c => c.Status));
        Assert.Equal("more than 2 links", comments[1].FilterReason);
    }

    [Fact]
    public async Task Replies_thread_under_their_parent_and_the_reply_link_works_without_javascript()
    {
        var article = await ArticleAsync();
        var parent = await _newsroom.CommentAsync(article, "Omar Haddad", "Who pays for the delays?");
        using var reader = new Reader(app);

        var replyPage = await reader.OpenAsync($"{article.Path}?replytocom={parent.Id}");
        Assert.Contains("Replying to Omar Haddad", replyPage.Text(".replying-to"));
        Assert.Equal(parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), replyPage.One("#comment-parent")!.GetAttribute("value"));
        app.Options.Moderation = ModerationPolicy.PublishAtOnce;
        try
        {
            var fields = Reader.FormFields(replyPage, CommentsApp.Typed("The shippers, in the end."));
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            var posted = await reader.PostAsync(article.Path, fields);
            Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        }
        finally
        {
            app.Options.Moderation = ModerationPolicy.HoldFirst;
        }

        var reply = (await CommentsOnAsync(article.Id)).Single(c => c.Id != parent.Id);
        Assert.Equal(parent.Id, reply.ParentId);
        var page = await app.GetPageAsync(article.Path);
        Assert.NotNull(page.One($"#comment-{parent.Id} > ol.comment-replies > #comment-{reply.Id}"));
        Assert.Equal($"?replytocom={parent.Id}#respond", page.One($"#comment-{parent.Id} > article .comment-reply")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Long_conversations_are_paged_fifty_threads_at_a_time()
    {
        var article = await ArticleAsync();
        for (var i = 0; i < 60; i++)
        {
            await _newsroom.CommentAsync(article, $"Reader {i:00}", $"Comment number {i:00}");
        }

        var first = await app.GetPageAsync(article.Path);
        var second = await app.GetPageAsync($"{article.Path}comment-page-2/");

        Assert.Equal("60 comments", first.Text("#comments-heading"));
        Assert.Equal(50, first.All(".comment-list > .comment").Count);
        Assert.Equal("Comment number 00", first.Text(".comment-list > .comment .comment-body"));
        Assert.Equal(10, second.All(".comment-list > .comment").Count);
        Assert.Equal($"{article.Path}comment-page-2/#comments", first.One(".comment-pages a[rel=next]")!.GetAttribute("href"));
        Assert.EndsWith($"{article.Path}comment-page-2/", second.Canonical);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"{article.Path}comment-page-3/")).Status);
    }

    [Fact]
    public async Task Readers_posting_at_the_same_moment_are_all_stored_counted_and_sent_to_the_page_showing_their_comment()
    {
        var article = await ArticleAsync("Quake shakes the capital");
        for (var i = 0; i < 48; i++)
        {
            await _newsroom.CommentAsync(article, $"Early reader {i:00}", $"Early comment {i:00}");
        }
        const int readers = 24;
        var before = app.Options.Moderation;
        var answers = new List<FetchedPage>();
        try
        {
            app.Options.Moderation = ModerationPolicy.PublishAtOnce;
            var people = Enumerable.Range(0, readers).Select(_ => new Reader(app)).ToList();
            var forms = new List<(Reader Reader, string Action, Dictionary<string, string> Fields)>();
            foreach (var (reader, n) in people.Select((r, n) => (r, n)))
            {
                // Each reader comes from an address of their own, as the site sees them through its proxy.
                reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{n + 1}");
                var page = await reader.OpenAsync(article.Path);
                forms.Add((reader, page.One("form#commentform")!.GetAttribute("action")!,
                    Reader.FormFields(page, CommentsApp.Typed($"Felt it here too, reader {n:00}.", author: $"Reader {n:00}"))));
            }
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            answers.AddRange(await Task.WhenAll(forms.Select(f => f.Reader.PostAsync(f.Action, f.Fields))));
            people.ForEach(p => p.Dispose());
        }
        finally
        {
            app.Options.Moderation = before;
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.SeeOther, a.Status));
        var comments = (await CommentsOnAsync(article.Id)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        Assert.Equal(48 + readers, comments.Count);
        Assert.All(comments, c => Assert.Equal(CommentStatus.Approved, c.Status));
        Assert.Equal(48 + readers, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.CommentCount).SingleAsync()));
        foreach (var answer in answers)
        {
            var location = answer.Response.Headers.Location!.OriginalString;
            var id = int.Parse(location[(location.IndexOf("#comment-", StringComparison.Ordinal) + "#comment-".Length)..]);
            var position = comments.FindIndex(c => c.Id == id);
            var expected = position < 50 ? article.Path : $"{article.Path}comment-page-2/";
            Assert.Equal($"{expected}#comment-{id}", location);
            Assert.NotNull((await app.GetPageAsync(expected)).One($"#comment-{id}"));
        }
    }

    [Fact]
    public async Task A_comment_that_cannot_be_stored_fails_alone_and_those_written_with_it_are_kept()
    {
        var article = await ArticleAsync("Flood barrier holds overnight");
        var writer = app.Services.GetRequiredService<CommentWriter>();
        Comment Typed(int articleId, string body) => new()
        {
            ArticleId = articleId, AuthorName = "Ines Varga", AuthorEmail = $"{Guid.NewGuid():n}@example.com", Body = body,
            BodyHtml = $"<p>{body}</p>", Status = CommentStatus.Approved, CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        var good = Enumerable.Range(0, 6).Select(i => Typed(article.Id, $"Still dry on street {i}.")).ToList();
        var orphan = Typed(int.MaxValue, "On a story that does not exist.");

        var saves = good.Select(c => writer.SaveAsync(c, CancellationToken.None)).Append(writer.SaveAsync(orphan, CancellationToken.None)).ToList();
        var failed = await Assert.ThrowsAsync<DbUpdateException>(() => saves[^1]);
        await Task.WhenAll(saves.Take(good.Count));

        Assert.Contains("FOREIGN KEY", failed.InnerException?.Message);
        Assert.All(good, c => Assert.True(c.Id > 0));
        Assert.Equal(good.Select(c => c.Id).Order(), (await CommentsOnAsync(article.Id)).Select(c => c.Id));
        Assert.Equal(good.Count, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task Closed_articles_say_comments_are_closed_and_refuse_posts()
    {
        var open = await ArticleAsync();
        using var reader = new Reader(app);
        var page = await reader.OpenAsync(open.Path);
        var fields = Reader.FormFields(page, CommentsApp.Typed());
        await _newsroom.WithPublisherAsync(open.Id, async (publisher, a) =>
        {
            a.CommentsOpen = false;
            return await publisher.UpdateAsync(a);
        });
        app.Clock.Advance(TimeSpan.FromSeconds(5));

        var refused = await reader.PostAsync(open.Path, fields);
        var closedPage = await app.GetPageAsync(open.Path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Comments are closed.", refused.Text(".comments"));
        Assert.Equal("Comments are closed.", closedPage.Text(".comments-closed"));
        Assert.Null(closedPage.One("#commentform"));
        Assert.Empty(await CommentsOnAsync(open.Id));
    }

    [Fact]
    public async Task Comments_close_by_themselves_after_the_configured_number_of_days()
    {
        var old = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Old news", publishedAt: DateTime.UtcNow.AddDays(-40));
        app.Options.CloseAfterDays = 30;
        try
        {
            var page = await app.GetPageAsync(old.Path + "?replytocom=1");
            Assert.Equal("Comments are closed.", page.Text(".comments-closed"));
        }
        finally
        {
            app.Options.CloseAfterDays = 0;
        }
    }

    [Fact]
    public async Task The_honeypot_rejects_robots_with_a_visible_message()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var typed = CommentsApp.Typed("Buy now");
        typed["phone"] = "555-0100";

        var page = await reader.CommentAsync(article.Path, typed);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Your comment could not be accepted.", page.Text(".comment-notice"));
        Assert.Empty(await CommentsOnAsync(article.Id));
    }

    [Fact]
    public async Task Forms_posted_too_fast_or_too_late_are_refused_and_the_text_is_kept()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);

        var tooFast = await reader.CommentAsync(article.Path, CommentsApp.Typed("Instant."), thinkTime: TimeSpan.FromSeconds(1));
        var tooLate = await reader.CommentAsync(article.Path, CommentsApp.Typed("Written over the weekend."), thinkTime: TimeSpan.FromDays(2));

        Assert.Equal(HttpStatusCode.BadRequest, tooFast.Status);
        Assert.Contains("That was quick!", tooFast.Text(".comment-notice"));
        Assert.Equal("Instant.", tooFast.One("#comment")!.TextContent);
        Assert.Contains("This form has expired", tooLate.Text(".comment-notice"));
        Assert.Equal("Written over the weekend.", tooLate.One("#comment")!.TextContent);
        Assert.Empty(await CommentsOnAsync(article.Id));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_a_message()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var page = await reader.OpenAsync(article.Path);
        var fields = Reader.FormFields(page, CommentsApp.Typed());
        fields.Remove("__RequestVerificationToken");
        app.Clock.Advance(TimeSpan.FromSeconds(5));

        var refused = await reader.PostAsync(article.Path, fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("This form has expired", refused.Text(".comment-notice"));
        Assert.Empty(await CommentsOnAsync(article.Id));
    }

    [Fact]
    public async Task Posting_again_within_fifteen_seconds_answers_429_and_the_same_comment_twice_is_a_duplicate()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var email = $"{Guid.NewGuid():n}@example.com";

        await reader.CommentAsync(article.Path, CommentsApp.Typed("Once.", email: email));
        var flood = await reader.CommentAsync(article.Path, CommentsApp.Typed("Twice, quickly.", email: email), thinkTime: TimeSpan.FromSeconds(4));
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var duplicate = await reader.CommentAsync(article.Path, CommentsApp.Typed("Once.", email: email));

        Assert.Equal(HttpStatusCode.TooManyRequests, flood.Status);
        Assert.Contains("too quickly", flood.Text(".comment-notice"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Contains("Duplicate comment detected", duplicate.Text(".comment-notice"));
        Assert.Single(await CommentsOnAsync(article.Id));
    }

    [Fact]
    public async Task With_javascript_the_same_endpoint_answers_json_with_errors_or_the_new_comments_place()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);

        var invalid = await reader.CommentAsync(article.Path, new Dictionary<string, string> { ["comment"] = "", ["author"] = "", ["email"] = "x" }, json: true);
        var accepted = await reader.CommentAsync(article.Path, CommentsApp.Typed("Posted by script."), json: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Status);
        using var errors = JsonDocument.Parse(invalid.Body);
        Assert.Equal("Please enter your comment!", errors.RootElement.GetProperty("errors").GetProperty("comment").GetString());
        Assert.Equal("Please enter your name here", errors.RootElement.GetProperty("errors").GetProperty("author").GetString());
        Assert.Equal("You have entered an incorrect email address!", errors.RootElement.GetProperty("errors").GetProperty("email").GetString());

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        using var ok = JsonDocument.Parse(accepted.Body);
        var id = ok.RootElement.GetProperty("id").GetInt32();
        Assert.Equal("held", ok.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("Your comment is awaiting moderation.", ok.RootElement.GetProperty("message").GetString());
        Assert.Equal($"{article.Path}#comment-{id}", ok.RootElement.GetProperty("location").GetString());
    }

    [Fact]
    public async Task Ticking_the_box_remembers_name_email_and_website_and_leaving_it_forgets_them()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var typed = CommentsApp.Typed("Remember me.", author: "Kofi Mensah", email: "kofi@example.org", url: "https://kofi.example/");
        typed["remember"] = "true";

        await reader.CommentAsync(article.Path, typed);
        var next = await reader.OpenAsync(article.Path);

        Assert.Equal("Kofi Mensah", next.One("#author")!.GetAttribute("value"));
        Assert.Equal("kofi@example.org", next.One("#email")!.GetAttribute("value"));
        Assert.Equal("https://kofi.example/", next.One("#url")!.GetAttribute("value"));
        Assert.DoesNotContain("kofi@example.org", reader.Cookies.GetAllCookies().Select(c => c.Value));

        using var forgetful = new Reader(app);
        await forgetful.CommentAsync(article.Path, CommentsApp.Typed("Do not remember me.", author: "Lina Park"));
        Assert.True(string.IsNullOrEmpty((await forgetful.OpenAsync(article.Path)).One("#author")!.GetAttribute("value")));
        Assert.DoesNotContain(forgetful.Cookies.GetAllCookies(), c => c.Name == CommenterCookies.CommenterCookie);
    }

    [Fact]
    public async Task An_oversized_post_is_refused_with_413_and_an_explanation()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var page = await reader.OpenAsync(article.Path);
        var fields = Reader.FormFields(page, CommentsApp.Typed(new string('x', 100_000)));

        var refused = await reader.PostAsync(article.Path, fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Equal("That was too much to send", refused.Text("h1"));
        Assert.Empty(await CommentsOnAsync(article.Id));
    }

    [Fact]
    public async Task Commenters_emails_never_appear_in_the_page()
    {
        var article = await ArticleAsync();
        await _newsroom.CommentAsync(article, "Private Person", "Visible words.");
        using var http = app.Http();
        var html = await http.GetStringAsync(article.Path);
        Assert.Contains("Visible words.", html);
        Assert.DoesNotContain("reader@example.com", html);
    }
}
