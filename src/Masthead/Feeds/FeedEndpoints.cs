using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Feeds;

/// <summary>
/// The site's feeds in three formats, for the whole site and per section, tag and author:
/// /feed/, /feed/atom/, /feed.json, and the same under /section/{slug}/, /tag/{slug}/ and /author/{slug}/.
/// Output-cached like pages, so they carry ETags and answer 304s; evicted when anything is published.
/// </summary>
public static class FeedEndpoints
{
    private const int Items = 50;

    private static readonly (string Suffix, FeedFormat Format)[] Formats =
        [("feed/", FeedFormat.Rss), ("feed/atom/", FeedFormat.Atom), ("feed.json", FeedFormat.Json)];

    /// <summary>A renamed or merged section's or tag's old feed address answers 301 with its new one.</summary>
    private static async Task<IResult> MovedOrNotFoundAsync(HttpContext context, MastheadDb db, CancellationToken ct) =>
        await Articles.TaxonomyEditor.RedirectTargetAsync(db, context.Request.Path.Value ?? "", ct) is { } moved
            ? Results.Redirect(moved, permanent: true)
            : Results.NotFound();

    public static void MapFeeds(this WebApplication app)
    {
        foreach (var (suffix, format) in Formats)
        {
            app.MapGet($"/{suffix}", [OutputCache(PolicyName = SiteCache.PublicPolicy)] (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
                ServeAsync(context, db, site, format, new FeedChannel(site.Name, site.Description, "/", "/", site.Language), db.Articles, ct));

            app.MapGet($"/section/{{slug}}/{suffix}", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (string slug, HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
                await db.Sections.AsNoTracking().Where(s => s.Slug == slug).Select(s => new { s.Id, s.Name, s.Description }).FirstOrDefaultAsync(ct) is { } section
                    ? await ServeAsync(context, db, site, format,
                        new FeedChannel($"{section.Name} | {site.Name}", string.IsNullOrEmpty(section.Description) ? $"{section.Name} from {site.Name}." : section.Description,
                            $"/section/{slug}/", $"/section/{slug}/", site.Language),
                        db.Articles.Where(a => a.SectionId == section.Id), ct)
                    : await MovedOrNotFoundAsync(context, db, ct));

            app.MapGet($"/tag/{{slug}}/{suffix}", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (string slug, HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
                await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(ct) is { } tag
                    ? await ServeAsync(context, db, site, format,
                        new FeedChannel($"{tag} | {site.Name}", $"Stories tagged {tag} from {site.Name}.", $"/tag/{slug}/", $"/tag/{slug}/", site.Language),
                        db.Articles.Where(a => a.Tags.Any(t => t.Slug == slug)), ct)
                    : await MovedOrNotFoundAsync(context, db, ct));

            app.MapGet($"/author/{{slug}}/{suffix}", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (string slug, HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
                await db.Authors.AsNoTracking().Where(a => a.Slug == slug).Select(a => a.Name).FirstOrDefaultAsync(ct) is { } author
                    ? await ServeAsync(context, db, site, format,
                        new FeedChannel($"{author} | {site.Name}", $"Stories by {author} in {site.Name}.", $"/author/{slug}/", $"/author/{slug}/", site.Language),
                        db.Articles.Where(a => a.Bylines.Any(b => b.Author.Slug == slug)), ct)
                    : Results.NotFound());
        }
    }

    private static async Task<IResult> ServeAsync(HttpContext context, MastheadDb db, SiteOptions site, FeedFormat format, FeedChannel channel,
        IQueryable<Article> articles, CancellationToken ct)
    {
        var rows = await articles.AsNoTracking().Public().Newest().Take(Items)
            .Select(a => new
            {
                a.Id, a.Headline, a.Standfirst, a.BodyHtml, PublishedAt = a.PublishedAt!.Value,
                // The story's own last change: new comments do not make a story "updated" for feed readers.
                ModifiedAt = a.UpdatedAt ?? a.PublishedAt!.Value, a.Slug,
                Section = a.Section.Name,
                Authors = a.Bylines.OrderBy(b => b.Position).Select(b => b.Author.Name).ToList(),
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                // Imported pictures whose files are not fetched yet (no size) are left out.
                Image = a.Image != null && a.Image.Width > 0 ? a.Image.FileName : null,
                ImageType = a.Image != null && a.Image.Width > 0 ? a.Image.ContentType : null,
            })
            // Bodies are long: fetch bylines and tags separately rather than repeating each body per tag.
            .AsSplitQuery()
            .ToListAsync(ct);
        var entries = rows.Select(r => new FeedEntry(r.Id, r.Headline, r.Standfirst, r.BodyHtml, r.PublishedAt, r.ModifiedAt, ArticlePaths.For(r.PublishedAt, r.Slug),
            r.Section, r.Authors, r.Tags, r.Image is null ? null : $"/media/{r.Image}", r.ImageType, ImageLength(site, r.Image))).ToList();

        var baseUrl = site.BaseUrlFor(context.Request);
        if (entries.Count > 0)
        {
            context.Response.Headers.LastModified = entries.Max(e => e.ModifiedAt).ToString("R");
        }
        if (context.RequestServices.GetRequiredService<FeedOptions>().HubUrl is { Length: > 0 } hub)
        {
            // WebSub discovery: subscribers learn the hub and the feed's own address from the headers.
            context.Response.Headers.Append("Link", $"<{hub}>; rel=\"hub\"");
            context.Response.Headers.Append("Link", $"<{baseUrl}{FeedWriter.SelfPath(channel, format)}>; rel=\"self\"");
        }
        return Results.Bytes(FeedWriter.Write(format, channel, entries, baseUrl, site.Name), FeedWriter.ContentType(format));
    }

    private static long ImageLength(SiteOptions site, string? file)
    {
        if (file is null)
        {
            return 0;
        }
        var info = new FileInfo(Path.Combine(site.MediaPath, file));
        return info.Exists ? info.Length : 0;
    }
}
