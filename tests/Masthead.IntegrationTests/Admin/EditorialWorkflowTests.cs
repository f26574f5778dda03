using System.Globalization;
using System.Net;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Masthead.IntegrationTests.Admin;

/// <summary>A newsroom whose scheduler looks every second, so scheduled stories go out within the test's patience.</summary>
public class NewsroomApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Articles:SchedulerIntervalSeconds"] = "1",
        // Many sign-ins from one test address: the limit on anonymous posts has its own tests.
        ["Comments:PostsPerMinutePerAddress"] = "10000",
    };
}


/// <summary>Signing in, filling in the editor and reading the result back: what the newsroom's tests share.</summary>
public abstract class NewsroomTests(NewsroomApp app, ITestOutputHelper output)
{
    protected NewsroomApp App { get; } = app;
    protected Newsroom Newsroom { get; } = new(app);

    protected async Task<Reader> SignedInAsync(string role)
    {
        var staff = new Reader(App);
        var signedIn = await Staff.SignInAsync(staff, await Staff.CreateAsync(App, role));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return staff;
    }

    /// <summary>Opens the editor (new or existing), fills in the fields and presses the button.</summary>
    protected static async Task<FetchedPage> SubmitAsync(Reader staff, string path, string action, params (string, string)[] typed)
    {
        var editor = await staff.OpenAsync(path);
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        var fields = Reader.Form(editor, "form#editor", [.. typed, ("action", action)]);
        return await staff.PostAsync(editor.One("form#editor")!.GetAttribute("action")!, fields);
    }

    protected int IdFrom(FetchedPage saved)
    {
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"{saved.Status}: {saved.Body[..Math.Min(saved.Body.Length, 3000)]} {string.Join("\n", App.Log.Entries.TakeLast(3))}");
        var location = saved.Response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/articles/", location);
        return int.Parse(location["/admin/articles/".Length..], CultureInfo.InvariantCulture);
    }

    protected Task<Article> ArticleAsync(int id) => App.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Bylines).SingleAsync(a => a.Id == id));

    protected static string Local(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    protected async Task<Article> WaitForAsync(int id, ArticleStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var article = await ArticleAsync(id);
            if (article.Status == status)
            {
                return article;
            }
            if (DateTime.UtcNow > deadline)
            {
                output.WriteLine($"Article {id} is {article.Status}");
                Assert.Fail($"The scheduler did not make the story {status}.");
            }
            await Task.Delay(200);
        }
    }
}

public sealed class EditorialWorkflowTests(NewsroomApp app, ITestOutputHelper output) : NewsroomTests(app, output), IClassFixture<NewsroomApp>
{
    [Fact]
    public async Task A_contributor_writes_a_draft_submits_it_and_an_editor_publishes_it_for_readers()
    {
        var section = await Newsroom.SectionAsync();
        var colleague = await Newsroom.AuthorAsync("Dana Writer");
        var headline = Newsroom.Unique("Harbour reopens");
        using var contributor = await SignedInAsync(StaffRoles.Contributor);

        // Crediting a colleague is an editor's call; the writer's own byline is ticked already.
        var credited = await SubmitAsync(contributor, "/admin/articles/new", "Save",
            ("Edit.Headline", headline), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Text."),
            ("Edit.AuthorIds", colleague.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, credited.Status);
        Assert.Contains("Only editors can credit other people", credited.Text("form#editor"));

        var saved = await SubmitAsync(contributor, "/admin/articles/new", "Save",
            ("Edit.Headline", headline), ("Edit.Standfirst", "Ships return after a week."), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)),
            ("Edit.Tags", "Harbours, Shipping news"), ("Edit.Dateline", "Odesa"),
            ("Edit.Body", "The harbour reopened on Monday.\n\n\"We are back,\" the harbourmaster said."));
        var id = IdFrom(saved);
        var draft = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Equal("ODESA", draft.Dateline);
        Assert.Equal(["Harbours", "Shipping news"], draft.Tags.Select(t => t.Name).Order());
        var byline = Assert.Single(draft.Bylines).AuthorId;
        Assert.Equal("Staff contributor", await App.WithDbAsync(db => db.Authors.Where(a => a.Id == byline).Select(a => a.Name).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await App.GetPageAsync(ArticlePaths.For(DateTime.UtcNow, draft.Slug))).Status);

        // A contributor may not publish, whatever the form says.
        var refused = await SubmitAsync(contributor, $"/admin/articles/{id}", "Publish");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(id)).Status);

        var submitted = await SubmitAsync(contributor, $"/admin/articles/{id}", "SubmitForReview", ("ReviewNote", "Quotes checked with the port."));
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(ArticleStatus.InReview, (await ArticleAsync(id)).Status);

        using var editor = await SignedInAsync(StaffRoles.Editor);
        var dashboardList = await editor.OpenAsync("/admin/articles?status=InReview");
        Assert.Contains(headline, dashboardList.Text("table.articles-table"));
        var review = await editor.OpenAsync($"/admin/articles/{id}");
        Assert.Contains("Quotes checked with the port.", review.Text(".review-note"));
        var published = await SubmitAsync(editor, $"/admin/articles/{id}", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);

        var article = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        var page = await App.GetPageAsync(article.Path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(headline, page.Text("h1.headline"));
        Assert.Contains("ODESA", page.Text(".dateline"));
        Assert.Contains(headline, (await App.GetPageAsync("/")).Text("main"));

        var trail = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetType == "article" && e.TargetId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["article.created", "article.submitted", "article.published"], trail);
        var kinds = await App.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Kind).ToListAsync());
        Assert.Equal(["created", "submitted", "published"], kinds);
    }

    [Fact]
    public async Task The_story_list_shows_each_story_s_bylines_in_their_order()
    {
        var section = await Newsroom.SectionAsync();
        var wren = await Newsroom.AuthorAsync("Wren Adeyemi");
        var oskar = await Newsroom.AuthorAsync("Oskar Brandt");
        var mina = await Newsroom.AuthorAsync("Mina Castell");
        var token = Guid.NewGuid().ToString("N");
        // Neither the order the authors were made in nor their names' order.
        await Newsroom.PublishAsync(section, $"Harbour cranes replaced {token}", authors: [oskar, wren, mina]);
        await Newsroom.PublishAsync(section, $"Unsigned notice {token}");

        using var editor = await SignedInAsync(StaffRoles.Editor);
        var list = await editor.OpenAsync($"/admin/articles?q={token}");

        var bylines = list.All("table.articles-table tbody tr")
            .ToDictionary(tr => tr.QuerySelector("td")!.TextContent.Trim().Split(' ')[0], tr => tr.QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal("Oskar Brandt, Wren Adeyemi, Mina Castell", bylines["Harbour"]);
        Assert.Equal("", bylines["Unsigned"]);
    }

    [Fact]
    public async Task A_story_without_a_headline_is_refused_with_a_message_and_nothing_is_saved()
    {
        var section = await Newsroom.SectionAsync();
        using var author = await SignedInAsync(StaffRoles.Author);
        var before = await App.WithDbAsync(db => db.Articles.CountAsync());

        var refused = await SubmitAsync(author, "/admin/articles/new", "Publish",
            ("Edit.Headline", "  "), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Words kept for the writer."),
            ("Edit.SourceUrl", "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Please write a headline.", refused.Text("form#editor"));
        Assert.Contains("must start with http:// or https://", refused.Text("form#editor"));
        Assert.Equal("Words kept for the writer.", refused.One("textarea[name='Edit.Body']")!.TextContent.Trim());
        Assert.Equal(before, await App.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task An_author_cannot_open_or_change_a_colleagues_story_but_an_editor_can()
    {
        var section = await Newsroom.SectionAsync();
        using var first = await SignedInAsync(StaffRoles.Author);
        var id = IdFrom(await SubmitAsync(first, "/admin/articles/new", "Save",
            ("Edit.Headline", Newsroom.Unique("Mine alone")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Text.")));

        using var second = await SignedInAsync(StaffRoles.Author);
        var open = await second.OpenAsync($"/admin/articles/{id}");
        Assert.Equal(HttpStatusCode.Redirect, open.Status);
        Assert.StartsWith("/admin/denied", open.Response.Headers.Location!.PathAndQuery);
        var token = (await second.OpenAsync("/admin/articles/new")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await second.PostAsync($"/admin/articles/{id}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["action"] = "Publish", ["Edit.Headline"] = "Hijacked", ["Edit.SectionId"] = section.Id.ToString(CultureInfo.InvariantCulture), ["Edit.Body"] = "x",
        });
        Assert.Equal(HttpStatusCode.Redirect, forged.Status);
        Assert.StartsWith("/admin/denied", forged.Response.Headers.Location!.PathAndQuery);
        var untouched = await ArticleAsync(id);
        Assert.StartsWith("Mine alone", untouched.Headline);
        Assert.Equal(ArticleStatus.Draft, untouched.Status);

        using var editor = await SignedInAsync(StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.OpenAsync($"/admin/articles/{id}")).Status);
    }

    [Fact]
    public async Task Scheduling_in_the_past_is_refused_and_unscheduling_makes_a_draft_again()
    {
        var section = await Newsroom.SectionAsync();
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Save",
            ("Edit.Headline", Newsroom.Unique("Later maybe")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Text.")));

        var past = await SubmitAsync(editor, $"/admin/articles/{id}", "Schedule", ("PublishAt", Local(DateTime.UtcNow.AddHours(-3))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.Status);
        Assert.Contains("The publication time has passed", past.Text("form#editor"));
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, $"/admin/articles/{id}", "Schedule", ("PublishAt", Local(App.Clock.GetUtcNow().UtcDateTime.AddDays(3))))).Status);
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, $"/admin/articles/{id}", "Unschedule")).Status);
        var draft = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Null(draft.PublishedAt);
    }

    [Fact]
    public async Task Every_save_keeps_a_revision_staff_compare_two_and_restore_one()
    {
        var section = await Newsroom.SectionAsync();
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Save",
            ("Edit.Headline", "Mayor opens the bridge"), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)),
            ("Edit.Body", "The mayor opened the bridge on Tuesday.\n\nCrowds cheered.")));
        await SubmitAsync(editor, $"/admin/articles/{id}", "Save", ("Edit.Headline", "Mayor closes the bridge"),
            ("Edit.Body", "The mayor closed the bridge on Tuesday.\n\nCrowds cheered."), ("Edit.Tags", "Bridges"));

        var list = await editor.OpenAsync($"/admin/articles/{id}/revisions?from=1&to=2");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(2, list.All("table.revisions-table tbody tr").Count);
        Assert.Contains("opens", list.All(".diff del").Select(e => e.TextContent));
        Assert.Contains("closes", list.All(".diff ins").Select(e => e.TextContent));
        Assert.Contains("Bridges", list.Text(".diff table"));

        var token = list.One("form[action$='handler=Restore'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var restored = await editor.PostAsync($"/admin/articles/{id}/revisions?handler=Restore", new Dictionary<string, string> { ["number"] = "1", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, restored.Status);

        var article = await ArticleAsync(id);
        Assert.Equal("Mayor opens the bridge", article.Headline);
        Assert.Empty(article.Tags);
        var kinds = await App.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Kind).ToListAsync());
        Assert.Equal(["created", "saved", "restored"], kinds);
    }

    [Fact]
    public async Task Changing_a_published_storys_slug_keeps_the_old_address_as_a_redirect()
    {
        var section = await Newsroom.SectionAsync();
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Publish",
            ("Edit.Headline", Newsroom.Unique("Typo in the adress")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Text.")));
        var before = await ArticleAsync(id);
        var newSlug = Newsroom.Unique("typo-in-the-address");

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, $"/admin/articles/{id}", "Save", ("Edit.Slug", newSlug), ("MinorEdit", "true"))).Status);

        var after = await ArticleAsync(id);
        Assert.Equal(newSlug, after.Slug);
        Assert.Null(after.UpdatedAt);
        using var http = App.Http();
        var old = await http.GetAsync(before.Path);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(after.Path, old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await App.GetPageAsync(after.Path)).Status);
    }

    [Fact]
    public async Task A_correction_shows_the_update_time_and_joins_the_public_corrections_log()
    {
        var section = await Newsroom.SectionAsync();
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Publish",
            ("Edit.Headline", Newsroom.Unique("Turnout was 61%")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Turnout was 61%.")));
        var path = (await ArticleAsync(id)).Path;
        Assert.Null((await App.GetPageAsync(path)).One(".corrections"));

        var updated = await SubmitAsync(editor, $"/admin/articles/{id}", "Save", ("Edit.Body", "Turnout was 56%."),
            ("CorrectionNote", "An earlier version gave the turnout as 61%. It was 56%."));
        Assert.Equal(HttpStatusCode.Redirect, updated.Status);

        var page = await App.GetPageAsync(path);
        Assert.Contains("Turnout was 56%.", page.Text(".story-body"));
        Assert.NotNull(page.One(".updated time"));
        Assert.Contains("An earlier version gave the turnout as 61%. It was 56%.", page.Text(".corrections"));
        var newsArticle = page.All("script[type='application/ld+json']").Select(s => s.TextContent).Single(s => s.Contains("NewsArticle"));
        Assert.Contains("CorrectionComment", newsArticle);
    }

    [Fact]
    public async Task A_featured_image_without_alt_text_blocks_publication()
    {
        var section = await Newsroom.SectionAsync();
        var imageId = await App.WithDbAsync(async db =>
        {
            var image = new Masthead.Media.Image { FileName = $"{Guid.NewGuid():n}.png", Width = 10, Height = 10, CreatedAt = DateTime.UtcNow };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            return image.Id;
        });
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Save",
            ("Edit.Headline", Newsroom.Unique("Pictured")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Text."),
            ("Edit.ImageId", imageId.ToString(CultureInfo.InvariantCulture))));

        var refused = await SubmitAsync(editor, $"/admin/articles/{id}", "Publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("needs alt text", refused.Text("form#editor"));
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(id)).Status);

        var inBody = await SubmitAsync(editor, $"/admin/articles/{id}", "Publish", ("Edit.ImageId", ""), ("Edit.Body", "Look:\n\n![](/media/x.png)"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inBody.Status);
        Assert.Contains("Every image in the body needs a description", inBody.Text("form#editor"));
    }

    [Fact]
    public async Task A_save_over_a_colleagues_newer_save_is_refused_as_a_conflict()
    {
        var section = await Newsroom.SectionAsync();
        using var first = await SignedInAsync(StaffRoles.Editor);
        using var second = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(first, "/admin/articles/new", "Save",
            ("Edit.Headline", Newsroom.Unique("Shared story")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Draft one.")));

        var stale = await second.OpenAsync($"/admin/articles/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(first, $"/admin/articles/{id}", "Save", ("Edit.Body", "Draft two, by the first editor."))).Status);
        var conflict = await second.PostAsync($"/admin/articles/{id}", Reader.Form(stale, "form#editor", ("Edit.Body", "Draft by the second editor."), ("action", "Save")));

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("saved this story after you opened it", conflict.Text("[role=alert]"));
        Assert.Equal("Draft by the second editor.", conflict.One("textarea[name='Edit.Body']")!.TextContent.Trim());
        Assert.Equal("Draft two, by the first editor.", (await ArticleAsync(id)).BodyMarkdown);
    }

    [Fact]
    public async Task Withdrawing_tells_readers_why_and_answers_410()
    {
        var section = await Newsroom.SectionAsync();
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var id = IdFrom(await SubmitAsync(editor, "/admin/articles/new", "Publish",
            ("Edit.Headline", Newsroom.Unique("Disputed claim")), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Text.")));
        var path = (await ArticleAsync(id)).Path;

        var noReason = await SubmitAsync(editor, $"/admin/articles/{id}", "Withdraw");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.Status);
        Assert.Contains("Tell readers why", noReason.Text("form#editor"));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, $"/admin/articles/{id}", "Withdraw", ("WithdrawalNote", "The claim could not be verified."))).Status);
        var gone = await App.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Contains("The claim could not be verified.", gone.Text(".withdrawal-note"));
    }

    [Fact]
    public async Task Autosave_creates_the_draft_then_keeps_one_revision_for_a_burst_of_autosaves()
    {
        var section = await Newsroom.SectionAsync();
        using var writer = await SignedInAsync(StaffRoles.Contributor);
        var editor = await writer.OpenAsync("/admin/articles/new");
        var headline = Newsroom.Unique("Typed quickly");
        var first = await writer.PostAsync("/admin/articles/new?handler=Autosave", Reader.Form(editor, "form#editor",
            ("Edit.Headline", headline), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "One.")));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        using var json = System.Text.Json.JsonDocument.Parse(first.Body!);
        var id = json.RootElement.GetProperty("id").GetInt32();
        Assert.True(json.RootElement.GetProperty("saved").GetBoolean());

        var reopened = await writer.OpenAsync($"/admin/articles/{id}");
        foreach (var body in new[] { "One. Two.", "One. Two. Three." })
        {
            var again = await writer.PostAsync($"/admin/articles/{id}?handler=Autosave", Reader.Form(reopened, "form#editor", ("Edit.Body", body)));
            Assert.Equal(HttpStatusCode.OK, again.Status);
        }

        Assert.Equal("One. Two. Three.", (await ArticleAsync(id)).BodyMarkdown);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(id)).Status);
        var kinds = await App.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Kind).ToListAsync());
        Assert.Equal(["created", "autosaved"], kinds);
    }

    [Fact]
    public async Task The_preview_is_rendered_by_the_public_renderer_and_sanitized()
    {
        var section = await Newsroom.SectionAsync();
        using var writer = await SignedInAsync(StaffRoles.Contributor);
        var editor = await writer.OpenAsync("/admin/articles/new");
        var preview = await writer.PostAsync("/admin/articles/new?handler=Preview", Reader.Form(editor, "form#editor",
            ("Edit.Headline", "Preview <b>me</b>"), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)),
            ("Edit.Body", "First **bold** paragraph.\n\n<script>alert(1)</script>\n\n> \"Quoted,\" she said.")));

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("<strong>bold</strong>", preview.Body);
        Assert.Contains("<blockquote>", preview.Body);
        Assert.Contains("Preview &lt;b&gt;me&lt;/b&gt;", preview.Body);
        Assert.DoesNotContain("<script", preview.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("READ ALSO", preview.Body);

        // Without JavaScript the Preview button returns the editor with the preview filled in, saving nothing.
        var count = await App.WithDbAsync(db => db.Articles.CountAsync());
        var page = await writer.PostAsync("/admin/articles/new", Reader.Form(editor, "form#editor",
            ("Edit.Headline", "Unsaved"), ("Edit.SectionId", section.Id.ToString(CultureInfo.InvariantCulture)), ("Edit.Body", "Just *looking*."), ("action", "preview")));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Just looking.", page.Text("#preview"));
        Assert.Equal(count, await App.WithDbAsync(db => db.Articles.CountAsync()));
    }
}
