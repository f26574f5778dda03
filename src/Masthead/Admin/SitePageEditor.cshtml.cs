using Masthead.Accounts;
using Masthead.Data;
using Masthead.Pages;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>The page form's fields as typed.</summary>
public sealed class SitePageInput
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Body { get; set; }
    public string? ParentId { get; set; }
    public string? MenuOrder { get; set; }
    public string? Status { get; set; }
    public string? SeoDescription { get; set; }

    public SitePageForm ToForm() => new(Title, Slug, Body, ParentId, MenuOrder, Status, SeoDescription);
}

public sealed record ParentChoice(int Id, string Title);

/// <summary>
/// Writes a new standing page (/admin/pages/new) or edits one (/admin/pages/{id}). The rules are
/// <see cref="SitePageEditor"/>'s; this page only shows its messages beside the fields.
/// </summary>
[Authorize(Policy = StaffPolicies.Publish)]
public sealed class SitePageEditorModel(MastheadDb db, SitePageEditor editor) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "New page", CanonicalPath = "/admin/pages/new", NoIndex = true };
    [BindProperty]
    public SitePageInput Input { get; set; } = new();
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public string? Message { get; private set; }
    public IReadOnlyList<ParentChoice> Parents { get; private set; } = [];
    /// <summary>The stored page being edited; null on /admin/pages/new.</summary>
    public int? PageId { get; private set; }
    public string? PublicPath { get; private set; }
    public bool IsPublished { get; private set; }
    public bool HasChildren { get; private set; }
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var page = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (page is null)
            {
                return NotFound();
            }
            Input = new SitePageInput
            {
                Title = page.Title, Slug = page.Slug, Body = page.BodyMarkdown, ParentId = page.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                MenuOrder = page.MenuOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Status = page.Status == SitePageStatus.Published ? "published" : "draft", SeoDescription = page.SeoDescription,
            };
        }
        else
        {
            Input.Status = "draft";
            Input.MenuOrder = "0";
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing && !await db.SitePages.AnyAsync(p => p.Id == existing, ct))
        {
            return NotFound();
        }
        var by = User.ToStaffer()!;
        var result = id is { } pageId ? await editor.UpdateAsync(pageId, Input.ToForm(), by, ct) : await editor.CreateAsync(Input.ToForm(), by, ct);
        if (!result.Done)
        {
            Errors = result.Errors;
            Message = result.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(id, ct);
            return Page();
        }
        Notice = result.Message;
        return Redirect($"/admin/pages/{result.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await db.SitePages.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }
        var result = await editor.DeleteAsync(id, User.ToStaffer()!, ct);
        if (!result.Done)
        {
            Message = result.Message;
            await OnGetAsync(id, ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Notice = result.Message;
        return Redirect("/admin/pages");
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        Parents = await db.SitePages.AsNoTracking().Where(p => p.ParentId == null && (id == null || p.Id != id))
            .OrderBy(p => p.MenuOrder).ThenBy(p => p.Title).Select(p => new ParentChoice(p.Id, p.Title)).ToListAsync(ct);
        if (id is not { } pageId)
        {
            return;
        }
        var stored = await db.SitePages.AsNoTracking().Where(p => p.Id == pageId)
            .Select(p => new
            {
                p.Title, p.Slug, p.Status, ParentSlug = db.SitePages.Where(x => x.Id == p.ParentId).Select(x => x.Slug).FirstOrDefault(),
                HasChildren = db.SitePages.Any(x => x.ParentId == p.Id),
            })
            .FirstAsync(ct);
        PageId = pageId;
        PublicPath = SitePagePaths.For(stored.Slug, stored.ParentSlug);
        IsPublished = stored.Status == SitePageStatus.Published;
        HasChildren = stored.HasChildren;
        Head.Title = $"Page: {stored.Title}";
        Head.CanonicalPath = $"/admin/pages/{pageId}";
    }
}
