using Masthead.Articles;
using Masthead.Data;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Seo;

/// <summary>A list of stories (a section, a tag, an author) and the date its newest change was made.</summary>
public sealed record ListDate(int Id, DateTime? LastMod);

/// <summary>
/// The dates the sitemaps give: each public story's last change (its update, or else its publication), read from the
/// indexes that list stories by status and date (<c>UpdatedAt</c> rides along in them), never from the stories' rows,
/// where the body comes first.
/// </summary>
public static class SitemapDates
{
    /// <summary>Every public story's date, in the articles sitemaps' order (newest first).</summary>
    public static IQueryable<DateTime?> Stories(MastheadDb db) =>
        db.Articles.AsNoTracking().Public().Newest().Select(a => a.UpdatedAt ?? a.PublishedAt);

    /// <summary>Each section's date (none for a section without public stories), from the section's own entries in its index.</summary>
    public static IQueryable<ListDate> BySection(MastheadDb db)
    {
        var stories = db.Articles.Public();
        return db.Sections.AsNoTracking().Select(s => new ListDate(s.Id, stories.Where(a => a.SectionId == s.Id).Max(a => a.UpdatedAt ?? a.PublishedAt)));
    }

    /// <summary>One pass over the public stories' tags, grouped: a maximum per tag read each tag's stories one by one (1.2 s at 100,000 stories).</summary>
    public static IQueryable<ListDate> ByTag(MastheadDb db) =>
        db.Articles.AsNoTracking().Public()
            .SelectMany(a => a.Tags, (a, t) => new { t.Id, Modified = a.UpdatedAt ?? a.PublishedAt })
            .GroupBy(x => x.Id).Select(g => new ListDate(g.Key, g.Max(x => x.Modified)));

    /// <summary>One pass over the public stories' bylines, grouped: a maximum per author walked every story for each author (0.9 s at 100,000 stories).</summary>
    public static IQueryable<ListDate> ByAuthor(MastheadDb db) =>
        db.Articles.AsNoTracking().Public()
            .SelectMany(a => a.Bylines, (a, b) => new { b.AuthorId, Modified = a.UpdatedAt ?? a.PublishedAt })
            .GroupBy(x => x.AuthorId).Select(g => new ListDate(g.Key, g.Max(x => x.Modified)));
}
