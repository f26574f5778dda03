using System.Net;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Admin;

public sealed class SectionsAndTagsTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    private async Task<Reader> SignedInAsync(string role)
    {
        var staff = new Reader(app);
        await Staff.SignInAsync(staff, await Staff.CreateAsync(app, role));
        return staff;
    }

    private static (string, string)[] Edit(string name, string slug, string description = "") =>
        [("Edit.Name", name), ("Edit.Slug", slug), ("Edit.Description", description)];

    [Fact]
    public async Task Renaming_a_section_and_its_address_keeps_the_old_address_as_a_permanent_redirect()
    {
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, "Filed under the old name");
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync(section.Path)).Status);
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var slug = Newsroom.Unique("renamed");

        var saved = await editor.SubmitAsync($"/admin/sections/{section.Id}", "form.taxonomy-form", Edit("Renamed Desk", slug, "Everything that changed its name."));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var moved = await app.GetPageAsync(section.Path);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        Assert.Equal($"/section/{slug}/", moved.Location());
        var feed = await app.GetPageAsync($"{section.Path}feed/");
        Assert.Equal(HttpStatusCode.MovedPermanently, feed.Status);
        Assert.Equal($"/section/{slug}/feed/", feed.Location());
        var page = await app.GetPageAsync($"/section/{slug}/");
        Assert.Equal("Renamed Desk", page.Text("h1.page-title"));
        Assert.Equal("Everything that changed its name.", page.Text(".archive-description"));
        Assert.Contains("Filed under the old name", page.Document.Body!.TextContent);
        Assert.Contains(page.All("a"), a => a.GetAttribute("href") == $"/section/{slug}/" && a.TextContent.Trim() == "Renamed Desk");
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "section.updated" && e.TargetId == section.Id));
        Assert.Contains($"address {section.Slug} \u2192 {slug}", entry.Detail);
    }

    [Fact]
    public async Task Merging_a_tag_moves_its_stories_to_the_other_tag_and_its_address_follows()
    {
        var section = await _newsroom.SectionAsync();
        var (a, b) = (await _newsroom.TagAsync("Elections"), await _newsroom.TagAsync("Voting"));
        var onlyA = await _newsroom.PublishAsync(section, "Tagged A only", tags: [a]);
        var both = await _newsroom.PublishAsync(section, "Tagged A and B", tags: [a, b]);
        using var editor = await SignedInAsync(StaffRoles.Editor);

        var merged = await editor.SubmitAsync($"/admin/tags/{a.Id}", "form.merge-form", ("into", b.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        var tagsOf = await app.WithDbAsync(db => db.Articles.Where(x => x.Id == onlyA.Id || x.Id == both.Id).OrderBy(x => x.Id)
            .Select(x => x.Tags.Select(t => t.Id).ToList()).ToListAsync());
        Assert.Equal([[b.Id], [b.Id]], tagsOf);
        Assert.False(await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == a.Id)));
        var old = await app.GetPageAsync(a.Path);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.Status);
        Assert.Equal(b.Path, old.Location());
        var page = await app.GetPageAsync(b.Path);
        Assert.Contains("2 stories", page.Text(".archive-description"));
        var tags = await editor.OpenAsync("/admin/tags");
        Assert.Equal("\u201cElections\u201d merged into \u201cVoting\u201d: 2 stories retagged.", tags.Text(".comment-notice"));
        Assert.Equal("2", tags.Text($"#tag-{b.Id} .story-count"));
        Assert.Null(tags.One($"#tag-{a.Id}"));
        // Search finds stories by their tags' names: the story tagged only "Elections" is now found as "Voting".
        Assert.DoesNotContain("Tagged A only", await SearchAsync("elections"));
        Assert.Contains("Tagged A only", await SearchAsync("voting"));
    }

    [Fact]
    public async Task Renaming_a_tag_changes_the_name_search_finds_its_stories_by()
    {
        var section = await _newsroom.SectionAsync();
        var tag = await _newsroom.TagAsync("Zorblax");
        await _newsroom.PublishAsync(section, "Ferry timetable changes", tags: [tag]);
        Assert.Equal(["Ferry timetable changes"], await SearchAsync("zorblax"));
        using var editor = await SignedInAsync(StaffRoles.Editor);

        var saved = await editor.SubmitAsync($"/admin/tags/{tag.Id}", "form.taxonomy-form", Edit("Quembrit", tag.Slug));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(["Ferry timetable changes"], await SearchAsync("quembrit"));
        Assert.Empty(await SearchAsync("zorblax"));
    }

    private async Task<List<string>> SearchAsync(string words) =>
        (await app.GetPageAsync($"/search?q={Uri.EscapeDataString(words)}")).All(".search-hit .card-headline a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task A_tag_description_is_shown_on_the_public_tag_page_and_a_renamed_tag_redirects_through_merges()
    {
        var section = await _newsroom.SectionAsync();
        var (first, target) = (await _newsroom.TagAsync("Budget"), await _newsroom.TagAsync("Economy"));
        await _newsroom.PublishAsync(section, "Budget day", tags: [first]);
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var renamed = Newsroom.Unique("budget");

        await editor.SubmitAsync($"/admin/tags/{first.Id}", "form.taxonomy-form", Edit("Budget", renamed, "Where the money goes."));
        Assert.Equal("Where the money goes.", (await app.GetPageAsync($"/tag/{renamed}/")).Text(".tag-description"));
        await editor.SubmitAsync($"/admin/tags/{first.Id}", "form.merge-form", ("into", target.Id.ToString()));

        foreach (var path in new[] { first.Path, $"/tag/{renamed}/" })
        {
            var old = await app.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.MovedPermanently, old.Status);
            Assert.Equal(target.Path, old.Location());
        }
    }

    [Fact]
    public async Task Merging_a_section_moves_its_stories_and_an_empty_section_can_then_be_deleted_but_a_full_one_cannot()
    {
        var (from, into) = (await _newsroom.SectionAsync("Old Desk"), await _newsroom.SectionAsync("New Desk"));
        var story = await _newsroom.PublishAsync(from, "Moving desks");
        using var editor = await SignedInAsync(StaffRoles.Editor);

        var merged = await editor.SubmitAsync($"/admin/sections/{from.Id}", "form.merge-form", ("into", into.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        Assert.Equal(into.Id, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == story.Id).Select(a => a.SectionId).SingleAsync()));
        Assert.Equal($"/section/{into.Slug}/", (await app.GetPageAsync(from.Path)).Location());
        Assert.Contains("Moving desks", (await app.GetPageAsync(into.Path)).Document.Body!.TextContent);

        var intoItself = await editor.SubmitAsync($"/admin/sections/{into.Id}", "form.merge-form", ("into", into.Id.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, intoItself.Status);
        Assert.Contains("Choose another section", intoItself.Text(".notice-error"));
        var empty = await _newsroom.SectionAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync($"/admin/sections/{empty.Id}", "form.delete-form")).Status);
        Assert.False(await app.WithDbAsync(db => db.Sections.AnyAsync(s => s.Id == empty.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync(empty.Path)).Status);
    }

    [Fact]
    public async Task A_section_with_stories_is_not_deleted()
    {
        var section = await _newsroom.SectionAsync();
        await _newsroom.PublishAsync(section, "Keeps the desk alive");
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var page = await editor.OpenAsync($"/admin/sections/{section.Id}");
        Assert.Null(page.One("form.delete-form button"));
        var token = page.One("form.delete-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var refused = await editor.PostAsync($"/admin/sections/{section.Id}?handler=Delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("still has 1 story", refused.Text(".notice-error"));
        Assert.True(await app.WithDbAsync(db => db.Sections.AnyAsync(s => s.Id == section.Id)));
    }

    [Fact]
    public async Task Sections_are_created_and_reordered_and_a_taken_address_is_refused_beside_the_field()
    {
        await _newsroom.SectionAsync();
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var name = $"Desk {Guid.NewGuid():n}"[..17];

        var created = await editor.SubmitAsync("/admin/sections", "form.taxonomy-form", ("New.Name", name), ("New.Slug", ""), ("New.Description", ""));
        var again = await editor.SubmitAsync("/admin/sections", "form.taxonomy-form", ("New.Name", name), ("New.Slug", ""), ("New.Description", ""));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        Assert.Contains("already uses the address", again.Text("#New-Slug-error"));
        var section = await app.WithDbAsync(db => db.Sections.SingleAsync(s => s.Name == name));
        Assert.Equal(Masthead.Shared.Slugs.From(name), section.Slug);
        var list = await editor.OpenAsync("/admin/sections");
        var rows = list.All("table.taxonomy-list tbody tr").Select(r => r.Id).ToList();
        Assert.Equal($"section-{section.Id}", rows[^1]);

        var moved = await editor.SubmitAsync("/admin/sections", $"#section-{section.Id} form.move-form", ("direction", "-1"));

        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        var after = (await editor.OpenAsync("/admin/sections")).All("table.taxonomy-list tbody tr").Select(r => r.Id).ToList();
        Assert.Equal($"section-{section.Id}", after[^2]);
        Assert.Equal(rows[^2], after[^1]);
        var otherId = int.Parse(rows[^2]!["section-".Length..]);
        var otherPath = await app.WithDbAsync(db => db.Sections.Where(s => s.Id == otherId).Select(s => s.Slug).SingleAsync());
        var navigation = (await app.GetPageAsync("/")).All("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(navigation.IndexOf(section.Path) < navigation.IndexOf($"/section/{otherPath}/"));
    }

    [Fact]
    public async Task Authors_may_not_manage_sections_or_tags()
    {
        var tag = await _newsroom.TagAsync();
        var section = await _newsroom.SectionAsync();
        using var author = await SignedInAsync(StaffRoles.Author);
        var token = (await author.OpenAsync("/admin")).One("form[action='/admin/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var path in new[] { "/admin/sections", "/admin/tags", $"/admin/sections/{section.Id}", $"/admin/tags/{tag.Id}" })
        {
            Assert.StartsWith("/admin/denied", (await author.OpenAsync(path)).Location());
        }
        var forged = await author.PostAsync($"/admin/tags/{tag.Id}?handler=Delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.StartsWith("/admin/denied", forged.Location());
        Assert.True(await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == tag.Id)));
    }
}
