using System.Net;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Admin;

public sealed class DashboardTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    private Task<int> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Article> DraftAsync(Section section, string headline, ArticleStatus status, int? ownerId, string? note = null, DateTime? publishAt = null) =>
        app.WithDbAsync(async db =>
        {
            var article = new Article
            {
                Slug = Newsroom.Unique("draft"), Headline = headline, SectionId = section.Id, Status = status, OwnerId = ownerId, ReviewNote = note,
                CreatedAt = DateTime.UtcNow, ModifiedAt = DateTime.UtcNow, PublishedAt = publishAt,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article;
        });

    [Fact]
    public async Task The_dashboard_shows_what_waits_for_the_newsroom_and_a_chart_of_the_last_30_days()
    {
        var section = await _newsroom.SectionAsync();
        var writerEmail = await Staff.CreateAsync(app, StaffRoles.Contributor);
        var editorEmail = await Staff.CreateAsync(app, StaffRoles.Editor);
        var review = await DraftAsync(section, "Council budget leak", ArticleStatus.InReview, await UserIdAsync(writerEmail), "Two sources, both on record.");
        var scheduled = await DraftAsync(section, "Embargoed results", ArticleStatus.Scheduled, null, publishAt: DateTime.UtcNow.AddDays(2));
        var mine = await DraftAsync(section, "My half-written feature", ArticleStatus.Draft, await UserIdAsync(editorEmail));
        var theirs = await DraftAsync(section, "Someone else's draft", ArticleStatus.Draft, await UserIdAsync(writerEmail));
        var published = await _newsroom.PublishAsync(section, "Out today");
        await _newsroom.CommentAsync(published, "Early Bird", "First!", CommentStatus.Pending);
        await _newsroom.CommentAsync(published, "Second Bird", "Second!", CommentStatus.Approved);
        // Neither spam nor the newsroom's own replies count as comments received.
        await _newsroom.CommentAsync(published, "Cheap Pills", "Buy now", CommentStatus.Spam);
        var staffReply = await _newsroom.CommentAsync(published, "The Editor", "Thanks, both.");
        var editorId = await UserIdAsync(editorEmail);
        await app.WithDbAsync(db => db.Comments.Where(c => c.Id == staffReply.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.StaffUserId, editorId)));
        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, editorEmail);

        var dashboard = await editor.OpenAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        var inReview = dashboard.One("#in-review")!;
        Assert.Equal($"/admin/articles/{review.Id}", inReview.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains($"submitted by Staff {StaffRoles.Contributor}", inReview.TextContent);
        Assert.Equal("Two sources, both on record.", inReview.QuerySelector(".review-note")!.TextContent);
        Assert.Contains(dashboard.All("#scheduled a"), a => a.GetAttribute("href") == $"/admin/articles/{scheduled.Id}");
        Assert.NotNull(dashboard.One("#scheduled time[datetime]"));
        Assert.Equal([$"/admin/articles/{mine.Id}"], dashboard.All("#my-drafts a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(theirs.Headline, dashboard.Text("#my-drafts"));
        Assert.Equal("1", dashboard.Text("#pending-comments .dash-count"));
        Assert.Equal("/admin/comments?status=Pending", dashboard.One("#pending-comments a")!.GetAttribute("href"));

        var svg = dashboard.One("#activity svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Stories published and comments received per day", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("1 stories published and 2 comments received", svg.QuerySelector("desc")!.TextContent);
        var rows = dashboard.All("#activity details table tbody tr");
        Assert.Equal(30, rows.Count);
        Assert.Equal(["1", "2"], rows[^1].QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public async Task Every_role_sees_the_dashboard_and_only_moderators_get_the_link_to_the_queue()
    {
        using var contributor = new Reader(app);
        await Staff.SignInAsync(contributor, await Staff.CreateAsync(app, StaffRoles.Contributor));
        using var reader = new Reader(app);

        var page = await contributor.OpenAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.One("#pending-comments .dash-count"));
        Assert.Null(page.One("#pending-comments a"));
        Assert.StartsWith("/admin/login", (await reader.OpenAsync("/admin")).Location());
    }
}

/// <summary>A site in Kathmandu, whose offset from UTC (+5:45) is not a whole number of hours.</summary>
public sealed class KathmanduApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Masthead:TimeZone"] = "Asia/Kathmandu" };
}

public sealed class DashboardDaysTests(KathmanduApp app) : IClassFixture<KathmanduApp>
{
    [Fact]
    public async Task The_chart_counts_each_comment_on_the_site_s_own_day_even_a_quarter_hour_from_midnight()
    {
        var newsroom = new Newsroom(app);
        var story = await newsroom.PublishAsync(await newsroom.SectionAsync(), "Monsoon arrives early", publishedAt: DateTime.UtcNow.AddDays(-3));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var midnight = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).Date, zone);
        // 23:50 yesterday and 00:05 today in Kathmandu: 18:05 and 18:20 UTC, in one UTC hour but on two local days.
        foreach (var (name, at) in new[] { ("Late Owl", midnight.AddMinutes(-10)), ("Early Lark", midnight.AddMinutes(5)) })
        {
            var comment = await newsroom.CommentAsync(story, name, "Rain at last.");
            await app.WithDbAsync(db => db.Comments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.CreatedAt, at)));
        }
        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, await Staff.CreateAsync(app, StaffRoles.Editor));

        var rows = (await editor.OpenAsync("/admin")).All("#activity details table tbody tr");

        Assert.Equal(["0", "1"], rows[^1].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(["0", "1"], rows[^2].QuerySelectorAll("td").Select(td => td.TextContent));
    }
}
