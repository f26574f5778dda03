using System.Globalization;
using System.Net;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Masthead.IntegrationTests.Admin;

/// <summary>A newsroom of its own for the tests that move its clock on by hours.</summary>
public sealed class SchedulingApp : NewsroomApp;

/// <summary>Stories that go up and come down by themselves, on the app's (test-moved) clock.</summary>
public sealed class SchedulingTests(SchedulingApp app, ITestOutputHelper output) : NewsroomTests(app, output), IClassFixture<SchedulingApp>
{
    [Fact]
    public async Task A_scheduled_story_publishes_itself_at_its_time_and_evicts_the_cached_front_page()
    {
        var section = await Newsroom.SectionAsync();
        using var author = await SignedInAsync(StaffRoles.Author);
        var headline = Newsroom.Unique("Budget at noon");
        var at = App.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        Assert.Contains("The Masthead Herald", (await App.GetPageAsync("/")).Text("title")); // the front page is now cached

        var id = IdFrom(await SubmitAsync(author, "/admin/articles/new", "Schedule",
            ("Edit.Headline", headline), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "The budget is out."),
            ("PublishAt", Local(at))));
        var scheduled = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        await Task.Delay(2500);
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.GetPageAsync(scheduled.Path)).Status);

        App.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var published = await WaitForAsync(id, ArticleStatus.Published);

        Assert.Equal(scheduled.PublishedAt, published.PublishedAt);
        Assert.Equal(HttpStatusCode.OK, (await App.GetPageAsync(published.Path)).Status);
        Assert.Contains(headline, (await App.GetPageAsync("/")).Text("main"));
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetId == id && e.TargetType == "article").Select(e => e.Action + " by " + e.StaffName).ToListAsync()),
            line => line == "article.published by Masthead");
    }

    [Fact]
    public async Task A_story_that_fell_due_while_the_site_was_down_publishes_when_it_starts_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "masthead-tests", Guid.NewGuid().ToString("n"));
        int id;
        string path;
        await using (var first = new NewsroomApp { DataDirectory = folder, KeepData = true })
        {
            await ((IAsyncLifetime)first).InitializeAsync();
            var section = await new Newsroom(first).SectionAsync();
            var staff = new Reader(first);
            await Staff.SignInAsync(staff, await Staff.CreateAsync(first, StaffRoles.Editor));
            id = IdFrom(await SubmitAsync(staff, "/admin/articles/new", "Schedule",
                ("Edit.Headline", Newsroom.Unique("Overnight results")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)),
                ("Edit.Body", "Counted overnight."), ("PublishAt", Local(DateTime.UtcNow.AddHours(8)))));
            path = (await first.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id))).Path;
            staff.Dispose();
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        var second = new NewsroomApp { DataDirectory = folder };
        second.Clock.Advance(TimeSpan.FromHours(9));
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await second.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()) != ArticleStatus.Published)
            {
                Assert.True(DateTime.UtcNow < deadline, "The scheduler did not publish the story after the restart.");
                await Task.Delay(200);
            }
            Assert.Equal(HttpStatusCode.OK, (await second.GetPageAsync(path)).Status);
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    [Fact]
    public async Task An_embargoed_story_comes_down_by_itself_when_the_embargo_ends()
    {
        var section = await Newsroom.SectionAsync();
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Publish",
            ("Edit.Headline", Newsroom.Unique("Results under embargo")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)),
            ("Edit.Body", "Only until tonight."), ("UnpublishAt", Local(App.Clock.GetUtcNow().UtcDateTime.AddHours(5)))));
        var article = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);

        App.Clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(1));
        await WaitForAsync(id, ArticleStatus.Withdrawn);
        var gone = await App.GetPageAsync(article.Path);
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Contains("was available until", gone.Text(".withdrawal-note"));
    }

    [Fact]
    public async Task A_scheduled_story_that_no_longer_passes_the_checks_is_held_back_with_the_reason()
    {
        var section = await Newsroom.SectionAsync();
        var imageId = await App.WithDbAsync(async db =>
        {
            var image = new Masthead.Media.Image { FileName = $"{Guid.NewGuid():n}.png", Width = 10, Height = 10, AltText = "A harbour crane", CreatedAt = DateTime.UtcNow };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            return image.Id;
        });
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Schedule",
            ("Edit.Headline", Newsroom.Unique("Crane arrives")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Text."),
            ("Edit.ImageId", imageId.ToString(CultureInfo.InvariantCulture)), ("PublishAt", Local(App.Clock.GetUtcNow().UtcDateTime.AddHours(1)))));
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(id)).Status);

        // Someone empties the picture's description after the story was scheduled.
        await App.WithDbAsync(db => db.Images.Where(i => i.Id == imageId).ExecuteUpdateAsync(u => u.SetProperty(i => i.AltText, "")));
        App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var held = await WaitForAsync(id, ArticleStatus.Draft);

        Assert.Null(held.PublishedAt);
        Assert.Contains("Not published at its scheduled time", held.ReviewNote);
        Assert.Contains("alt text", held.ReviewNote);
        Assert.Contains("article.held", await App.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetId == id).Select(e => e.Action).ToListAsync()));
    }
}
