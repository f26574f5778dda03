using Masthead.Accounts;
using Masthead.Data;
using Masthead.Pages;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

public sealed record SitePageRow(int Id, string Title, string Path, SitePageStatus Status, int MenuOrder, DateTime UpdatedAt, bool IsChild);

/// <summary>The standing pages, each top-level page followed by the pages under it, in menu order.</summary>
[Authorize(Policy = StaffPolicies.Publish)]
public sealed class SitePagesModel(MastheadDb db) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Pages", CanonicalPath = "/admin/pages", NoIndex = true };
    public IReadOnlyList<SitePageRow> Rows { get; private set; } = [];
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await db.SitePages.AsNoTracking().OrderBy(p => p.MenuOrder).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Slug, p.ParentId, p.Status, p.MenuOrder, p.UpdatedAt }).ToListAsync(ct);
        var children = all.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value);
        var rows = new List<SitePageRow>();
        foreach (var top in all.Where(p => p.ParentId is null))
        {
            rows.Add(new SitePageRow(top.Id, top.Title, SitePagePaths.For(top.Slug, null), top.Status, top.MenuOrder, top.UpdatedAt, false));
            rows.AddRange(children[top.Id].Select(c => new SitePageRow(c.Id, c.Title, SitePagePaths.For(c.Slug, top.Slug), c.Status, c.MenuOrder, c.UpdatedAt, true)));
        }
        Rows = rows;
    }
}
