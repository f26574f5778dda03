using System.Net;
using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Comments;

public sealed class SpamAndSafetyTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private readonly Newsroom _newsroom = new(app);

    private async Task<Masthead.Articles.Article> ArticleAsync() =>
        await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Council debates the new budget");

    private Task<List<Comment>> CommentsOnAsync(int articleId) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId).OrderBy(c => c.Id).ToListAsync());

    private Task BlockAsync(BlockKind kind, string value) => app.WithDbAsync(async db =>
    {
        db.BlockedTerms.Add(new BlockedTerm { Kind = kind, Value = value, CreatedAt = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Blocked_words_emails_and_addresses_go_to_spam_unseen_and_uncounted_while_the_poster_is_told_it_awaits_moderation()
    {
        var article = await ArticleAsync();
        await BlockAsync(BlockKind.Word, "miraclecoin");
        await BlockAsync(BlockKind.Email, "bulk@spam.example");
        using var reader = new Reader(app);

        var word = await reader.CommentAsync(article.Path, CommentsApp.Typed("Invest in MiracleCoin today"));
        var email = await reader.CommentAsync(article.Path, CommentsApp.Typed("Nice article", email: "BULK@spam.example"));

        Assert.Equal(HttpStatusCode.SeeOther, word.Status);
        Assert.Equal(HttpStatusCode.SeeOther, email.Status);
        var stored = await CommentsOnAsync(article.Id);
        Assert.All(stored, c => Assert.Equal(CommentStatus.Spam, c.Status));
        Assert.Equal(["blocklist: word", "blocklist: email"], stored.Select(c => c.FilterReason));
        var page = await app.GetPageAsync(article.Path);
        Assert.Equal("0 comments", page.Text("#comments-heading"));
        Assert.DoesNotContain("MiracleCoin", page.Document.Body!.TextContent);
        var held = await reader.OpenAsync(article.Path);
        Assert.DoesNotContain("MiracleCoin", held.Document.Body!.TextContent);
    }

    [Fact]
    public async Task Blocked_ip_address_goes_to_spam()
    {
        var article = await ArticleAsync();
        await BlockAsync(BlockKind.Ip, "127.0.0.1");
        try
        {
            using var reader = new Reader(app);
            await reader.CommentAsync(article.Path, CommentsApp.Typed("From a blocked address"));
            Assert.Equal(CommentStatus.Spam, (await CommentsOnAsync(article.Id)).Single().Status);
        }
        finally
        {
            await app.WithDbAsync(db => db.BlockedTerms.Where(t => t.Kind == BlockKind.Ip).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task The_classifier_learns_from_moderators_and_only_holds_until_it_has_enough_examples()
    {
        var article = await ArticleAsync();
        var spammy = "cheap replica watches casino bonus pills discount click now";
        var hammy = "the council should publish the budget figures before the vote on tuesday";

        async Task TrainAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var spam = await _newsroom.CommentAsync(article, $"Seller {i}", $"{spammy} offer{i}", CommentStatus.Pending);
                var ham = await _newsroom.CommentAsync(article, $"Resident {i}", $"{hammy} point{i}", CommentStatus.Pending);
                await app.WithServicesAsync(async sp =>
                {
                    var moderator = sp.GetRequiredService<CommentModerator>();
                    await moderator.SetStatusAsync(spam.Id, CommentStatus.Spam);
                    return await moderator.SetStatusAsync(ham.Id, CommentStatus.Approved);
                });
            }
        }

        using var reader = new Reader(app);
        app.Options.Moderation = ModerationPolicy.PublishAtOnce;
        try
        {
            await TrainAsync(3);
            await reader.CommentAsync(article.Path, CommentsApp.Typed($"{spammy} early"));
            var early = (await CommentsOnAsync(article.Id)).Last();
            Assert.Equal(CommentStatus.Pending, early.Status);
            Assert.StartsWith("classifier:", early.FilterReason);

            await TrainAsync(app.Options.MinTrainingPerKind);
            await reader.CommentAsync(article.Path, CommentsApp.Typed($"{spammy} later"));
            await reader.CommentAsync(article.Path, CommentsApp.Typed($"{hammy} again"));
        }
        finally
        {
            app.Options.Moderation = ModerationPolicy.HoldFirst;
        }

        var last = (await CommentsOnAsync(article.Id)).TakeLast(2).ToList();
        Assert.Equal(CommentStatus.Spam, last[0].Status);
        Assert.Equal(CommentStatus.Approved, last[1].Status);
    }

    [Fact]
    public async Task Moderation_keeps_the_public_count_in_step_and_spam_is_never_counted()
    {
        var article = await ArticleAsync();
        var a = await _newsroom.CommentAsync(article, "A", "one", CommentStatus.Pending);
        var b = await _newsroom.CommentAsync(article, "B", "two", CommentStatus.Pending);
        int Count() => app.WithDbAsync(db => db.Articles.Where(x => x.Id == article.Id).Select(x => x.CommentCount).SingleAsync()).Result;

        await app.WithServicesAsync(sp => sp.GetRequiredService<CommentModerator>().SetStatusAsync([a.Id, b.Id], CommentStatus.Approved));
        Assert.Equal(2, Count());
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<CommentModerator>().SetStatusAsync(a.Id, CommentStatus.Spam));
        Assert.Equal(1, Count());
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<CommentModerator>().SetStatusAsync(b.Id, CommentStatus.Trash));
        Assert.Equal(0, Count());
        Assert.Equal("0 comments", (await app.GetPageAsync(article.Path)).Text("#comments-heading"));
    }

    public static TheoryData<string> XssPayloads => new()
    {
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "[click me](javascript:alert(1))",
        "[click me](JaVaScRiPt:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<iframe src=javascript:alert(1)>",
        "\"><script>alert(1)</script>",
        "<body onload=alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<style>@import 'javascript:alert(1)';</style>",
        "`<script>alert(1)</script>`",
    };

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public async Task No_field_can_carry_script_into_the_page(string payload)
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        app.Options.Moderation = ModerationPolicy.PublishAtOnce;
        try
        {
            var posted = await reader.CommentAsync(article.Path, new Dictionary<string, string>
            {
                ["comment"] = $"Before {payload} after",
                ["author"] = $"Name {payload}"[..Math.Min(100, 5 + payload.Length)],
                ["email"] = $"{Guid.NewGuid():n}@example.com",
                ["url"] = "",
            });
            Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        }
        finally
        {
            app.Options.Moderation = ModerationPolicy.HoldFirst;
        }

        var stored = (await CommentsOnAsync(article.Id)).Single();
        AssertHarmless(stored.BodyHtml);
        using var http = app.Http();
        var html = await http.GetStringAsync(article.Path);
        var comment = html[html.IndexOf($"id=\"comment-{stored.Id}\"", StringComparison.Ordinal)..];
        comment = comment[..comment.IndexOf("</li>", StringComparison.Ordinal)];
        AssertHarmless(comment);
    }

    [Fact]
    public async Task A_website_that_is_not_http_is_refused()
    {
        var article = await ArticleAsync();
        using var reader = new Reader(app);
        var page = await reader.CommentAsync(article.Path, CommentsApp.Typed(url: "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("http://", page.Text("#url-error"));
    }

    /// <summary>
    /// Checks the markup itself, not the text: "&lt;script&gt;" shown as words is what should happen to a payload.
    /// No dangerous element, no event-handler attribute, no link or source that is not http(s) or relative.
    /// </summary>
    private static void AssertHarmless(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "svg", "iframe", "math", "style", "object", "embed", "body", "img", "form" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}>");
                if (attribute.Name is "href" or "src" or "xlink:href" or "action")
                {
                    var value = attribute.Value.Trim();
                    Assert.True(value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith('/') || value.StartsWith('#') || value.StartsWith('?'), $"{attribute.Name}=\"{value}\"");
                }
            }
        }
    }
}
