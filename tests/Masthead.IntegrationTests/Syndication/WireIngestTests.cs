using System.Net;
using System.Text;
using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Syndication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Syndication;

/// <summary>A site whose background poller is off, so that tests poll by hand and two polls never race.</summary>
public sealed class HandPolledApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Syndication:PollIntervalSeconds"] = "0",
        // Loopback feeds answer in milliseconds; slow ones are cut off quickly.
        ["Syndication:FetchTimeoutSeconds"] = "2",
    };
}

/// <summary>A site whose poller looks for due feeds every second and gives each feed one second to answer.</summary>
public sealed class ImpatientPollerApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Syndication:PollIntervalSeconds"] = "1",
        ["Syndication:FetchTimeoutSeconds"] = "1",
    };
}

/// <summary>A site whose poller looks for due feeds every second.</summary>
public sealed class EagerPollerApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Syndication:PollIntervalSeconds"] = "1" };
}

public sealed class BackgroundPollingTests(EagerPollerApp app) : IClassFixture<EagerPollerApp>, IDisposable
{
    private readonly FeedServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_due_feed_is_polled_in_the_background()
    {
        var newsroom = new Newsroom(app);
        var key = Guid.NewGuid().ToString("n");
        _server.Feeds[$"/{key}.xml"] = (200, $"""<?xml version="1.0"?><rss version="2.0"><channel><title>A</title><link>https://a.example/</link><description>d</description><item><guid>{key}</guid><title>Background {key}</title><link>https://a.example/{key}</link><description>Lighthouse keepers vote to keep the old lamp lit through the winter storms season ahead.</description></item></channel></rss>""", "application/rss+xml", null);
        var source = await newsroom.SourceAsync("Northwire");
        var section = await newsroom.SectionAsync();
        await app.WithDbAsync(async db =>
        {
            db.WireFeeds.Add(new WireFeed { SourceId = source.Id, FeedUrl = _server.Base + key + ".xml", SectionId = section.Id, NextPollAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == $"Background {key}")))
        {
            await Task.Delay(200);
        }
        Assert.True(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == $"Background {key}" && a.Status == ArticleStatus.Draft)));
    }
}

public sealed class SlowFeedRoundTests(ImpatientPollerApp app) : IClassFixture<ImpatientPollerApp>, IDisposable
{
    private readonly FeedServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task One_slow_feed_times_out_and_the_other_feeds_of_the_same_round_are_still_polled()
    {
        var newsroom = new Newsroom(app);
        var key = Guid.NewGuid().ToString("n");
        var rss = $"""<?xml version="1.0"?><rss version="2.0"><channel><title>A</title><link>https://a.example/</link><description>d</description><item><guid>{key}</guid><title>Prompt {key}</title><link>https://a.example/{key}</link><description>The ferry timetable changes next week with two extra crossings on weekday evenings for commuters.</description></item></channel></rss>""";
        _server.Files[$"/{key}-slow.xml"] = new ServedFile(200, System.Text.Encoding.UTF8.GetBytes(rss.Replace("Prompt", "Slow", StringComparison.Ordinal)), "application/rss+xml") { Delay = TimeSpan.FromSeconds(30) };
        _server.Feeds[$"/{key}.xml"] = (200, rss, "application/rss+xml", null);
        var source = await newsroom.SourceAsync("Northwire");
        var section = await newsroom.SectionAsync();
        // Both due at once, the slow one first: they are polled in the same round.
        var (slow, prompt) = await app.WithDbAsync(async db =>
        {
            var slowFeed = new WireFeed { SourceId = source.Id, FeedUrl = _server.Base + key + "-slow.xml", SectionId = section.Id, NextPollAt = DateTime.UtcNow.AddYears(-1) };
            var promptFeed = new WireFeed { SourceId = source.Id, FeedUrl = _server.Base + key + ".xml", SectionId = section.Id, NextPollAt = DateTime.UtcNow.AddYears(-1) };
            db.WireFeeds.AddRange(slowFeed, promptFeed);
            await db.SaveChangesAsync();
            return (slowFeed.Id, promptFeed.Id);
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<IngestRun> runs = [];
        while (DateTime.UtcNow < deadline && runs.Select(r => r.WireFeedId).Distinct().Count() < 2)
        {
            await Task.Delay(200);
            runs = await app.WithDbAsync(db => db.IngestRuns.AsNoTracking().Where(r => r.WireFeedId == slow || r.WireFeedId == prompt).OrderBy(r => r.Id).ToListAsync());
        }

        var slowRun = runs.First(r => r.WireFeedId == slow);
        var promptRun = runs.First(r => r.WireFeedId == prompt);
        Assert.Equal(IngestOutcome.Failed, slowRun.Outcome);
        Assert.Contains("Timed out", slowRun.Error);
        Assert.Equal(IngestOutcome.Fetched, promptRun.Outcome);
        Assert.Equal(1, promptRun.NewStories);
        // The prompt feed waited only for the slow one's time limit, not for its thirty seconds.
        Assert.InRange((promptRun.StartedAt - slowRun.StartedAt).TotalSeconds, 0, 5);
        var slowFeed = await app.WithDbAsync(db => db.WireFeeds.AsNoTracking().SingleAsync(f => f.Id == slow));
        Assert.Equal(1, slowFeed.Failures);
        Assert.True(slowFeed.NextPollAt > DateTime.UtcNow.AddMinutes(slowFeed.IntervalMinutes * 1.5), $"next poll {slowFeed.NextPollAt:u}");
        Assert.True(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == $"Prompt {key}")));
    }
}

public sealed class WireIngestTests(HandPolledApp app) : IClassFixture<HandPolledApp>, IDisposable
{
    private readonly FeedServer _server = new();
    private readonly Newsroom _newsroom = new(app);

    public void Dispose() => _server.Dispose();

    private static string Rss(params (string Guid, string Title, string Text, bool Full)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Agency</title><link>https://agency.example/</link><description>Wire</description>
        {string.Join("\n", items.Select(i => $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><link>https://agency.example/{i.Guid}</link><description>{WebUtility.HtmlEncode($"<p>{i.Text[..Math.Min(80, i.Text.Length)]}</p>")}</description>" +
            (i.Full ? $"<content:encoded><![CDATA[<p>{i.Text}</p><script>alert(1)</script>]]></content:encoded>" : "") + "<pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item>"))}
        </channel></rss>
        """;

    private async Task<WireFeed> FeedAsync(string path, string agency, bool publish)
    {
        var source = await _newsroom.SourceAsync(agency);
        var section = await _newsroom.SectionAsync("Wire desk");
        return await app.WithDbAsync(async db =>
        {
            var feed = new WireFeed { SourceId = source.Id, FeedUrl = _server.Base + path.TrimStart('/'), SectionId = section.Id, PublishAtOnce = publish, DefaultTags = "Wire, Europe" };
            db.WireFeeds.Add(feed);
            await db.SaveChangesAsync();
            return feed;
        });
    }

    private Task<IngestRun> PollAsync(WireFeed feed) => app.WithServicesAsync(sp => sp.GetRequiredService<WireIngester>().PollAsync(feed.Id, CancellationToken.None));

    private const string Story = "Port workers in Rotterdam walked out on Tuesday after talks over night shift pay collapsed, halting container traffic at Europe's largest port for the first time in a decade, union officials said.";

    [Fact]
    public async Task New_wire_stories_become_articles_with_the_source_line_and_the_feed_is_fetched_conditionally()
    {
        var key = Guid.NewGuid().ToString("n");
        const string budget = "The city council approved a budget for three new tram lines on Monday, with construction due to begin in the spring and the first line expected to open within four years, the mayor announced.";
        _server.Feeds[$"/{key}.xml"] = (200, Rss(($"{key}-1", $"Dockers strike {key}", budget, true)), "application/rss+xml", "\"v1\"");
        var feed = await FeedAsync($"/{key}.xml", "Northwire", publish: true);

        var first = await PollAsync(feed);
        var second = await PollAsync(feed);

        Assert.Equal(IngestOutcome.Fetched, first.Outcome);
        Assert.Equal(1, first.NewStories);
        Assert.Equal(IngestOutcome.NotModified, second.Outcome);
        Assert.Contains("\"v1\"", _server.IfNoneMatch);
        var article = await app.WithDbAsync(db => db.Articles.Include(a => a.Tags).SingleAsync(a => a.Headline == $"Dockers strike {key}"));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal($"https://agency.example/{key}-1", article.SourceUrl);
        Assert.DoesNotContain("<script", article.BodyHtml);
        Assert.Equal(["europe", "wire"], article.Tags.Select(t => t.Slug).Order());
        var page = await app.GetPageAsync(article.Path);
        Assert.Equal("Northwire reported", page.Text(".source-line a"));
        Assert.Equal($"https://agency.example/{key}-1", page.Canonical); // republished verbatim: the original is canonical
    }

    [Fact]
    public async Task The_same_story_is_never_taken_twice_and_another_agencys_telling_is_linked_to_the_first()
    {
        var key = Guid.NewGuid().ToString("n");
        _server.Feeds[$"/{key}-a.xml"] = (200, Rss(($"{key}-a1", $"Port strike {key}", Story, true)), "application/rss+xml", null);
        _server.Feeds[$"/{key}-b.xml"] = (200, Rss(($"{key}-b1", $"Rotterdam port halted {key}", Story.Replace("on Tuesday", "on Tuesday morning").Replace("union officials said", "the union said"), true)), "application/rss+xml", null);
        var first = await FeedAsync($"/{key}-a.xml", "Northwire", publish: false);
        var second = await FeedAsync($"/{key}-b.xml", "Meridian News Service", publish: false);

        var a = await PollAsync(first);
        var again = await PollAsync(first);
        var b = await PollAsync(second);

        Assert.Equal(1, a.NewStories);
        Assert.Equal(0, again.NewStories);
        Assert.Equal(0, b.NewStories);
        Assert.Equal(1, b.Duplicates);
        var items = await app.WithDbAsync(db => db.WireItems.Where(i => i.Key.StartsWith(key)).OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(2, items.Count);
        Assert.Equal(items[0].ArticleId, items[1].DuplicateOfArticleId);
        Assert.Equal(ArticleStatus.Draft, await app.WithDbAsync(db => db.Articles.Where(x => x.Id == items[0].ArticleId).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_summary_only_feed_keeps_the_summary_and_links_to_the_original()
    {
        var key = Guid.NewGuid().ToString("n");
        _server.Feeds[$"/{key}.xml"] = (200, Rss(($"{key}-s", $"Summary only {key}", "A short summary of a different event entirely about a museum opening.", false)), "application/rss+xml", null);
        var feed = await FeedAsync($"/{key}.xml", "Continental Press Agency", publish: true);

        await PollAsync(feed);

        var article = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Headline == $"Summary only {key}"));
        Assert.Contains("A short summary", article.Standfirst);
        Assert.Contains($"href=\"https://agency.example/{key}-s\"", article.BodyHtml);
        Assert.Contains("Read the full story from Continental Press Agency", article.BodyHtml);
        Assert.Null(article.CanonicalUrl); // a summary with a link is the site's own page
    }

    [Fact]
    public async Task A_broken_or_failing_feed_is_logged_and_backs_off()
    {
        var key = Guid.NewGuid().ToString("n");
        _server.Feeds[$"/{key}.xml"] = (200, "<rss><channel><item><title>cut off", "application/rss+xml", null);
        _server.Feeds[$"/{key}-500.xml"] = (500, "oops", "text/plain", null);
        var broken = await FeedAsync($"/{key}.xml", "Northwire", publish: true);
        var failing = await FeedAsync($"/{key}-500.xml", "Northwire", publish: true);

        var first = await PollAsync(broken);
        var second = await PollAsync(broken);
        var server = await PollAsync(failing);

        Assert.Equal(IngestOutcome.Failed, first.Outcome);
        Assert.NotNull(first.Error);
        Assert.Equal(IngestOutcome.Failed, server.Outcome);
        var stored = await app.WithDbAsync(db => db.WireFeeds.SingleAsync(f => f.Id == broken.Id));
        Assert.Equal(2, stored.Failures);
        Assert.True(stored.NextPollAt > DateTime.UtcNow.AddMinutes(broken.IntervalMinutes * 3.5), $"next poll {stored.NextPollAt:u}");
        Assert.Equal(3, await app.WithDbAsync(db => db.IngestRuns.CountAsync(r => r.WireFeedId == broken.Id || r.WireFeedId == failing.Id)));
    }

    [Fact]
    public async Task A_feed_that_does_not_answer_in_time_is_logged_as_a_timeout_and_backs_off_and_one_that_trickles_is_cut_off_too()
    {
        var key = Guid.NewGuid().ToString("n");
        var body = System.Text.Encoding.UTF8.GetBytes(Rss(($"{key}-t", $"Trickled {key}", Story, true)));
        _server.Files[$"/{key}-silent.xml"] = new ServedFile(200, body, "application/rss+xml") { Delay = TimeSpan.FromSeconds(30) };
        // Headers at once, then a byte every 50 ms: the whole feed would take minutes.
        _server.Files[$"/{key}-trickle.xml"] = new ServedFile(200, body, "application/rss+xml") { Trickle = TimeSpan.FromMilliseconds(50) };
        var silent = await FeedAsync($"/{key}-silent.xml", "Northwire", publish: true);
        var trickle = await FeedAsync($"/{key}-trickle.xml", "Northwire", publish: true);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var silentRun = await PollAsync(silent);
        var trickleRun = await PollAsync(trickle);
        clock.Stop();

        Assert.Equal(IngestOutcome.Failed, silentRun.Outcome);
        Assert.Equal("Timed out: no complete answer within 2 seconds.", silentRun.Error);
        Assert.Equal(IngestOutcome.Failed, trickleRun.Outcome);
        Assert.Equal("Timed out: no complete answer within 2 seconds.", trickleRun.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the polls took {clock.Elapsed}");
        foreach (var id in new[] { silent.Id, trickle.Id })
        {
            var feed = await app.WithDbAsync(db => db.WireFeeds.AsNoTracking().SingleAsync(f => f.Id == id));
            Assert.Equal(1, feed.Failures);
            Assert.True(feed.NextPollAt > DateTime.UtcNow.AddMinutes(feed.IntervalMinutes * 1.5), $"next poll {feed.NextPollAt:u}");
        }
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == $"Trickled {key}")));
        var log = await app.WithDbAsync(db => db.IngestRuns.AsNoTracking().Where(r => r.WireFeedId == silent.Id || r.WireFeedId == trickle.Id).ToListAsync());
        Assert.Equal(2, log.Count);
        Assert.All(log, r => Assert.Equal(IngestOutcome.Failed, r.Outcome));
    }

    [Fact]
    public async Task A_changing_feed_gives_only_its_new_story_keeps_what_vanished_and_is_fetched_again_only_when_its_etag_changes()
    {
        var key = Guid.NewGuid().ToString("n");
        const string a = "The regional airport will add three daily flights to the capital from March, the operator said on Thursday, after passenger numbers rose for a second year in a row.";
        const string b = "Volunteers planted four thousand oak saplings along the river valley over the weekend, restoring woodland that was cleared for farmland more than a century ago.";
        const string c = "The national orchestra named a new principal conductor on Friday, a violinist from Porto who will lead the ensemble's first tour of South America next autumn.";
        var path = $"/{key}.xml";
        _server.Feeds[path] = (200, Rss(($"{key}-a", $"Airport flights {key}", a, true), ($"{key}-b", $"Oak saplings {key}", b, true)), "application/rss+xml", "\"v1\"");
        var feed = await FeedAsync(path, "Northwire", publish: true);

        var first = await PollAsync(feed);
        // The agency edits A lightly (same story, a corrected detail and headline), drops B, and adds C.
        var edited = a.Replace("three daily flights", "four daily flights", StringComparison.Ordinal);
        _server.Feeds[path] = (200, Rss(($"{key}-a", $"Airport adds flights {key}", edited, true), ($"{key}-c", $"New conductor {key}", c, true)), "application/rss+xml", "\"v2\"");
        var second = await PollAsync(feed);
        var third = await PollAsync(feed);

        Assert.Equal((IngestOutcome.Fetched, 2), (first.Outcome, first.NewStories));
        Assert.Equal((IngestOutcome.Fetched, 1, 0), (second.Outcome, second.NewStories, second.Duplicates));
        Assert.Equal((IngestOutcome.NotModified, 0), (third.Outcome, third.NewStories));
        Assert.Equal(["\"v1\"", "\"v2\""], _server.IfNoneMatch.Where(e => e is not null).TakeLast(2));
        var headlines = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(x => x.Headline.EndsWith(key)).Select(x => new { x.Headline, x.Status }).ToListAsync());
        Assert.Equal([$"Airport flights {key}", $"New conductor {key}", $"Oak saplings {key}"], headlines.Select(h => h.Headline).Order());
        Assert.All(headlines, h => Assert.Equal(ArticleStatus.Published, h.Status)); // B vanished from the feed, not from the site
        Assert.Equal(3, await app.WithDbAsync(db => db.WireItems.CountAsync(i => i.Key.StartsWith(key))));
        var stored = await app.WithDbAsync(db => db.WireFeeds.AsNoTracking().SingleAsync(f => f.Id == feed.Id));
        Assert.Equal("\"v2\"", stored.ETag);
        Assert.Equal(0, stored.Failures);
    }

    [Fact]
    public void SimHash_puts_retellings_close_and_different_stories_far_apart()
    {
        var retold = Story.Replace("on Tuesday", "on Tuesday morning").Replace("union officials said", "the union said");
        var other = "The national museum reopened its west wing on Saturday after a three year renovation that restored the painted ceilings and added a new gallery for photography.";
        Assert.True(SimHash.Distance(SimHash.Of(Story), SimHash.Of(retold)) <= SimHash.NearDuplicateBits);
        Assert.True(SimHash.Distance(SimHash.Of(Story), SimHash.Of(other)) > SimHash.NearDuplicateBits);
    }

    [Fact]
    public async Task An_editor_adds_a_feed_polls_it_and_reads_the_ingest_log()
    {
        var key = Guid.NewGuid().ToString("n");
        const string text = "Astronomers at the northern observatory confirmed a new comet on Wednesday, visible with binoculars before dawn through the end of the month, the observatory's director said.";
        _server.Feeds[$"/{key}.xml"] = (200, Rss(($"{key}-c", $"Comet confirmed {key}", text, true)), "application/rss+xml", null);
        var section = await _newsroom.SectionAsync("Science wire");
        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, await Staff.CreateAsync(app, Masthead.Accounts.StaffRoles.Editor));

        var page = await editor.OpenAsync("/admin/wire");
        var token = page.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var added = await editor.PostAsync("/admin/wire?handler=Add", new Dictionary<string, string>
        {
            ["agency"] = $"Skywatch {key[..6]}", ["feedUrl"] = _server.Base + key + ".xml", ["sectionId"] = section.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tags"] = "Space", ["interval"] = "15", ["publishAtOnce"] = "true", ["__RequestVerificationToken"] = token,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var feedId = await app.WithDbAsync(db => db.WireFeeds.Where(f => f.FeedUrl == _server.Base + key + ".xml").Select(f => f.Id).SingleAsync());

        var polled = await editor.PostAsync("/admin/wire?handler=Poll", new Dictionary<string, string> { ["id"] = feedId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token });
        var log = await editor.OpenAsync("/admin/wire");

        Assert.Equal(HttpStatusCode.Redirect, polled.Status);
        Assert.Equal("1 new story, 0 duplicates.", log.Text(".comment-notice"));
        Assert.Contains("Fetched", log.Text("table.ingest-log"));
        Assert.Equal(ArticleStatus.Published, await app.WithDbAsync(db => db.Articles.Where(a => a.Headline == $"Comet confirmed {key}").Select(a => a.Status).SingleAsync()));
        using var reader = new Reader(app);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.OpenAsync("/admin/wire")).Status);
    }
}
