using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Pages;

public sealed record PageLink(string Title, string Path);

/// <summary>The published top-level pages in menu order, for every public page's footer. Whoever changes pages calls Invalidate.</summary>
public sealed class PageDirectory(IServiceScopeFactory scopes) : CachedList<PageLink>(scopes)
{
    public ValueTask<IReadOnlyList<PageLink>> FooterAsync(CancellationToken ct = default) => ItemsAsync(ct);

    protected override async Task<IReadOnlyList<PageLink>> LoadAsync(MastheadDb db, CancellationToken ct)
    {
        var rows = await db.SitePages.AsNoTracking().Where(p => p.ParentId == null && p.Status == SitePageStatus.Published)
            .OrderBy(p => p.MenuOrder).ThenBy(p => p.Title).Select(p => new { p.Title, p.Slug }).ToListAsync(ct);
        return [.. rows.Select(r => new PageLink(r.Title, SitePagePaths.For(r.Slug, null)))];
    }
}
