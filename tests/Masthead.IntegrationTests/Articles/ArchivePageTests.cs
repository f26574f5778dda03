using System.Net;
using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;

namespace Masthead.IntegrationTests.Articles;

public sealed class ArchivePageTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    /// <summary>Publishes <paramref name="count"/> stories an hour apart, oldest first, ending an hour ago.</summary>
    private async Task<List<Article>> PublishManyAsync(int count, Section section, Func<int, Task<(IEnumerable<Author>?, IEnumerable<Tag>?)>>? extras = null)
    {
        var start = DateTime.UtcNow.AddHours(-count - 1);
        var list = new List<Article>();
        for (var i = 0; i < count; i++)
        {
            var (authors, tags) = extras is null ? (null, null) : await extras(i);
            list.Add(await _newsroom.PublishAsync(section, $"Story {i:00}", publishedAt: start.AddHours(i), authors: authors, tags: tags));
        }
        return list;
    }

    [Fact]
    public async Task Section_page_lists_its_stories_newest_first_in_pages_of_twenty_with_rel_prev_and_next()
    {
        var section = await _newsroom.SectionAsync("Metro");
        var stories = await PublishManyAsync(23, section);

        var first = await app.GetPageAsync(section.Path);
        var second = await app.GetPageAsync($"{section.Path}page/2/");
        var beyond = await app.GetPageAsync($"{section.Path}page/3/");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("Metro", first.Text("h1"));
        var firstHeadlines = first.All(".article-list .card-headline a").Select(a => a.TextContent).ToList();
        Assert.Equal(20, firstHeadlines.Count);
        Assert.Equal("Story 22", firstHeadlines[0]);
        Assert.Equal("Story 03", firstHeadlines[^1]);
        Assert.Equal(["Story 02", "Story 01", "Story 00"], second.All(".article-list .card-headline a").Select(a => a.TextContent));
        Assert.Null(first.One("link[rel=prev]"));
        Assert.EndsWith($"{section.Path}page/2/", first.One("link[rel=next]")!.GetAttribute("href"));
        Assert.EndsWith(section.Path, second.One("link[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.One("link[rel=next]"));
        Assert.EndsWith($"{section.Path}page/2/", second.Canonical);
        Assert.Equal($"{section.Path}page/2/", first.One(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, beyond.Status);
        Assert.Equal(stories[^1].Path, first.One(".article-list .card-headline a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Tag_page_lists_only_stories_with_the_tag()
    {
        var section = await _newsroom.SectionAsync();
        var tag = await _newsroom.TagAsync("Drought");
        var tagged = await _newsroom.PublishAsync(section, "Reservoirs at record low", tags: [tag]);
        var untagged = await _newsroom.PublishAsync(section, "Festival opens");

        var page = await app.GetPageAsync(tag.Path);

        Assert.Equal("Drought", page.Text("h1"));
        var links = page.All(".article-list .card-headline a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([tagged.Path], links);
        Assert.DoesNotContain(untagged.Path, links);
        Assert.EndsWith(tag.Path, page.Canonical);
    }

    [Fact]
    public async Task Author_page_shows_the_profile_and_the_authors_stories()
    {
        var section = await _newsroom.SectionAsync();
        var author = await _newsroom.AuthorAsync("Ingrid Solberg");
        var byHer = await _newsroom.PublishAsync(section, "Fjord ferries return", authors: [author]);
        var notHers = await _newsroom.PublishAsync(section, "Ski season starts");

        var page = await app.GetPageAsync(author.Path);

        Assert.Equal("Ingrid Solberg", page.Text("h1"));
        Assert.Equal("Ingrid Solberg covers everything a test needs.", page.Text(".author-bio"));
        var links = page.All(".article-list .card-headline a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(byHer.Path, links);
        Assert.DoesNotContain(notHers.Path, links);
    }

    [Fact]
    public async Task Tag_and_author_pages_are_paged_by_their_public_stories_alone()
    {
        var section = await _newsroom.SectionAsync();
        var tag = await _newsroom.TagAsync("Wetlands");
        var author = await _newsroom.AuthorAsync("Tomas Lind");
        var now = DateTime.UtcNow;
        for (var i = 0; i < 20; i++)
        {
            await _newsroom.PublishAsync(section, $"Wetland report {i:00}", publishedAt: now.AddMinutes(i - 30), authors: [author], tags: [tag]);
        }
        var withdrawn = await _newsroom.PublishAsync(section, "Wetland report withdrawn", authors: [author], tags: [tag]);
        await _newsroom.WithPublisherAsync(withdrawn.Id, (p, a) => p.WithdrawAsync(a, "Withdrawn."));
        await _newsroom.PublishAsync(section, "Untagged, by someone else");

        foreach (var path in new[] { tag.Path, author.Path })
        {
            var first = await app.GetPageAsync(path);

            var headlines = first.All(".article-list .card-headline a").Select(a => a.TextContent).ToList();
            Assert.Equal(20, headlines.Count);
            Assert.Equal(("Wetland report 19", "Wetland report 00"), (headlines[0], headlines[^1]));
            // Twenty public stories fill one page: the withdrawn and the unrelated ones make no second.
            Assert.Null(first.One("link[rel=next]"));
            Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"{path}page/2/")).Status);
        }
    }

    [Fact]
    public async Task Date_archives_list_the_days_months_and_years_stories()
    {
        var section = await _newsroom.SectionAsync();
        var day = new DateTime(2019, 3, 14, 10, 0, 0, DateTimeKind.Utc);
        var onDay = await _newsroom.PublishAsync(section, "Pi day budget", publishedAt: day);
        var laterThatMonth = await _newsroom.PublishAsync(section, "Spring equinox fair", publishedAt: day.AddDays(6));

        var dayPage = await app.GetPageAsync("/2019/03/14/");
        var monthPage = await app.GetPageAsync("/2019/03/");
        var yearPage = await app.GetPageAsync("/2019/");

        Assert.Equal("14 March 2019", dayPage.Text("h1"));
        Assert.Equal([onDay.Path], dayPage.All(".card-headline a").Select(a => a.GetAttribute("href")));
        Assert.Equal("March 2019", monthPage.Text("h1"));
        Assert.Equal([laterThatMonth.Path, onDay.Path], monthPage.All(".card-headline a").Select(a => a.GetAttribute("href")));
        Assert.Contains(onDay.Path, yearPage.All(".card-headline a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/1901/02/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/2019/02/30/")).Status);
    }

    [Fact]
    public async Task Unknown_section_tag_and_author_are_not_found()
    {
        foreach (var path in new[] { "/section/no-such-desk/", "/tag/no-such-tag/", "/author/nobody-here/" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync(path)).Status);
        }
    }
}
