using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>What an editor typed for a section or a tag.</summary>
public sealed record TaxonomyForm(string? Name, string? Slug, string? Description);

/// <summary>How a change to a section or tag ended; errors are keyed by field (Name, Slug, Description, Into).</summary>
public sealed record TaxonomyResult(bool Done, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public static TaxonomyResult Ok(string message) => new(true, message, new Dictionary<string, string>());
    public static TaxonomyResult Fail(string field, string message) => new(false, message, new Dictionary<string, string> { [field] = message });
    public static TaxonomyResult Fail(Dictionary<string, string> errors) => new(false, "Please correct the highlighted fields.", errors);
}

/// <summary>
/// The rules for sections and tags: unique slugs, old addresses kept as 301s after a rename or merge, nothing deleted
/// that still has stories. Every change is written to the audit log with the change itself, makes the public pages
/// and the section navigation fresh, and never sees HTTP.
/// </summary>
public sealed class TaxonomyEditor(MastheadDb db, SiteClock clock, SiteCache cache, SectionDirectory sections, AuditLog audit,
    IEnumerable<IArticleIndexer> indexers)
{
    public const int MaxName = 100;
    public const int MaxSlug = 100;
    public const int MaxDescription = 500;

    // Sections

    public async Task<TaxonomyResult> CreateSectionAsync(TaxonomyForm form, Staffer by, CancellationToken ct = default)
    {
        var (name, slug, description, errors) = Clean(form);
        if (errors.Count == 0 && await db.Sections.AnyAsync(s => s.Slug == slug, ct))
        {
            errors["Slug"] = $"Another section already uses the address /section/{slug}/.";
        }
        if (errors.Count > 0)
        {
            return TaxonomyResult.Fail(errors);
        }
        var position = await db.Sections.Select(s => (int?)s.Position).MaxAsync(ct) ?? 0;
        var section = new Section { Name = name, Slug = slug, Description = description, Position = position + 1 };
        db.Sections.Add(section);
        await ForgetOldSlugAsync(TaxonomyKind.Section, slug, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(by.UserId, by.Name, "section.created", "section", section.Id, $"{name} (/section/{slug}/)", ct);
        await SectionsChangedAsync(ct);
        return TaxonomyResult.Ok($"Section \u201c{name}\u201d created.");
    }

    public async Task<TaxonomyResult> UpdateSectionAsync(int id, TaxonomyForm form, Staffer by, CancellationToken ct = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null)
        {
            return TaxonomyResult.Fail("Name", "That section no longer exists.");
        }
        var (name, slug, description, errors) = Clean(form);
        if (errors.Count == 0 && slug != section.Slug && await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != id, ct))
        {
            errors["Slug"] = $"Another section already uses the address /section/{slug}/.";
        }
        if (errors.Count > 0)
        {
            return TaxonomyResult.Fail(errors);
        }
        var changes = Changes(section.Name, name, section.Slug, slug, section.Description, description);
        if (changes.Count == 0)
        {
            return TaxonomyResult.Ok("Nothing was changed.");
        }
        if (slug != section.Slug)
        {
            await KeepOldSlugAsync(TaxonomyKind.Section, section.Slug, slug, id, ct);
        }
        (section.Name, section.Slug, section.Description) = (name, slug, description);
        audit.Add(by.UserId, by.Name, "section.updated", "section", id, string.Join("; ", changes));
        await db.SaveChangesAsync(ct);
        await SectionsChangedAsync(ct);
        return TaxonomyResult.Ok($"Section \u201c{name}\u201d saved.");
    }

    /// <summary>Moves a section one place up (-1) or down (+1) in the navigation.</summary>
    public async Task<TaxonomyResult> MoveSectionAsync(int id, int direction, Staffer by, CancellationToken ct = default)
    {
        var ordered = await db.Sections.OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(ct);
        var index = ordered.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return TaxonomyResult.Fail("Name", "That section no longer exists.");
        }
        var other = index + Math.Sign(direction);
        if (direction == 0 || other < 0 || other >= ordered.Count)
        {
            return TaxonomyResult.Ok($"\u201c{ordered[index].Name}\u201d is already {(direction < 0 ? "first" : "last")}.");
        }
        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        // Positions are renumbered in steps of ten, so equal positions (from imports) cannot hide the move.
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = (i + 1) * 10;
        }
        audit.Add(by.UserId, by.Name, "section.moved", "section", id, $"{ordered[other].Name} moved to place {other + 1}");
        await db.SaveChangesAsync(ct);
        await SectionsChangedAsync(ct);
        return TaxonomyResult.Ok($"\u201c{ordered[other].Name}\u201d moved {(direction < 0 ? "up" : "down")}.");
    }

    /// <summary>Every story (and wire feed) of <paramref name="id"/> moves to <paramref name="intoId"/>; the old section's address then leads there.</summary>
    public async Task<TaxonomyResult> MergeSectionAsync(int id, int intoId, Staffer by, CancellationToken ct = default)
    {
        if (id == intoId)
        {
            return TaxonomyResult.Fail("Into", "Choose another section to merge into.");
        }
        var from = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        var into = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == intoId, ct);
        if (from is null || into is null)
        {
            return TaxonomyResult.Fail("Into", "That section no longer exists.");
        }
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Articles.Where(a => a.SectionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SectionId, intoId).SetProperty(a => a.ModifiedAt, now), ct);
        await db.WireFeeds.Where(f => f.SectionId == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.SectionId, intoId), ct);
        await db.TaxonomyRedirects.Where(r => r.Kind == TaxonomyKind.Section && r.TargetId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TargetId, intoId), ct);
        await KeepOldSlugAsync(TaxonomyKind.Section, from.Slug, into.Slug, intoId, ct);
        await indexers.SectionMergedAsync(ct);
        db.Sections.Remove(from);
        audit.Add(by.UserId, by.Name, "section.merged", "section", intoId, $"{from.Name} (/section/{from.Slug}/) merged into {into.Name}: {moved} stories moved");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await SectionsChangedAsync(ct);
        return TaxonomyResult.Ok($"\u201c{from.Name}\u201d merged into \u201c{into.Name}\u201d: {moved} {(moved == 1 ? "story" : "stories")} moved.");
    }

    public async Task<TaxonomyResult> DeleteSectionAsync(int id, Staffer by, CancellationToken ct = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null)
        {
            return TaxonomyResult.Fail("Name", "That section no longer exists.");
        }
        var stories = await db.Articles.CountAsync(a => a.SectionId == id, ct);
        if (stories > 0)
        {
            return TaxonomyResult.Fail("Name", $"\u201c{section.Name}\u201d still has {stories} {(stories == 1 ? "story" : "stories")}: merge it into another section instead.");
        }
        if (await db.WireFeeds.AnyAsync(f => f.SectionId == id, ct))
        {
            return TaxonomyResult.Fail("Name", $"A wire feed files into \u201c{section.Name}\u201d: point it at another section first.");
        }
        await db.TaxonomyRedirects.Where(r => r.Kind == TaxonomyKind.Section && r.TargetId == id).ExecuteDeleteAsync(ct);
        db.Sections.Remove(section);
        audit.Add(by.UserId, by.Name, "section.deleted", "section", id, $"{section.Name} (/section/{section.Slug}/)");
        await db.SaveChangesAsync(ct);
        await SectionsChangedAsync(ct);
        return TaxonomyResult.Ok($"Section \u201c{section.Name}\u201d deleted.");
    }

    // Tags

    public async Task<TaxonomyResult> CreateTagAsync(TaxonomyForm form, Staffer by, CancellationToken ct = default)
    {
        var (name, slug, description, errors) = Clean(form);
        if (errors.Count == 0 && await db.Tags.AnyAsync(t => t.Slug == slug, ct))
        {
            errors["Slug"] = $"Another tag already uses the address /tag/{slug}/.";
        }
        if (errors.Count > 0)
        {
            return TaxonomyResult.Fail(errors);
        }
        var tag = new Tag { Name = name, Slug = slug, Description = description };
        db.Tags.Add(tag);
        await ForgetOldSlugAsync(TaxonomyKind.Tag, slug, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(by.UserId, by.Name, "tag.created", "tag", tag.Id, $"{name} (/tag/{slug}/)", ct);
        await cache.EvictContentAsync(ct);
        return TaxonomyResult.Ok($"Tag \u201c{name}\u201d created.");
    }

    public async Task<TaxonomyResult> UpdateTagAsync(int id, TaxonomyForm form, Staffer by, CancellationToken ct = default)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return TaxonomyResult.Fail("Name", "That tag no longer exists.");
        }
        var (name, slug, description, errors) = Clean(form);
        if (errors.Count == 0 && slug != tag.Slug && await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, ct))
        {
            errors["Slug"] = $"Another tag already uses the address /tag/{slug}/.";
        }
        if (errors.Count > 0)
        {
            return TaxonomyResult.Fail(errors);
        }
        var changes = Changes(tag.Name, name, tag.Slug, slug, tag.Description, description);
        if (changes.Count == 0)
        {
            return TaxonomyResult.Ok("Nothing was changed.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (slug != tag.Slug)
        {
            await KeepOldSlugAsync(TaxonomyKind.Tag, tag.Slug, slug, id, ct);
        }
        var renamed = name != tag.Name;
        (tag.Name, tag.Slug, tag.Description) = (name, slug, description);
        audit.Add(by.UserId, by.Name, "tag.updated", "tag", id, string.Join("; ", changes));
        await db.SaveChangesAsync(ct);
        if (renamed)
        {
            // Search finds a story by its tags' names too.
            await indexers.WordsChangedAsync(await db.Articles.Where(a => a.Tags.Any(t => t.Id == id)).Select(a => a.Id).ToListAsync(ct), ct);
        }
        await transaction.CommitAsync(ct);
        await cache.EvictContentAsync(ct);
        return TaxonomyResult.Ok($"Tag \u201c{name}\u201d saved.");
    }

    /// <summary>Stories tagged <paramref name="id"/> are tagged <paramref name="intoId"/> instead; the old tag's address then leads there.</summary>
    public async Task<TaxonomyResult> MergeTagAsync(int id, int intoId, Staffer by, CancellationToken ct = default)
    {
        if (id == intoId)
        {
            return TaxonomyResult.Fail("Into", "Choose another tag to merge into.");
        }
        var from = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        var into = await db.Tags.FirstOrDefaultAsync(t => t.Id == intoId, ct);
        if (from is null || into is null)
        {
            return TaxonomyResult.Fail("Into", "That tag no longer exists.");
        }
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var articles = await db.Articles.Include(a => a.Tags).Where(a => a.Tags.Any(t => t.Id == id)).ToListAsync(ct);
        foreach (var article in articles)
        {
            article.Tags.Remove(from);
            if (article.Tags.All(t => t.Id != intoId))
            {
                article.Tags.Add(into);
            }
            article.ModifiedAt = now;
        }
        await db.TaxonomyRedirects.Where(r => r.Kind == TaxonomyKind.Tag && r.TargetId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TargetId, intoId), ct);
        await KeepOldSlugAsync(TaxonomyKind.Tag, from.Slug, into.Slug, intoId, ct);
        db.Tags.Remove(from);
        audit.Add(by.UserId, by.Name, "tag.merged", "tag", intoId, $"{from.Name} (/tag/{from.Slug}/) merged into {into.Name}: {articles.Count} stories retagged");
        await db.SaveChangesAsync(ct);
        await indexers.WordsChangedAsync([.. articles.Select(a => a.Id)], ct);
        await transaction.CommitAsync(ct);
        await cache.EvictContentAsync(ct);
        return TaxonomyResult.Ok($"\u201c{from.Name}\u201d merged into \u201c{into.Name}\u201d: {articles.Count} {(articles.Count == 1 ? "story" : "stories")} retagged.");
    }

    public async Task<TaxonomyResult> DeleteTagAsync(int id, Staffer by, CancellationToken ct = default)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return TaxonomyResult.Fail("Name", "That tag no longer exists.");
        }
        var stories = await db.Articles.CountAsync(a => a.Tags.Any(t => t.Id == id), ct);
        if (stories > 0)
        {
            return TaxonomyResult.Fail("Name", $"\u201c{tag.Name}\u201d is on {stories} {(stories == 1 ? "story" : "stories")}: merge it into another tag instead.");
        }
        await db.TaxonomyRedirects.Where(r => r.Kind == TaxonomyKind.Tag && r.TargetId == id).ExecuteDeleteAsync(ct);
        db.Tags.Remove(tag);
        audit.Add(by.UserId, by.Name, "tag.deleted", "tag", id, $"{tag.Name} (/tag/{tag.Slug}/)");
        await db.SaveChangesAsync(ct);
        await cache.EvictContentAsync(ct);
        return TaxonomyResult.Ok($"Tag \u201c{tag.Name}\u201d deleted.");
    }

    // Readers

    /// <summary>
    /// Where an old section or tag address (any page or feed under it) lives now: "/section/old/page/2/" becomes
    /// "/section/new/page/2/". Null when the path is not one.
    /// </summary>
    public static async Task<string?> RedirectTargetAsync(MastheadDb db, string path, CancellationToken ct)
    {
        var parts = path.Split('/', 4);
        if (parts.Length < 3 || parts[0].Length != 0 || parts[2].Length == 0 || parts[2].Length > MaxSlug)
        {
            return null;
        }
        var (kind, slug, rest) = (parts[1], parts[2], parts.Length == 4 ? parts[3] : "");
        string? current = kind switch
        {
            "section" => await db.TaxonomyRedirects.AsNoTracking().Where(r => r.Kind == TaxonomyKind.Section && r.OldSlug == slug)
                .Join(db.Sections, r => r.TargetId, s => s.Id, (r, s) => s.Slug).FirstOrDefaultAsync(ct),
            "tag" => await db.TaxonomyRedirects.AsNoTracking().Where(r => r.Kind == TaxonomyKind.Tag && r.OldSlug == slug)
                .Join(db.Tags, r => r.TargetId, t => t.Id, (r, t) => t.Slug).FirstOrDefaultAsync(ct),
            _ => null,
        };
        return current is null || current == slug ? null : $"/{kind}/{current}/{rest}";
    }

    private async Task KeepOldSlugAsync(TaxonomyKind kind, string oldSlug, string newSlug, int targetId, CancellationToken ct)
    {
        await ForgetOldSlugAsync(kind, newSlug, ct);
        var existing = await db.TaxonomyRedirects.FirstOrDefaultAsync(r => r.Kind == kind && r.OldSlug == oldSlug, ct);
        if (existing is null)
        {
            db.TaxonomyRedirects.Add(new TaxonomyRedirect { Kind = kind, OldSlug = oldSlug, TargetId = targetId, CreatedAt = clock.UtcNow });
        }
        else
        {
            existing.TargetId = targetId;
        }
    }

    /// <summary>A slug that is live again must not also redirect.</summary>
    private Task ForgetOldSlugAsync(TaxonomyKind kind, string slug, CancellationToken ct) =>
        db.TaxonomyRedirects.Where(r => r.Kind == kind && r.OldSlug == slug).ExecuteDeleteAsync(ct);

    private async Task SectionsChangedAsync(CancellationToken ct)
    {
        sections.Invalidate();
        await cache.EvictContentAsync(ct);
    }

    private static (string Name, string Slug, string Description, Dictionary<string, string> Errors) Clean(TaxonomyForm form)
    {
        var name = (form.Name ?? "").Trim();
        var description = (form.Description ?? "").Trim().Replace("\r", "");
        var typedSlug = (form.Slug ?? "").Trim();
        var slug = Slugs.From(typedSlug.Length == 0 ? name : typedSlug, MaxSlug);
        var errors = new Dictionary<string, string>();
        if (name.Length == 0)
        {
            errors["Name"] = "Enter a name.";
        }
        else if (name.Length > MaxName)
        {
            errors["Name"] = $"The name can have at most {MaxName} characters.";
        }
        if (slug.Length == 0 && (typedSlug.Length > 0 || name.Length > 0))
        {
            errors["Slug"] = "The address needs at least one letter or digit (a\u2013z, 0\u20139).";
        }
        if (description.Length > MaxDescription)
        {
            errors["Description"] = $"The description can have at most {MaxDescription} characters.";
        }
        return (name, slug, description, errors);
    }

    private static List<string> Changes(string oldName, string name, string oldSlug, string slug, string oldDescription, string description)
    {
        var changes = new List<string>();
        if (oldName != name)
        {
            changes.Add($"renamed \u201c{oldName}\u201d \u2192 \u201c{name}\u201d");
        }
        if (oldSlug != slug)
        {
            changes.Add($"address {oldSlug} \u2192 {slug}");
        }
        if (oldDescription != description)
        {
            changes.Add("description changed");
        }
        return changes;
    }
}
