using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Pages;

/// <summary>What a member of staff typed for a page; numbers arrive as typed so a bad one gets its own message.</summary>
public sealed record SitePageForm(string? Title, string? Slug, string? Body, string? ParentId, string? MenuOrder, string? Status, string? SeoDescription);

/// <summary>How a save ended; errors are keyed by field (Title, Slug, Body, ParentId, MenuOrder, Status, SeoDescription).</summary>
public sealed record SitePageResult(bool Done, int Id, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public static SitePageResult Ok(int id, string message) => new(true, id, message, new Dictionary<string, string>());
    public static SitePageResult Fail(Dictionary<string, string> errors) => new(false, 0, "Please correct the highlighted fields.", errors);
    public static SitePageResult Gone() => new(false, 0, "That page no longer exists.", new Dictionary<string, string>());
}

public static class SitePageRules
{
    public const int MaxTitle = 300;
    public const int MaxSlug = 100;
    public const int MaxDescription = 1000;
    public const int MaxBody = 200_000;
}

/// <summary>
/// The rules for standing pages: unique addresses that never hide the site's own, one level of nesting, and a moved
/// published page (or its children) answering at its old address with a 301 through the same redirect table as
/// articles. Each save is one transaction with its audit entry, refreshes the footer and the public pages, and never
/// sees HTTP.
/// </summary>
public sealed class SitePageEditor(MastheadDb db, ArticleRenderer renderer, SiteClock clock, SiteCache cache, PageDirectory directory, AuditLog audit)
{
    public async Task<SitePageResult> CreateAsync(SitePageForm form, Staffer by, CancellationToken ct = default)
    {
        var (clean, errors) = await CleanAsync(form, null, ct);
        if (errors.Count > 0)
        {
            return SitePageResult.Fail(errors);
        }
        var now = clock.UtcNow;
        var page = new SitePage { Title = clean.Title, Slug = clean.Slug, CreatedAt = now };
        Apply(page, clean, now);
        // The page and its audit entry (which needs the page's id) are saved together or not at all.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.SitePages.Add(page);
            await ForgetRedirectAsync(SitePagePaths.For(page.Slug, clean.ParentSlug), ct);
            await db.SaveChangesAsync(ct);
            audit.Add(by.UserId, by.Name, page.Status == SitePageStatus.Published ? "page.published" : "page.created", "page", page.Id,
                $"{page.Title} ({SitePagePaths.For(page.Slug, clean.ParentSlug)})");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await ChangedAsync(ct);
        return SitePageResult.Ok(page.Id, page.Status == SitePageStatus.Published ? $"Page \u201c{page.Title}\u201d published." : $"Page \u201c{page.Title}\u201d saved as a draft.");
    }

    public async Task<SitePageResult> UpdateAsync(int id, SitePageForm form, Staffer by, CancellationToken ct = default)
    {
        var page = await db.SitePages.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null)
        {
            return SitePageResult.Gone();
        }
        var (clean, errors) = await CleanAsync(form, page, ct);
        if (errors.Count > 0)
        {
            return SitePageResult.Fail(errors);
        }
        var oldParentSlug = page.ParentId is { } oldParent ? await db.SitePages.Where(p => p.Id == oldParent).Select(p => p.Slug).FirstAsync(ct) : null;
        var oldPath = SitePagePaths.For(page.Slug, oldParentSlug);
        var newPath = SitePagePaths.For(clean.Slug, clean.ParentSlug);
        var changes = Changes(page, clean, oldPath, newPath);
        if (changes.Count == 0)
        {
            return SitePageResult.Ok(page.Id, "Nothing was changed.");
        }
        var now = clock.UtcNow;
        if (oldPath != newPath)
        {
            // Readers and search engines know only where a published page was; a draft's address was never public.
            if (page.Status == SitePageStatus.Published)
            {
                await KeepRedirectAsync(oldPath, page.Id, now, ct);
            }
            if (page.Slug != clean.Slug)
            {
                foreach (var child in await db.SitePages.Where(p => p.ParentId == page.Id && p.Status == SitePageStatus.Published).Select(p => new { p.Id, p.Slug }).ToListAsync(ct))
                {
                    await KeepRedirectAsync(SitePagePaths.For(child.Slug, page.Slug), child.Id, now, ct);
                    await ForgetRedirectAsync(SitePagePaths.For(child.Slug, clean.Slug), ct);
                }
            }
            await ForgetRedirectAsync(newPath, ct);
        }
        var action = (page.Status, clean.Status) switch
        {
            (SitePageStatus.Draft, SitePageStatus.Published) => "page.published",
            (SitePageStatus.Published, SitePageStatus.Draft) => "page.unpublished",
            _ => "page.updated",
        };
        page.Title = clean.Title;
        page.Slug = clean.Slug;
        Apply(page, clean, now);
        audit.Add(by.UserId, by.Name, action, "page", page.Id, string.Join("; ", changes));
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return SitePageResult.Ok(page.Id, $"Page \u201c{page.Title}\u201d saved.");
    }

    /// <summary>A page with pages under it is kept: deleting it would leave them without an address.</summary>
    public async Task<SitePageResult> DeleteAsync(int id, Staffer by, CancellationToken ct = default)
    {
        var page = await db.SitePages.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null)
        {
            return SitePageResult.Gone();
        }
        if (await db.SitePages.AnyAsync(p => p.ParentId == id, ct))
        {
            return new SitePageResult(false, id, "Move or delete the pages under this one first.", new Dictionary<string, string>());
        }
        db.SitePages.Remove(page);
        audit.Add(by.UserId, by.Name, "page.deleted", "page", id, page.Title);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return SitePageResult.Ok(id, $"Page \u201c{page.Title}\u201d deleted.");
    }

    /// <summary>The body's HTML as readers get it: sanitized, without the article page's "READ ALSO" slot.</summary>
    public static string Render(ArticleRenderer renderer, string markdown) =>
        renderer.Render(markdown).Replace(ArticleRenderer.ReadAlsoSlot, "", StringComparison.Ordinal);

    private sealed record Clean(string Title, string Slug, string Body, int? ParentId, string? ParentSlug, int MenuOrder, SitePageStatus Status, string? SeoDescription);

    private void Apply(SitePage page, Clean clean, DateTime now)
    {
        if (page.BodyMarkdown != clean.Body || page.BodyHtml.Length == 0)
        {
            page.BodyMarkdown = clean.Body;
            page.BodyHtml = Render(renderer, clean.Body);
        }
        page.ParentId = clean.ParentId;
        page.MenuOrder = clean.MenuOrder;
        page.Status = clean.Status;
        page.SeoDescription = clean.SeoDescription;
        page.UpdatedAt = now;
    }

    private async Task<(Clean Clean, Dictionary<string, string> Errors)> CleanAsync(SitePageForm form, SitePage? page, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var title = (form.Title ?? "").Trim();
        var typedSlug = (form.Slug ?? "").Trim();
        var slug = Slugs.From(typedSlug.Length == 0 ? title : typedSlug, SitePageRules.MaxSlug);
        var body = (form.Body ?? "").Replace("\r", "");
        var description = (form.SeoDescription ?? "").Trim().Replace("\r", "");
        if (title.Length == 0)
        {
            errors["Title"] = "Enter a title.";
        }
        else if (title.Length > SitePageRules.MaxTitle)
        {
            errors["Title"] = $"The title can have at most {SitePageRules.MaxTitle} characters.";
        }
        if (body.Length > SitePageRules.MaxBody)
        {
            errors["Body"] = $"The text can have at most {SitePageRules.MaxBody:N0} characters.";
        }
        if (description.Length > SitePageRules.MaxDescription)
        {
            errors["SeoDescription"] = $"The description can have at most {SitePageRules.MaxDescription} characters.";
        }
        var status = form.Status switch
        {
            "published" or "Published" => SitePageStatus.Published,
            null or "" or "draft" or "Draft" => SitePageStatus.Draft,
            _ => (SitePageStatus?)null,
        };
        if (status is null)
        {
            errors["Status"] = "Choose draft or published.";
        }
        var order = 0;
        if (!string.IsNullOrWhiteSpace(form.MenuOrder) && (!int.TryParse(form.MenuOrder.Trim(), System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out order) || order is < -10_000 or > 10_000))
        {
            errors["MenuOrder"] = "Enter a whole number between -10000 and 10000 (lower comes first).";
        }

        int? parentId = null;
        string? parentSlug = null;
        if (!string.IsNullOrWhiteSpace(form.ParentId) && form.ParentId != "0")
        {
            var parent = int.TryParse(form.ParentId, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                ? await db.SitePages.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Id, p.Slug, p.ParentId }).FirstOrDefaultAsync(ct)
                : null;
            if (parent is null)
            {
                errors["ParentId"] = "That page no longer exists; choose another or none.";
            }
            else if (page is not null && parent.Id == page.Id)
            {
                errors["ParentId"] = "A page cannot sit under itself.";
            }
            else if (parent.ParentId is not null)
            {
                errors["ParentId"] = "Pages nest one level deep: choose a top-level page.";
            }
            else if (page is not null && await db.SitePages.AnyAsync(p => p.ParentId == page.Id, ct))
            {
                errors["ParentId"] = "This page has pages under it, so it stays at the top level.";
            }
            else
            {
                (parentId, parentSlug) = (parent.Id, parent.Slug);
            }
        }

        if (slug.Length == 0)
        {
            if (typedSlug.Length > 0 || title.Length > 0)
            {
                errors["Slug"] = "The address needs at least one letter or digit (a\u2013z, 0\u20139).";
            }
        }
        else if (parentId is null && !errors.ContainsKey("ParentId") && SitePagePaths.WhyNotTopLevel(slug) is { } why)
        {
            errors["Slug"] = why;
        }
        else if (slug.All(char.IsAsciiDigit))
        {
            errors["Slug"] = "An address of digits only is read as a date; add a word.";
        }
        else if (await db.SitePages.AnyAsync(p => p.Slug == slug && (page == null || p.Id != page.Id), ct))
        {
            errors["Slug"] = $"Another page already uses the address \u201c{slug}\u201d.";
        }
        return (new Clean(title, slug, body, parentId, parentSlug, order, status ?? SitePageStatus.Draft, description.Length == 0 ? null : description), errors);
    }

    private static List<string> Changes(SitePage page, Clean clean, string oldPath, string newPath)
    {
        var changes = new List<string>();
        if (page.Title != clean.Title)
        {
            changes.Add($"retitled \u201c{page.Title}\u201d \u2192 \u201c{clean.Title}\u201d");
        }
        if (oldPath != newPath)
        {
            changes.Add($"address {oldPath} \u2192 {newPath}");
        }
        if (page.BodyMarkdown != clean.Body)
        {
            changes.Add("text changed");
        }
        if (page.MenuOrder != clean.MenuOrder)
        {
            changes.Add($"order {page.MenuOrder} \u2192 {clean.MenuOrder}");
        }
        if (page.Status != clean.Status)
        {
            changes.Add(clean.Status == SitePageStatus.Published ? "published" : "unpublished");
        }
        if (page.SeoDescription != clean.SeoDescription)
        {
            changes.Add("description changed");
        }
        return changes;
    }

    /// <summary>The old address now leads to the page; one that already led elsewhere is taken over.</summary>
    private async Task KeepRedirectAsync(string oldPath, int pageId, DateTime now, CancellationToken ct)
    {
        await ForgetRedirectAsync(oldPath, ct);
        db.Redirects.Add(new Redirect { Path = oldPath, SitePageId = pageId, CreatedAt = now });
    }

    /// <summary>A page living at an address again no longer needs that address redirected.</summary>
    private async Task ForgetRedirectAsync(string path, CancellationToken ct) =>
        db.Redirects.RemoveRange(await db.Redirects.Where(r => r.Path == path).ToListAsync(ct));

    private async Task ChangedAsync(CancellationToken ct)
    {
        directory.Invalidate();
        // Every public page shows the footer's page links, so all of them are stale.
        await cache.EvictContentAsync(ct);
    }
}
