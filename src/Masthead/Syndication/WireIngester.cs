using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Syndication;

/// <summary>
/// Takes copy from an agency's feed: fetches it with a conditional GET, and makes each new story an article with the
/// agency's source line and a link to the original (a draft for review, or published at once). The same story is
/// never taken twice: exact matches by GUID or link, near-duplicates (another agency's telling, a light edit) by
/// SimHash, which are recorded against the story already taken. Failures back off; every poll is logged.
/// </summary>
public sealed class WireIngester(MastheadDb db, ArticleRenderer renderer, ArticlePublisher publisher, SiteClock clock, IHttpClientFactory clients,
    SyndicationOptions options)
{
    private const int MaxBackoffMinutes = 24 * 60;

    public async Task<IngestRun> PollAsync(int feedId, CancellationToken ct)
    {
        var feed = await db.WireFeeds.Include(f => f.Source).SingleAsync(f => f.Id == feedId, ct);
        var run = new IngestRun { WireFeedId = feed.Id, StartedAt = clock.UtcNow };
        try
        {
            using var client = clients.CreateClient(nameof(WireIngester));
            // The whole answer, body included (SendAsync reads it all before returning), must arrive within the limit:
            // a feed that trickles a byte at a time is cut off like one that never answers.
            client.Timeout = TimeSpan.FromSeconds(options.FetchTimeoutSeconds);
            using var request = new HttpRequestMessage(HttpMethod.Get, feed.FeedUrl);
            if (feed.ETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", feed.ETag);
            }
            if (feed.LastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", feed.LastModified);
            }
            using var response = await client.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                run.Outcome = IngestOutcome.NotModified;
            }
            else
            {
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsStringAsync(ct);
                var items = Parse(body, response.Content.Headers.ContentType?.MediaType);
                foreach (var item in items)
                {
                    await TakeAsync(feed, item, run, ct);
                }
                feed.ETag = response.Headers.ETag?.ToString();
                feed.LastModified = response.Content.Headers.LastModified?.ToString("R");
                run.Outcome = IngestOutcome.Fetched;
            }
            feed.Failures = 0;
            feed.NextPollAt = clock.UtcNow.AddMinutes(feed.IntervalMinutes);
        }
        catch (Exception e) when ((e is TaskCanceledException && !ct.IsCancellationRequested) || e is HttpRequestException or XmlException or JsonException or FormatException
            or NotSupportedException or KeyNotFoundException or InvalidOperationException)
        {
            db.ChangeTracker.Clear();
            feed = await db.WireFeeds.SingleAsync(f => f.Id == feedId, ct);
            feed.Failures++;
            // Each failure in a row doubles the wait, up to a day.
            feed.NextPollAt = clock.UtcNow.AddMinutes(Math.Min(MaxBackoffMinutes, feed.IntervalMinutes * Math.Pow(2, feed.Failures)));
            var error = e is TaskCanceledException ? $"Timed out: no complete answer within {options.FetchTimeoutSeconds} seconds." : e.Message;
            run = new IngestRun { WireFeedId = feed.Id, StartedAt = run.StartedAt, Outcome = IngestOutcome.Failed, Error = Truncate(error, 1000) };
        }
        db.IngestRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private sealed record WireStory(string Key, string? Url, string Title, string? SummaryHtml, string? ContentHtml, DateTime? Published);

    private async Task TakeAsync(WireFeed feed, WireStory story, IngestRun run, CancellationToken ct)
    {
        if (await db.WireItems.AnyAsync(i => i.Key == story.Key || (story.Url != null && i.Url == story.Url), ct))
        {
            return;
        }
        var now = clock.UtcNow;
        // The story's text, not its headline: agencies write their own headlines over the same facts.
        var text = StripTags(story.ContentHtml ?? story.SummaryHtml ?? "") is { Length: > 40 } words ? words : story.Title;
        var fingerprint = SimHash.Of(text);
        var since = now.AddDays(-3);
        var recent = await db.WireItems.Where(i => i.ReceivedAt >= since && i.ArticleId != null).Select(i => new { i.Fingerprint, i.ArticleId }).ToListAsync(ct);
        var original = recent.FirstOrDefault(r => SimHash.Distance(r.Fingerprint, fingerprint) <= SimHash.NearDuplicateBits);
        var item = new WireItem { WireFeedId = feed.Id, Key = Truncate(story.Key, 2000), Url = story.Url, Fingerprint = fingerprint, ReceivedAt = now };
        db.WireItems.Add(item);
        if (original is not null)
        {
            item.DuplicateOfArticleId = original.ArticleId;
            run.Duplicates++;
            await db.SaveChangesAsync(ct);
            return;
        }

        // A feed that carries the whole story gives the whole story; one with only a summary gives the summary and a link.
        var summaryText = WebUtility.HtmlDecode(StripTags(story.SummaryHtml ?? "")).Trim();
        var body = story.ContentHtml is { Length: > 0 } full
            ? full
            : $"{story.SummaryHtml}\n\n<p><a href=\"{WebUtility.HtmlEncode(story.Url ?? "")}\">Read the full story from {WebUtility.HtmlEncode(feed.Source.Name)}</a></p>";
        var slug = Slugs.From(story.Title);
        if (slug.Length == 0 || await db.Articles.AnyAsync(a => a.Slug == slug, ct))
        {
            slug = $"{(slug.Length == 0 ? "wire" : slug[..Math.Min(slug.Length, 70)])}-{Guid.NewGuid().ToString("n")[..8]}";
        }
        var article = new Article
        {
            Slug = slug,
            Headline = Truncate(WebUtility.HtmlDecode(story.Title), 300),
            Standfirst = Truncate(summaryText, 1000),
            BodyMarkdown = body,
            SectionId = feed.SectionId,
            SourceId = feed.SourceId,
            SourceUrl = story.Url,
            // Verbatim copy of the whole story: search engines should credit the agency's page.
            CanonicalUrl = story.ContentHtml is { Length: > 0 } && Uri.TryCreate(story.Url, UriKind.Absolute, out _) ? story.Url : null,
            CreatedAt = now,
            ModifiedAt = now,
            Status = ArticleStatus.Draft,
        };
        article.BodyHtml = renderer.Render(article.BodyMarkdown, article.ReadAlsoAfterParagraph);
        foreach (var name in feed.DefaultTags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tagSlug = Slugs.From(name);
            var tag = db.Tags.Local.FirstOrDefault(t => t.Slug == tagSlug) ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == tagSlug, ct) ?? new Tag { Slug = tagSlug, Name = name };
            article.Tags.Add(tag);
        }
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        item.ArticleId = article.Id;
        await db.SaveChangesAsync(ct);
        if (feed.PublishAtOnce)
        {
            await publisher.PublishAsync(article, ct);
        }
        run.NewStories++;
    }

    /// <summary>RSS and Atom through System.ServiceModel.Syndication (no DTDs), JSON Feed through System.Text.Json.</summary>
    private static List<WireStory> Parse(string body, string? mediaType)
    {
        if (mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || body.TrimStart().StartsWith('{'))
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("items").EnumerateArray().Select(i => new WireStory(
                i.TryGetProperty("id", out var id) ? id.ToString() : i.GetProperty("url").GetString()!,
                i.TryGetProperty("url", out var url) ? url.GetString() : null,
                i.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "",
                i.TryGetProperty("summary", out var summary) ? WebUtility.HtmlEncode(summary.GetString() ?? "") : null,
                i.TryGetProperty("content_html", out var html) ? html.GetString() : null,
                i.TryGetProperty("date_published", out var date) && date.TryGetDateTimeOffset(out var d) ? d.UtcDateTime : null)).ToList();
        }
        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var feed = SyndicationFeed.Load(reader);
        return feed.Items.Select(i =>
        {
            var link = i.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri.ToString();
            var content = i.Content is TextSyndicationContent text ? text.Text
                : i.ElementExtensions.ReadElementExtensions<string>("encoded", "http://purl.org/rss/1.0/modules/content/").FirstOrDefault();
            return new WireStory(i.Id ?? link ?? i.Title.Text, link, i.Title?.Text ?? "", i.Summary?.Text, content,
                i.PublishDate == default ? null : i.PublishDate.UtcDateTime);
        }).ToList();
    }

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(
        System.Text.RegularExpressions.Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase),
        "<[^>]+>", " ").Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Section "Syndication".</summary>
public sealed class SyndicationOptions
{
    /// <summary>How often the poller looks for feeds that are due; 0 turns background polling off.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public int PollIntervalSeconds { get; set; } = 30;

    /// <summary>How long one feed may take to answer in full; a feed that is slower counts as failed and backs off.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 300)]
    public int FetchTimeoutSeconds { get; set; } = 20;
}

/// <summary>Polls every wire feed that is due, one at a time; a failing feed never stops the others.</summary>
public sealed class WireIngestService(IServiceScopeFactory scopes, TimeProvider time, SyndicationOptions options, ILogger<WireIngestService> logger)
    : Shared.PeriodicWork(scopes, time, logger)
{
    protected override int IntervalSeconds => options.PollIntervalSeconds;

    protected override async Task RunRoundAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<MastheadDb>();
        var now = Time.GetUtcNow().UtcDateTime;
        foreach (var id in await db.WireFeeds.Where(f => f.NextPollAt <= now).Select(f => f.Id).ToListAsync(ct))
        {
            // Each feed in a scope of its own, so one feed's tracked entities never leak into the next poll.
            using var feedScope = Scopes.CreateScope();
            var run = await feedScope.ServiceProvider.GetRequiredService<WireIngester>().PollAsync(id, ct);
            if (run.Outcome == IngestOutcome.Failed)
            {
                Logger.LogWarning("Wire feed {Feed} failed: {Error}", id, run.Error);
            }
        }
    }
}

public static class SyndicationModule
{
    public static WebApplicationBuilder AddSyndication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyndicationOptions>().Bind(builder.Configuration.GetSection("Syndication")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyndicationOptions>>().Value);
        builder.Services.AddHttpClient(nameof(WireIngester));
        builder.Services.AddScoped<WireIngester>();
        builder.Services.AddHostedService<WireIngestService>();
        return builder;
    }
}
