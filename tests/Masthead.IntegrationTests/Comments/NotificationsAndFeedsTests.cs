using System.Net;
using System.Xml.Linq;
using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Masthead.IntegrationTests.Comments;

public sealed class NotificationsAndFeedsTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private readonly Newsroom _newsroom = new(app);

    private string Outbox => Path.Combine(app.DataDirectory, "outbox");

    /// <summary>The messages in the outbox once the background notifier has caught up.</summary>
    private async Task<List<MimeMessage>> MailAsync()
    {
        var notifier = app.Services.GetRequiredService<CommentNotifier>();
        for (var i = 0; i < 100 && !notifier.Idle; i++)
        {
            await Task.Delay(50);
        }
        Assert.True(notifier.Idle, "the notifier did not finish");
        return Directory.Exists(Outbox)
            ? Directory.GetFiles(Outbox, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    /// <summary>A byline with an email address, which hears of every new comment on the writer's stories.</summary>
    private Task<Masthead.Articles.Author> WriterAsync(string name, string email) => app.WithDbAsync(async db =>
    {
        var author = new Masthead.Articles.Author { Slug = Newsroom.Unique("writer"), Name = name, Email = email };
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        return author;
    });

    [Fact]
    public async Task A_new_comment_notifies_the_articles_authors_and_the_moderators_through_the_outbox()
    {
        var author = await WriterAsync("Nadia Rahman", "nadia@masthead.example");
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Tram line approved", authors: [author]);
        using var reader = new Reader(app);

        await reader.CommentAsync(article.Path, CommentsApp.Typed("Will it run at night?", author: "Night Owl"));

        var message = (await MailAsync()).Single(m => m.Subject?.Contains("Tram line approved") == true);
        Assert.Equal(["nadia@masthead.example", "desk@masthead.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("Comment awaiting moderation", message.Subject);
        Assert.Contains("Will it run at night?", message.TextBody);
    }

    [Fact]
    public async Task Comments_posted_at_the_same_moment_each_send_their_own_notices()
    {
        var author = await WriterAsync("Tomas Berg", "tomas@masthead.example");
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Ferry fares frozen", authors: [author]);
        var parent = await _newsroom.CommentAsync(article, "Daily Commuter", "Will the night ferry keep running?");
        await app.WithDbAsync(db => db.Comments.Where(c => c.Id == parent.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.NotifyReplies, true).SetProperty(c => c.AuthorEmail, "commuter@example.org")));
        var before = app.Options.Moderation;
        try
        {
            app.Options.Moderation = ModerationPolicy.PublishAtOnce;
            var readers = Enumerable.Range(0, 6).Select(_ => new Reader(app)).ToList();
            var posts = new List<(Reader Reader, string Action, Dictionary<string, string> Fields)>();
            foreach (var (reader, n) in readers.Select((r, n) => (r, n)))
            {
                reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{n + 1}");
                // Half answer the commuter, half write under the story.
                var page = await reader.OpenAsync(n % 2 == 0 ? $"{article.Path}?replytocom={parent.Id}" : article.Path);
                var fields = await reader.CommentFieldsAsync(page, CommentsApp.Typed($"Ferry answer number {n}.", author: $"Islander {n}"));
                posts.Add((reader, page.One("form#commentform")!.GetAttribute("action")!, fields));
            }
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            var answers = await Task.WhenAll(posts.Select(p => p.Reader.PostAsync(p.Action, p.Fields)));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.SeeOther, a.Status));
            readers.ForEach(r => r.Dispose());
        }
        finally
        {
            app.Options.Moderation = before;
        }

        var mail = (await MailAsync()).Where(m => m.Subject?.Contains("Ferry fares frozen") == true).ToList();
        var staff = mail.Where(m => m.Subject!.StartsWith("New comment on", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, staff.Count);
        Assert.All(staff, m => Assert.Equal(["tomas@masthead.example", "desk@masthead.example"], m.To.Mailboxes.Select(a => a.Address)));
        Assert.Equal(Enumerable.Range(0, 6).Select(n => $"Ferry answer number {n}."),
            staff.Select(m => System.Text.RegularExpressions.Regex.Match(m.TextBody ?? "", @"Ferry answer number \d\.").Value).Order());
        var replies = mail.Where(m => m.To.Mailboxes.Any(a => a.Address == "commuter@example.org")).ToList();
        Assert.Equal(["Islander 0", "Islander 2", "Islander 4"], replies.Select(m => m.Subject![..m.Subject!.IndexOf(" replied", StringComparison.Ordinal)]).Order());
        // Stored together, the three replies joined the commuter's thread and the three others started their own.
        var figures = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => new { a.CommentCount, a.CommentThreadCount }).SingleAsync());
        Assert.Equal(7, figures.CommentCount);
        Assert.Equal(4, figures.CommentThreadCount);
        Assert.Equal(4, (await app.GetPageAsync(article.Path)).All(".comment-list > .comment").Count);
    }

    [Fact]
    public async Task Replies_notify_commenters_who_asked_and_one_click_unsubscribes_them()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Library hours extended");
        var parent = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Masthead.Data.MastheadDb>();
            var c = new Comment
            {
                ArticleId = article.Id, AuthorName = "Asked For Replies", AuthorEmail = "subscriber@example.org", Body = "Open on Sundays?",
                BodyHtml = "<p>Open on Sundays?</p>", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow, NotifyReplies = true,
            };
            db.Comments.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
        using var reader = new Reader(app);
        var page = await reader.OpenAsync($"{article.Path}?replytocom={parent.Id}");
        var fields = await reader.CommentFieldsAsync(page, CommentsApp.Typed("Yes, from noon.", author: "Librarian"));
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await reader.PostAsync(article.Path, fields);
        var reply = (await app.WithDbAsync(db => db.Comments.Where(c => c.ParentId == parent.Id).SingleAsync()));
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<CommentModerator>().SetStatusAsync(reply.Id, CommentStatus.Approved));

        var notice = (await MailAsync()).Single(m => m.To.Mailboxes.Any(a => a.Address == "subscriber@example.org"));
        Assert.Contains("Librarian replied", notice.Subject);
        Assert.Contains("Yes, from noon.", notice.TextBody);
        var unsubscribe = notice.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Equal("List-Unsubscribe=One-Click", notice.Headers["List-Unsubscribe-Post"]);

        using var http = app.Http();
        var response = await http.PostAsync(new Uri(unsubscribe).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Comments.Where(c => c.Id == parent.Id).Select(c => c.NotifyReplies).SingleAsync()));
        var forged = await http.PostAsync("/comments/unsubscribe/not-a-real-token", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Comment_feeds_list_approved_comments_without_emails_as_valid_rss()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Harbour ferry timetable changes");
        await _newsroom.CommentAsync(article, "Ferry Regular", "The 7:15 is always late.");
        await _newsroom.CommentAsync(article, "Hidden Held", "Not yet approved", CommentStatus.Pending);
        using var http = app.Http();

        foreach (var path in new[] { $"{article.Path}feed/", "/comments/feed/" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
            var xml = await response.Content.ReadAsStringAsync();
            var rss = XDocument.Parse(xml);
            var items = rss.Descendants("item").ToList();
            var ours = items.Single(i => i.Element("title")!.Value.Contains("Harbour ferry timetable changes"));
            Assert.Equal("Ferry Regular", ours.Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/"))!.Value);
            Assert.Contains("#comment-", ours.Element("link")!.Value);
            Assert.Contains("The 7:15 is always late.", ours.Element("description")!.Value);
            Assert.DoesNotContain("Not yet approved", xml);
            Assert.DoesNotContain("reader@example.com", xml);
        }
        var page = await app.GetPageAsync(article.Path);
        Assert.Equal($"{article.Path}feed/", page.One("link[rel=alternate][title='Comments on this story']")!.GetAttribute("href"));
    }
}

public sealed class LimitedCommentsApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Comments:HourlyLimit"] = "2",
        ["Comments:PostsPerMinutePerAddress"] = "4",
    };
}

public sealed class RateLimitTests(LimitedCommentsApp app) : IClassFixture<LimitedCommentsApp>
{
    [Fact]
    public async Task The_hourly_cap_and_the_per_address_limit_answer_429_with_a_clear_message()
    {
        var newsroom = new Newsroom(app);
        var article = await newsroom.PublishAsync(await newsroom.SectionAsync(), "Rate limits");
        using var reader = new Reader(app);

        var first = await reader.CommentAsync(article.Path, CommentsApp.Typed("One"));
        var second = await reader.CommentAsync(article.Path, CommentsApp.Typed("Two"));
        var third = await reader.CommentAsync(article.Path, CommentsApp.Typed("Three"));
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Contains("2 comments in the last hour", third.Text(".comment-notice"));

        // A fourth and fifth post within the same real minute are stopped before the page even runs.
        await reader.CommentAsync(article.Path, CommentsApp.Typed("Four"));
        var fifth = await reader.CommentAsync(article.Path, CommentsApp.Typed("Five"));
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.Status);
        Assert.Equal(Masthead.Comments.CommentsModule.RateLimitMessage, fifth.Body);
        Assert.Equal(2, await app.WithDbAsync(db => db.Comments.CountAsync(c => c.ArticleId == article.Id)));
    }

    [Fact]
    public async Task Comment_form_tokens_are_signed_for_an_address_a_few_times_the_posts_it_may_make_a_minute()
    {
        var newsroom = new Newsroom(app);
        var article = await newsroom.PublishAsync(await newsroom.SectionAsync(), "Token limits");
        using var reader = new Reader(app);
        // An address of its own, as the site sees readers through its proxy, so the other test's posts do not count.
        reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        const int allowed = 4 * 6;
        for (var i = 0; i < allowed; i++)
        {
            using var tokens = await reader.Http.GetAsync($"/comments/form-tokens/{article.Id}");
            Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        }
        using var refused = await reader.Http.GetAsync($"/comments/form-tokens/{article.Id}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Equal(Masthead.Comments.CommentsModule.RateLimitMessage, await refused.Content.ReadAsStringAsync());
        // Reading stories is never limited.
        using var page = await reader.Http.GetAsync(article.Path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
