using System.Xml;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Pages;
using Masthead.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Masthead.Seo;

/// <summary>
/// What search engines read: robots.txt, a sitemap index over paged sitemaps (articles, sections, tags, authors, pages) with
/// honest lastmod dates (the story's publication or last editorial update, never a new comment), the Google News
/// sitemap of the last two days, and the publisher's logo.
/// </summary>
public static class SeoEndpoints
{
    public const int UrlsPerSitemap = 50_000;
    public const int NewsLimit = 1_000;
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    public static void MapSeo(this WebApplication app)
    {
        app.MapGet("/robots.txt", [OutputCache(PolicyName = SiteCache.PublicPolicy)] (HttpContext context, SiteOptions site) =>
        {
            var baseUrl = site.BaseUrlFor(context.Request);
            return Results.Text($"User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /status/\n\nSitemap: {baseUrl}/sitemap.xml\nSitemap: {baseUrl}/news-sitemap.xml\n", "text/plain");
        });

        app.MapGet("/sitemap.xml", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            // Every story's date in the articles sitemaps' order, read once: each sitemap's lastmod is the newest of its
            // share, instead of a count, a maximum and one skip over the stories per sitemap.
            var modified = await SitemapDates.Stories(db).ToListAsync(ct);
            var newest = modified.Max();
            var baseUrl = site.BaseUrlFor(context.Request);
            var entries = new List<(string Loc, DateTime? LastMod)>();
            var page = 0;
            foreach (var share in modified.Chunk(UrlsPerSitemap).DefaultIfEmpty([]))
            {
                entries.Add(($"{baseUrl}/sitemaps/articles-{++page}.xml", share.Max()));
            }
            entries.Add(($"{baseUrl}/sitemaps/sections.xml", newest));
            entries.Add(($"{baseUrl}/sitemaps/tags.xml", newest));
            entries.Add(($"{baseUrl}/sitemaps/authors.xml", newest));
            // The newest published page's date, or none when no page is published (then the sitemap is not listed).
            if (await db.SitePages.Where(p => p.Status == SitePageStatus.Published).MaxAsync(p => (DateTime?)p.UpdatedAt, ct) is { } pagesUpdated)
            {
                entries.Add(($"{baseUrl}/sitemaps/pages.xml", pagesUpdated));
            }
            return Xml(writer =>
            {
                writer.WriteStartElement("sitemapindex", SitemapNs);
                foreach (var (loc, lastmod) in entries)
                {
                    writer.WriteStartElement("sitemap", SitemapNs);
                    writer.WriteElementString("loc", SitemapNs, loc);
                    if (lastmod is { } when)
                    {
                        writer.WriteElementString("lastmod", SitemapNs, W3c(when));
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            });
        });

        app.MapGet("/sitemaps/articles-{page:int}.xml", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (int page, HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            if (page < 1)
            {
                return Results.NotFound();
            }
            var rows = await db.Articles.AsNoTracking().Public().Newest().Skip((page - 1) * UrlsPerSitemap).Take(UrlsPerSitemap)
                .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, ModifiedAt = a.UpdatedAt ?? a.PublishedAt!.Value }).ToListAsync(ct);
            if (rows.Count == 0 && page > 1)
            {
                return Results.NotFound();
            }
            var baseUrl = site.BaseUrlFor(context.Request);
            return UrlSet(rows.Select(r => (baseUrl + ArticlePaths.For(r.PublishedAt, r.Slug), (DateTime?)r.ModifiedAt)));
        });

        app.MapGet("/sitemaps/sections.xml", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            var lastMods = (await SitemapDates.BySection(db).ToListAsync(ct)).Where(g => g.LastMod is not null).ToDictionary(g => g.Id, g => g.LastMod);
            var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).Select(s => new { s.Id, s.Slug }).ToListAsync(ct);
            var baseUrl = site.BaseUrlFor(context.Request);
            return ListSet(sections.Select(s => (s.Id, $"{baseUrl}/section/{s.Slug}/")), lastMods);
        });

        app.MapGet("/sitemaps/tags.xml", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            var lastMods = await SitemapDates.ByTag(db).ToDictionaryAsync(g => g.Id, g => g.LastMod, ct);
            var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Slug).Select(t => new { t.Id, t.Slug }).ToListAsync(ct);
            var baseUrl = site.BaseUrlFor(context.Request);
            return ListSet(tags.Select(t => (t.Id, $"{baseUrl}/tag/{t.Slug}/")), lastMods);
        });

        app.MapGet("/sitemaps/authors.xml", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            var lastMods = await SitemapDates.ByAuthor(db).ToDictionaryAsync(g => g.Id, g => g.LastMod, ct);
            var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Slug).Select(a => new { a.Id, a.Slug }).ToListAsync(ct);
            var baseUrl = site.BaseUrlFor(context.Request);
            return ListSet(authors.Select(a => (a.Id, $"{baseUrl}/author/{a.Slug}/")), lastMods);
        });

        app.MapGet("/sitemaps/pages.xml", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            var rows = await db.SitePages.AsNoTracking().Where(p => p.Status == SitePageStatus.Published).OrderBy(p => p.ParentId != null).ThenBy(p => p.MenuOrder).ThenBy(p => p.Slug)
                .Select(p => new { p.Slug, ParentSlug = db.SitePages.Where(x => x.Id == p.ParentId).Select(x => x.Slug).FirstOrDefault(), p.UpdatedAt })
                .ToListAsync(ct);
            var baseUrl = site.BaseUrlFor(context.Request);
            return UrlSet(rows.Select(r => (baseUrl + SitePagePaths.For(r.Slug, r.ParentSlug), (DateTime?)r.UpdatedAt)));
        });

        app.MapGet("/news-sitemap.xml", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, SiteClock clock, CancellationToken ct) =>
        {
            var since = clock.UtcNow.AddDays(-2);
            var rows = await db.Articles.AsNoTracking().Public().Where(a => a.PublishedAt >= since).Newest().Take(NewsLimit)
                .Select(a => new { a.Slug, a.Headline, PublishedAt = a.PublishedAt!.Value }).ToListAsync(ct);
            var baseUrl = site.BaseUrlFor(context.Request);
            return Xml(writer =>
            {
                writer.WriteStartElement("urlset", SitemapNs);
                writer.WriteAttributeString("xmlns", "news", null, NewsNs);
                foreach (var row in rows)
                {
                    writer.WriteStartElement("url", SitemapNs);
                    writer.WriteElementString("loc", SitemapNs, baseUrl + ArticlePaths.For(row.PublishedAt, row.Slug));
                    writer.WriteStartElement("news", NewsNs);
                    writer.WriteStartElement("publication", NewsNs);
                    writer.WriteElementString("name", NewsNs, site.Name);
                    writer.WriteElementString("language", NewsNs, site.Language.Split('-')[0]);
                    writer.WriteEndElement();
                    writer.WriteElementString("publication_date", NewsNs, W3c(row.PublishedAt));
                    writer.WriteElementString("title", NewsNs, row.Headline);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            });
        });

        // The publisher's logo for schema.org: a drawn mark, made once.
        var logo = new Lazy<byte[]>(DrawLogo);
        app.MapGet("/logo.png", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(logo.Value, "image/png");
        });
    }


    private static string W3c(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The sitemap of story lists (sections, tags, authors), in the given order, each dated by the newest of its public
    /// stories (<paramref name="lastMods"/>, by list id); a list with none is left out.
    /// </summary>
    private static IResult ListSet(IEnumerable<(int Id, string Loc)> lists, Dictionary<int, DateTime?> lastMods) =>
        UrlSet(lists.Where(l => lastMods.ContainsKey(l.Id)).Select(l => (l.Loc, lastMods[l.Id])));

    private static IResult UrlSet(IEnumerable<(string Loc, DateTime? LastMod)> urls) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNs);
        foreach (var (loc, lastmod) in urls)
        {
            writer.WriteStartElement("url", SitemapNs);
            writer.WriteElementString("loc", SitemapNs, loc);
            if (lastmod is { } when)
            {
                writer.WriteElementString("lastmod", SitemapNs, W3c(when));
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    });

    private static IResult Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            write(writer);
        }
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static byte[] DrawLogo()
    {
        using var bitmap = new SKBitmap(600, 60);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(0x16, 0x16, 0x16), IsAntialias = true };
        using var accent = new SKPaint { Color = new SKColor(0xa3, 0x15, 0x1b), IsAntialias = true };
        // A serif-less "M" on a black plate, then the two rules of a newspaper masthead.
        canvas.DrawRect(0, 0, 60, 60, ink);
        using var builder = new SKPathBuilder();
        builder.MoveTo(12, 48);
        foreach (var (x, y) in new (float, float)[] { (12, 12), (22, 12), (30, 30), (38, 12), (48, 12), (48, 48), (41, 48), (41, 25), (33, 42), (27, 42), (19, 25), (19, 48) })
        {
            builder.LineTo(x, y);
        }
        builder.Close();
        using var m = builder.Detach();
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawPath(m, white);
        canvas.DrawRect(72, 18, 520, 6, ink);
        canvas.DrawRect(72, 34, 380, 6, accent);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
