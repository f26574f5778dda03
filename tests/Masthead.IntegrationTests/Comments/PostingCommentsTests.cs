using System.Globalization;
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

    /// <summary>
    /// A reader from an address of their own (as the site sees them through its proxy) opens the story and fills in its
    /// form; posted later, once the form is old enough.
    /// </summary>
    private static async Task<(Reader Reader, string Action, Dictionary<string, string> Fields)> FilledFormAsync(
        Reader reader, string address, Masthead.Articles.Article article, string comment, string author)
    {
        reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var page = await reader.OpenAsync(article.Path);
        return (reader, page.One("form#commentform")!.GetAttribute("action")!,
            await reader.CommentFieldsAsync(page, CommentsApp.Typed(comment, author: author)));
    }

    /// <summary>The id of the comment a post's answer sends its reader to.</summary>
    private static int CommentIdOf(FetchedPage answer)
    {
        var location = answer.Response.Headers.Location!.OriginalString;
        return int.Parse(location[(location.IndexOf("#comment-", StringComparison.Ordinal) + "#comment-".Length)..], CultureInfo.InvariantCulture);
    }

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
        // The token fields are there, empty in the cached page; the form names where its script asks for them.
        Assert.NotNull(page.One("#commentform input[type=hidden][name=__RequestVerificationToken]"));
        Assert.NotNull(page.One("#commentform input[type=hidden][name=token]"));
        Assert.Equal($"/comments/form-tokens/{article.Id}", page.One("#commentform")!.GetAttribute("data-tokens"));
    }

    [Fact]
    public async Task A_cached_story_page_is_the_same_for_every_reader_who_each_ask_for_their_own_tokens()
    {
        var article = await ArticleAsync();
        using var first = new Reader(app);
        using var second = new Reader(app);
        using var third = new Reader(app);

        using var a = await first.Http.GetAsync(article.Path);
        using var b = await second.Http.GetAsync(article.Path);
        Assert.Equal(await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());
        Assert.False(b.Headers.Contains("Set-Cookie"), "a page view set a cookie");
        var page = await first.OpenAsync(article.Path);
        Assert.True(string.IsNullOrEmpty(page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(page.One("input[name=token]")!.GetAttribute("value")));
        var address = page.One("form#commentform")!.GetAttribute("data-tokens")!;

        async Task<(string Antiforgery, string Token)> TokensAsync(Reader reader)
        {
            using var response = await reader.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, "the tokens may be cached");
            Assert.True(response.Headers.Contains("Set-Cookie"), "no antiforgery cookie for a reader without one");
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (json.RootElement.GetProperty("antiforgery").GetString()!, json.RootElement.GetProperty("token").GetString()!);
        }
        var (antiforgeryA, tokenA) = await TokensAsync(first);
        var (antiforgeryB, _) = await TokensAsync(second);
        Assert.NotEqual(antiforgeryA, antiforgeryB);
        // The form token says which story and when, nothing about the reader (askers within one second may share
        // one signature); a later one is signed anew.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, tokenC) = await TokensAsync(third);
        Assert.NotEqual(tokenA, tokenC);

        // Another site's page cannot have a reader's tokens: a request the browser marks as cross-site is refused, and
        // none is answered with CORS headers that would let another site read it.
        using var crossSite = new HttpRequestMessage(HttpMethod.Get, address);
        crossSite.Headers.Add("Origin", "https://elsewhere.example");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var refused = await third.Http.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        using var sameSite = new HttpRequestMessage(HttpMethod.Get, address);
        sameSite.Headers.Add("Origin", "https://elsewhere.example");
        using var answer = await third.Http.SendAsync(sameSite);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));

        // Only stories that take comments have forms to fill in.
        using var unknown = await third.Http.GetAsync("/comments/form-tokens/999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(CommentMessages.Closed, await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_javascript_a_first_post_from_a_cached_page_comes_back_with_its_tokens_and_the_next_is_taken()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var page = await reader.OpenAsync(article.Path);
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        const string text = "Posted from a browser that runs no scripts.";

        var confirm = await reader.PostAsync(article.Path, Reader.FormFields(page, CommentsApp.Typed(text)));
        Assert.Equal(HttpStatusCode.BadRequest, confirm.Status);
        Assert.Equal(CommentMessages.ConfirmPost, confirm.Text(".comment-notice-error"));
        Assert.Equal(text, confirm.One("#comment")!.TextContent);
        Assert.DoesNotContain(await CommentsOnAsync(article.Id), c => c.Body == text);

        // Sent straight back, it is a robot's speed; after a moment's reading it is taken.
        var quick = await reader.PostAsync(article.Path, Reader.FormFields(confirm, new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, quick.Status);
        Assert.Equal(CommentMessages.TooFast, quick.Text(".comment-notice-error"));
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var posted = await reader.PostAsync(article.Path, Reader.FormFields(quick, new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        Assert.Single(await CommentsOnAsync(article.Id), c => c.Body == text);
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
            // The cached reply page carries no tokens and no script asks for them: the first post comes back with
            // them, the reply still aimed at its parent and the text kept, and the second is taken.
            Assert.True(string.IsNullOrEmpty(replyPage.One("input[name=token]")!.GetAttribute("value")));
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            var confirm = await reader.PostAsync(article.Path, Reader.FormFields(replyPage, CommentsApp.Typed("The shippers, in the end.")));
            Assert.Equal(HttpStatusCode.BadRequest, confirm.Status);
            Assert.Equal(CommentMessages.ConfirmPost, confirm.Text(".comment-notice-error"));
            Assert.Equal("The shippers, in the end.", confirm.One("#comment")!.TextContent);
            Assert.Contains("Replying to Omar Haddad", confirm.Text(".replying-to"));
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            var posted = await reader.PostAsync(article.Path, Reader.FormFields(confirm, new Dictionary<string, string>()));
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
    public async Task Each_comment_page_shows_its_own_threads_whole_as_they_stand_among_all_the_story_comments()
    {
        var article = await ArticleAsync("Ferry timetable rewritten after storm");
        async Task<Comment> Say(string author, Comment? replyTo = null, CommentStatus status = CommentStatus.Approved) =>
            await _newsroom.CommentAsync(article, author, $"{author} has a view on the timetable.", status, replyTo);
        var t1 = await Say("Anna");
        var a1 = await Say("Ben", t1);
        var a2 = await Say("Cleo", a1);
        var a3 = await Say("Dev", a2);
        var a4 = await Say("Eli", a3);
        await Say("Fin", a4);                                   // deeper than the page nests: continues at the deepest level
        var t2 = await Say("Fay");
        await Say("Gus", t2, CommentStatus.Pending);             // held: shown to nobody here
        var t3 = await Say("Hal");
        await Say("Ivy", t3);
        var t4 = await Say("Jon");
        var b1 = await Say("Kim", t4);
        await Say("Lee", b1);
        await Say("Max", t1);                                   // a late reply to the first thread, on page one
        var t5 = await Say("Ned");
        var early = await Say("Ola");
        var t6 = await Say("Pia");
        await Say("Quin", t6);
        var t7 = await Say("Rae");
        await Say("Sol", t7);
        await Say("Tia", t2);                                   // a late reply to a thread on page one
        // An imported reply older than the comment it answers starts a thread of its own, where its time puts it.
        await app.WithDbAsync(async db =>
        {
            await db.Comments.Where(c => c.Id == early.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ParentId, t6.Id));
            await CommentCounts.RecountAsync(db, db.Articles.Where(a => a.Id == article.Id), null, CancellationToken.None);
            return 0;
        });

        // What the pages must show: every approved comment laid out at once, three threads a page.
        var all = await app.WithDbAsync(db => db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, false, false)).ToListAsync());
        var threads = CommentThread.Build(all, app.Options.MaxDepth);
        static IEnumerable<int> Under(CommentThread t) => t.Replies.SelectMany(r => Under(r).Prepend(r.Comment.Id));
        Assert.Equal(8, threads.Count);
        var perPage = app.Options.ThreadsPerPage;
        try
        {
            app.Options.ThreadsPerPage = 3;
            for (var page = 1; page <= 3; page++)
            {
                var html = await app.GetPageAsync(page == 1 ? article.Path : $"{article.Path}comment-page-{page}/");
                var expected = threads.Skip((page - 1) * 3).Take(3).ToList();
                Assert.Equal(expected.Select(t => $"comment-{t.Comment.Id}"), html.All(".comment-list > .comment").Select(e => e.Id!));
                foreach (var thread in expected)
                {
                    Assert.Equal(Under(thread).Order(),
                        html.All($"#comment-{thread.Comment.Id} .comment").Select(e => int.Parse(e.Id!["comment-".Length..], CultureInfo.InvariantCulture)).Order());
                }
            }
            Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"{article.Path}comment-page-4/")).Status);
        }
        finally
        {
            app.Options.ThreadsPerPage = perPage;
        }
        // The layout the pages were held to has what the test is about: a thread nested past the deepest level, an
        // early reply standing alone, replies that came after later threads.
        Assert.Contains(threads, t => t.Comment.Id == early.Id);
        Assert.Equal(6, Under(threads[0]).Count());
    }

    [Fact]
    public async Task A_readers_held_comments_are_shown_to_them_where_they_fall_among_the_pages()
    {
        var article = await ArticleAsync("Bridge closed for inspection");
        var t1 = await _newsroom.CommentAsync(article, "Ada", "Traffic is backed up to the ring road.");
        await _newsroom.CommentAsync(article, "Bo", "Take the ferry instead.");
        await _newsroom.CommentAsync(article, "Cy", "These inspections are long overdue.");
        using var author = new Reader(app);
        var perPage = app.Options.ThreadsPerPage;
        try
        {
            app.Options.ThreadsPerPage = 3;
            var reply = CommentsApp.Typed("The ferry is full as well.");
            reply["parent"] = t1.Id.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.SeeOther, (await author.CommentAsync(article.Path, reply)).Status);
            var posted = await author.CommentAsync(article.Path, CommentsApp.Typed("Who decided to close it at rush hour?"));
            var held = (await CommentsOnAsync(article.Id)).Where(c => c.Status == CommentStatus.Pending).ToList();
            Assert.Equal(2, held.Count);

            // The held reply sits under its thread on page one; the held new thread comes after the three approved
            // ones, on a page of its own that only its author has.
            Assert.Equal($"{article.Path}comment-page-2/#comment-{held[1].Id}", posted.Response.Headers.Location?.OriginalString);
            var first = await author.OpenAsync(article.Path);
            Assert.NotNull(first.One($"#comment-{t1.Id} > ol.comment-replies > #comment-{held[0].Id} .comment-awaiting"));
            Assert.Equal(3, first.All(".comment-list > .comment").Count);
            var second = await author.OpenAsync($"{article.Path}comment-page-2/");
            Assert.Equal([$"comment-{held[1].Id}"], second.All(".comment-list > .comment").Select(e => e.Id!));
            Assert.Equal($"{article.Path}comment-page-2/#comments", first.One(".comment-pages a[rel=next]")!.GetAttribute("href"));

            var others = await app.GetPageAsync(article.Path);
            Assert.Null(others.One($"#comment-{held[0].Id}"));
            Assert.Null(others.One(".comment-pages a[rel=next]"));
            Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"{article.Path}comment-page-2/")).Status);
        }
        finally
        {
            app.Options.ThreadsPerPage = perPage;
        }
    }

    [Fact]
    public async Task A_comment_sent_back_with_its_message_comes_on_the_page_it_would_land_on()
    {
        var article = await ArticleAsync("Ferry strike enters its second week");
        var threads = new List<Comment>();
        foreach (var (name, text) in new[] { ("Ada", "The buses cannot take everyone."), ("Bo", "Walk, it is good for you."),
                     ("Cy", "Pay them what they ask."), ("Di", "Talks resume on Monday.") })
        {
            threads.Add(await _newsroom.CommentAsync(article, name, text));
        }
        var (first, fourth) = (threads[0], threads[^1]);
        using var reader = new Reader(app);
        var perPage = app.Options.ThreadsPerPage;
        try
        {
            app.Options.ThreadsPerPage = 3;

            // A new thread goes after the others: the form comes back on the last page.
            var empty = await reader.CommentAsync(article.Path, CommentsApp.Typed(" "));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
            Assert.Equal("Please enter your comment!", empty.Text("#comment-error"));
            Assert.Equal([$"comment-{fourth.Id}"], empty.All(".comment-list > .comment").Select(e => e.Id!));
            Assert.Equal("Comments page 2 of 2", empty.Text(".comment-pages span"));

            // A reply goes under its thread: the form comes back on that thread's page.
            var reply = CommentsApp.Typed(" ");
            reply["parent"] = first.Id.ToString(CultureInfo.InvariantCulture);
            var emptyReply = await reader.CommentAsync(article.Path, reply);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyReply.Status);
            Assert.Equal("Please enter your comment!", emptyReply.Text("#comment-error"));
            Assert.Equal($"comment-{first.Id}", emptyReply.All(".comment-list > .comment").First().Id);
            Assert.Equal("Comments page 1 of 2", emptyReply.Text(".comment-pages span"));
        }
        finally
        {
            app.Options.ThreadsPerPage = perPage;
        }
        Assert.Equal(4, (await CommentsOnAsync(article.Id)).Count);
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
                forms.Add(await FilledFormAsync(reader, $"198.51.100.{n + 1}", article, $"Felt it here too, reader {n:00}.", $"Reader {n:00}"));
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
            var id = CommentIdOf(answer);
            var position = comments.FindIndex(c => c.Id == id);
            var expected = position < 50 ? article.Path : $"{article.Path}comment-page-2/";
            Assert.Equal($"{expected}#comment-{id}", location);
            Assert.NotNull((await app.GetPageAsync(expected)).One($"#comment-{id}"));
        }
    }

    [Fact]
    public async Task A_comment_stored_after_another_goes_after_it_even_when_its_post_was_checked_first()
    {
        // Posts are checked side by side and reach the database in any order. Here the second post's check reads the
        // clock five seconds before the first was stored (the clock is set back, standing in for a check that started
        // first and finished last). Sorted by that reading, it would take the 50th place, push the first reader's
        // comment onto page 2, and leave them sent to a page 1 without it.
        var article = await ArticleAsync("Storm closes the harbour for a second night");
        for (var i = 0; i < 49; i++)
        {
            await _newsroom.CommentAsync(article, $"Early reader {i:00}", $"Early comment {i:00}");
        }
        var before = app.Options.Moderation;
        var answers = new List<FetchedPage>();
        try
        {
            app.Options.Moderation = ModerationPolicy.PublishAtOnce;
            using var first = new Reader(app);
            using var second = new Reader(app);
            var forms = new List<(Reader Reader, string Action, Dictionary<string, string> Fields)>();
            foreach (var (reader, n) in new[] { (first, 1), (second, 2) })
            {
                forms.Add(await FilledFormAsync(reader, $"203.0.113.{n}", article, $"The ferry did not sail, reader {n}.", $"Reader {n}"));
            }
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            answers.Add(await forms[0].Reader.PostAsync(forms[0].Action, forms[0].Fields));
            app.Clock.Advance(TimeSpan.FromSeconds(-5));
            answers.Add(await forms[1].Reader.PostAsync(forms[1].Action, forms[1].Fields));
            app.Clock.Advance(TimeSpan.FromSeconds(5));
        }
        finally
        {
            app.Options.Moderation = before;
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.SeeOther, a.Status));
        var ids = answers.Select(CommentIdOf).ToList();
        Assert.Equal([$"{article.Path}#comment-{ids[0]}", $"{article.Path}comment-page-2/#comment-{ids[1]}"],
            answers.Select(a => a.Response.Headers.Location!.OriginalString));
        Assert.NotNull((await app.GetPageAsync(article.Path)).One($"#comment-{ids[0]}"));
        Assert.NotNull((await app.GetPageAsync($"{article.Path}comment-page-2/")).One($"#comment-{ids[1]}"));
        var stored = (await CommentsOnAsync(article.Id)).Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToList();
        Assert.True(stored[1].CreatedAt >= stored[0].CreatedAt, $"the comment stored second is dated {stored[1].CreatedAt:O}, before the first's {stored[0].CreatedAt:O}");
    }

    [Fact]
    public async Task Approving_or_holding_a_comment_joins_or_splits_its_replies_and_the_next_comment_is_sent_to_the_right_page()
    {
        var article = await ArticleAsync("Flood barrier fails at high tide");
        // Replies to a comment still held stand as threads of their own: fifty of them fill the first page.
        var held = await _newsroom.CommentAsync(article, "First reader", "Is anyone checking the barrier?", CommentStatus.Pending);
        for (var i = 0; i < 50; i++)
        {
            await _newsroom.CommentAsync(article, $"Reader {i:00}", $"Reply number {i:00}", replyTo: held);
        }
        var before = app.Options.Moderation;
        var posted = new List<(string Location, int Id)>();
        try
        {
            app.Options.Moderation = ModerationPolicy.PublishAtOnce;
            using var reader = new Reader(app);
            reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");
            async Task PostAsync(string text)
            {
                var answer = await reader.CommentAsync(article.Path, CommentsApp.Typed(text, author: "Late reader"));
                Assert.Equal(HttpStatusCode.SeeOther, answer.Status);
                var location = answer.Response.Headers.Location!.OriginalString;
                var id = CommentIdOf(answer);
                Assert.NotNull((await app.GetPageAsync(location.Split('#')[0])).One($"#comment-{id}"));
                posted.Add((location, id));
            }

            await PostAsync("The fifty-first thread.");
            await ApproveAsync(held.Id);                      // its fifty replies join it: two threads
            await PostAsync("Back on the first page.");
            await app.WithServicesAsync(sp => sp.GetRequiredService<CommentModerator>().SetStatusAsync(held.Id, CommentStatus.Pending));
            await PostAsync("Fifty-three threads again.");   // the replies stand alone once more
        }
        finally
        {
            app.Options.Moderation = before;
        }

        var second = $"{article.Path}comment-page-2/";
        Assert.Equal([$"{second}#comment-{posted[0].Id}", $"{article.Path}#comment-{posted[1].Id}", $"{second}#comment-{posted[2].Id}"],
            posted.Select(p => p.Location));
        // The kept figures are what the pages show.
        var first = await app.GetPageAsync(article.Path);
        var threads = first.All(".comment-list > .comment").Count + (await app.GetPageAsync(second)).All(".comment-list > .comment").Count;
        var figures = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => new { a.CommentCount, a.CommentThreadCount }).SingleAsync());
        Assert.Equal(53, threads);
        Assert.Equal(53, figures.CommentThreadCount);
        Assert.Equal(53, figures.CommentCount);
        Assert.Equal("53 comments", first.Text("#comments-heading"));
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
        var failed = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => saves[^1]);
        await Task.WhenAll(saves.Take(good.Count));

        Assert.Contains("FOREIGN KEY", failed.Message);
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
        var fields = await reader.CommentFieldsAsync(page, CommentsApp.Typed());
        await _newsroom.WithPublisherAsync(open.Id, async (publisher, a) =>
        {
            a.CommentsOpen = false;
            return await publisher.UpdateAsync(a);
        });
        app.Clock.Advance(TimeSpan.FromSeconds(5));

        var refused = await reader.PostAsync(open.Path, fields);
        // A browser without JavaScript posts the served form, without tokens: it is told the same.
        var unsigned = fields.Where(f => f.Key is not ("token" or "__RequestVerificationToken")).ToDictionary();
        var refusedUnsigned = await reader.PostAsync(open.Path, unsigned);
        var closedPage = await app.GetPageAsync(open.Path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Comments are closed.", refused.Text(".comments"));
        Assert.Equal(HttpStatusCode.Forbidden, refusedUnsigned.Status);
        Assert.Contains("Comments are closed.", refusedUnsigned.Text(".comments"));
        using var tokens = await reader.Http.GetAsync($"/comments/form-tokens/{open.Id}");
        Assert.Equal(HttpStatusCode.NotFound, tokens.StatusCode);
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
        var fields = await reader.CommentFieldsAsync(page, CommentsApp.Typed());
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
        var fields = await reader.CommentFieldsAsync(page, CommentsApp.Typed(new string('x', 100_000)));

        var refused = await reader.PostAsync(article.Path, fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Equal("That was too much to send", refused.Text("h1"));
        Assert.Empty(await CommentsOnAsync(article.Id));
    }

    [Fact]
    public async Task A_post_that_is_no_form_or_more_than_the_form_is_refused_with_a_message_and_stores_nothing()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var page = await reader.OpenAsync(article.Path);
        var fields = await reader.CommentFieldsAsync(page, CommentsApp.Typed("Sent some other way."));

        // Not a form at all: nothing was typed as far as the form is concerned.
        using var json = await reader.Http.PostAsync(article.Path,
            new StringContent(System.Text.Json.JsonSerializer.Serialize(fields), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, json.StatusCode);
        Assert.Contains(CommentMessages.EnterComment, await json.Content.ReadAsStringAsync());

        // More fields than the form has.
        var padded = fields.Concat(Enumerable.Range(0, 30).Select(i => new KeyValuePair<string, string>($"extra{i}", "x"))).ToList();
        var tooMany = await reader.PostAsync(article.Path, padded);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal("That request could not be understood", tooMany.Text("h1"));

        // A body sent without its length, larger than any comment: refused once it passes the limit.
        var big = System.Text.Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + "&comment=" + new string('x', 100_000));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, article.Path) { Content = new StreamContent(new MemoryStream(big)) };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        chunked.Headers.TransferEncodingChunked = true;
        using var oversized = await reader.Http.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Contains("That was too much to send", await oversized.Content.ReadAsStringAsync());

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
