using Masthead.Articles;
using Masthead.Search;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Search;

public sealed class SearchCacheTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    /// <summary>The matches kept for a one-word search at the index's version now, if any.</summary>
    private async Task<CachedMatches?> KeptAsync(string word)
    {
        var version = await app.WithDbAsync(db => db.Database.SqlQuery<long>($"SELECT Version AS Value FROM SearchIndexVersion").SingleAsync());
        return app.Services.GetRequiredService<SearchCache>().TryGetMatches(version, $"\"{word}\"", out var kept) ? kept : null;
    }

    private Task<List<string>> ResultsAsync(string query) => SearchTests.ResultsAsync(app, query);

    [Fact]
    public async Task A_search_asked_again_is_answered_from_its_kept_matches_which_follow_publishing_edits_and_withdrawals_at_once()
    {
        var word = SearchTests.Word("keeper");
        var section = await _newsroom.SectionAsync();
        var today = DateTime.UtcNow.Date;
        var oldest = await _newsroom.PublishAsync(section, $"Oldest {word} story", $"The {word} text, three days old.", publishedAt: today.AddDays(-3).AddHours(9));
        var middle = await _newsroom.PublishAsync(section, $"Middle {word} story", $"The {word} text, two days old.", publishedAt: today.AddDays(-2).AddHours(9));
        await _newsroom.PublishAsync(section, $"Newest {word} story", $"The {word} text, a day old.", publishedAt: today.AddDays(-1).AddHours(9));

        // Asked once, nothing is kept; asked again (another order), its matches are.
        Assert.Equal(3, (await ResultsAsync($"q={word}")).Count);
        Assert.Null(await KeptAsync(word));
        Assert.Equal([$"Newest {word} story", $"Middle {word} story", $"Oldest {word} story"], await ResultsAsync($"q={word}&sort=date"));
        Assert.Equal(3, (await KeptAsync(word))?.Keys.Length);

        // From the kept matches: a date range, the count and the snippets.
        Assert.Equal([$"Middle {word} story"], await ResultsAsync($"q={word}&from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(-2):yyyy-MM-dd}"));
        var page = await app.GetPageAsync($"/search?q={word}&page=1");
        Assert.Equal($"3 stories match \u201c{word}\u201d.", page.Text(".search-summary"));
        Assert.Equal(3, page.All(".search-snippet").Count);
        Assert.All(page.All(".search-snippet"), s => Assert.Contains($"<mark>{word}</mark>", s.InnerHtml));
        // A range that ends before it begins finds nothing.
        var reversed = await app.GetPageAsync($"/search?q={word}&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}");
        Assert.Equal(System.Net.HttpStatusCode.OK, reversed.Status);
        Assert.Empty(reversed.All(".search-hit"));

        // A story published, one edited and one withdrawn: each next search sees it.
        await _newsroom.PublishAsync(section, $"Latest {word} story", $"The {word} text of today.", publishedAt: DateTime.UtcNow.AddMinutes(-5));
        // Each asked twice: the second answer comes from the matches kept at the new version.
        foreach (var order in new[] { "sort=date&page=1", "sort=date&from=2000-01-01" })
        {
            Assert.Equal([$"Latest {word} story", $"Newest {word} story", $"Middle {word} story", $"Oldest {word} story"],
                await ResultsAsync($"q={word}&{order}"));
        }
        Assert.Equal(4, (await KeptAsync(word))?.Keys.Length);
        await _newsroom.WithPublisherAsync(oldest.Id, (p, a) => { a.Headline = "Oldest story, renamed"; a.Standfirst = "Renamed."; a.BodyMarkdown = "The text no longer has the word."; return p.UpdateAsync(a); });
        Assert.Equal([$"Latest {word} story", $"Newest {word} story", $"Middle {word} story"], await ResultsAsync($"q={word}&sort=date&page=2"));
        await _newsroom.WithPublisherAsync(middle.Id, (p, a) => { a.Headline = $"Middle {word} story, updated"; return p.UpdateAsync(a); });
        Assert.Equal([$"Middle {word} story, updated"], await ResultsAsync($"q={word}&from={today.AddDays(-3):yyyy-MM-dd}&to={today.AddDays(-2):yyyy-MM-dd}"));
        await _newsroom.WithPublisherAsync(middle.Id, (p, a) => p.WithdrawAsync(a, "Withdrawn."));
        page = await app.GetPageAsync($"/search?q={word}&sort=date&page=3");
        Assert.Equal($"2 stories match \u201c{word}\u201d.", page.Text(".search-summary"));
        Assert.Equal([$"Latest {word} story", $"Newest {word} story"], page.All(".search-hit .card-headline a").Select(a => a.TextContent));
        // Asked again at this version of the index, the search is kept again, as it now is.
        Assert.Null(await KeptAsync(word));
        Assert.Equal(2, (await ResultsAsync($"q={word}&sort=date&page=4")).Count);
        Assert.Equal(2, (await KeptAsync(word))?.Keys.Length);
    }

    [Fact]
    public async Task Kept_stories_show_their_section_as_it_now_is_after_a_rename_or_a_merge()
    {
        var word = SearchTests.Word("lantern");
        var (desk, other) = (await _newsroom.SectionAsync(), await _newsroom.SectionAsync());
        var story = await _newsroom.PublishAsync(desk, $"The {word} story", $"A {word} lit the quay.", publishedAt: DateTime.UtcNow.AddDays(-1));
        var day = 0;
        // Every search is another address (another start date), so that the output cache never answers one.
        async Task<List<(string Name, string? Href)>> SectionsShownAsync() =>
            (await app.GetPageAsync($"/search?q={word}&from={DateTime.UtcNow.AddDays(-30 - day++):yyyy-MM-dd}"))
                .All(".search-hit .kicker a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        // Asked twice, the search's matches are kept, and then the story shown; the next search shows it from the cache.
        Assert.Equal([(desk.Name, desk.Path)], await SectionsShownAsync());
        Assert.Equal([(desk.Name, desk.Path)], await SectionsShownAsync());
        var version = await app.WithDbAsync(db => db.Database.SqlQuery<long>($"SELECT Version AS Value FROM SearchIndexVersion").SingleAsync());
        var key = SearchKey.Of(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == story.Id).Select(a => a.PublishedAt!.Value).SingleAsync()), story.Id);
        Assert.Equal($"The {word} story", app.Services.GetRequiredService<SearchCache>().Story(version, key)?.Headline);
        Assert.Equal([(desk.Name, desk.Path)], await SectionsShownAsync());

        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, await Staff.CreateAsync(app, Masthead.Accounts.StaffRoles.Editor));
        var slug = Newsroom.Unique("lamps");
        await editor.SubmitAsync($"/admin/sections/{desk.Id}", "form.taxonomy-form", ("Edit.Name", "Lamps Desk"), ("Edit.Slug", slug), ("Edit.Description", ""));
        Assert.Equal([("Lamps Desk", $"/section/{slug}/")], await SectionsShownAsync());

        await editor.SubmitAsync($"/admin/sections/{desk.Id}", "form.merge-form", ("into", other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([(other.Name, other.Path)], await SectionsShownAsync());
    }

    [Fact]
    public async Task A_story_in_a_section_the_directory_does_not_list_yet_is_shown_with_it()
    {
        // The directory has been read; then a section is added behind its back (a change whose invalidation is still
        // to come, or a search whose snapshot is older than the directory).
        await app.Services.GetRequiredService<SectionDirectory>().AllAsync();
        var slug = Newsroom.Unique("unlisted");
        var section = await app.WithDbAsync(async db =>
        {
            var added = new Section { Slug = slug, Name = "Unlisted Desk", Description = "Not in the directory yet.", Position = 200 };
            db.Sections.Add(added);
            await db.SaveChangesAsync();
            return added;
        });
        var word = SearchTests.Word("beacon");
        await _newsroom.PublishAsync(section, $"The {word} story");

        var page = await app.GetPageAsync($"/search?q={word}");

        Assert.Equal([("Unlisted Desk", (string?)$"/section/{slug}/")],
            page.All(".search-hit .kicker a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList());
        Assert.Equal($"1 story matches \u201c{word}\u201d.", page.Text(".search-summary"));
    }
}

/// <summary>A site that keeps nothing of its searches: every search is counted and ranked by the index's statements.</summary>
public sealed class UncachedSearchApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Search:CacheMegabytes"] = "0" };
}

public sealed class UncachedRankingTests(UncachedSearchApp app) : IClassFixture<UncachedSearchApp>
{
    [Fact]
    public Task Relevance_pages_are_those_of_ranking_every_match_when_no_search_is_kept() => SearchTests.RelevancePagesAsync(app);
}
