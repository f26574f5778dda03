using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Masthead.Syndication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

public sealed record WireFeedRow(int Id, string Agency, string FeedUrl, string Section, bool PublishAtOnce, int IntervalMinutes, int Failures, DateTime NextPollAt);

/// <summary>Agency feeds: add one, poll it now, and read the ingest log. Editors and admins.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class WireModel(MastheadDb db, SectionDirectory sections, SiteClock clock) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Wire feeds", CanonicalPath = "/admin/wire", NoIndex = true };
    public IReadOnlyList<WireFeedRow> Feeds { get; private set; } = [];
    public IReadOnlyList<IngestRun> Runs { get; private set; } = [];
    public IReadOnlyList<SectionLink> Sections { get; private set; } = [];
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sections = await sections.AllAsync(ct);
        Feeds = await db.WireFeeds.AsNoTracking().OrderBy(f => f.Source.Name)
            .Select(f => new WireFeedRow(f.Id, f.Source.Name, f.FeedUrl, db.Sections.Where(s => s.Id == f.SectionId).Select(s => s.Name).First(),
                f.PublishAtOnce, f.IntervalMinutes, f.Failures, f.NextPollAt))
            .ToListAsync(ct);
        Runs = await db.IngestRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(50).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string? agency, string? feedUrl, int sectionId, string? tags, bool publishAtOnce, int interval, CancellationToken ct)
    {
        var name = (agency ?? "").Trim();
        if (name.Length is 0 or > 100 || !Uri.TryCreate(feedUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || !await db.Sections.AnyAsync(s => s.Id == sectionId, ct) || interval is < 1 or > 1440)
        {
            Notice = "Give the agency's name, a feed address starting with http:// or https://, a section, and an interval of 1 to 1,440 minutes.";
            return RedirectToPage();
        }
        var slug = Slugs.From(name);
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Slug == slug, ct) ?? db.Sources.Add(new Source { Slug = slug, Name = name }).Entity;
        db.WireFeeds.Add(new WireFeed
        {
            Source = source, FeedUrl = url.AbsoluteUri, SectionId = sectionId, DefaultTags = (tags ?? "").Trim(), PublishAtOnce = publishAtOnce,
            IntervalMinutes = interval, NextPollAt = clock.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        Notice = $"Added {name}'s feed; it is polled within a minute.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPollAsync(int id, [FromServices] WireIngester ingester, CancellationToken ct)
    {
        if (!await db.WireFeeds.AnyAsync(f => f.Id == id, ct))
        {
            return NotFound();
        }
        var run = await ingester.PollAsync(id, ct);
        Notice = run.Outcome switch
        {
            IngestOutcome.Failed => $"The feed could not be read: {run.Error}",
            IngestOutcome.NotModified => "Nothing new: the feed has not changed.",
            _ => $"{run.NewStories} new {(run.NewStories == 1 ? "story" : "stories")}, {run.Duplicates} duplicates.",
        };
        return RedirectToPage();
    }
}
