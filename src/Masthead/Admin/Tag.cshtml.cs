using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>One tag: rename it, change its address, describe it, merge it into another, or delete it when unused.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class TagModel(MastheadDb db, TaxonomyEditor editor) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Tag", NoIndex = true };
    public TaxonomyRow Tag { get; private set; } = null!;
    public IReadOnlyList<TaxonomyRow> Others { get; private set; } = [];
    [BindProperty]
    public TaxonomyForm Edit { get; set; } = new(null, null, null);
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Edit = new TaxonomyForm(Tag.Name, Tag.Slug, Tag.Description);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        Act(id, () => editor.UpdateTagAsync(id, Edit, User.ToStaffer()!, ct), $"/admin/tags/{id}", ct);

    public Task<IActionResult> OnPostMergeAsync(int id, int into, CancellationToken ct) =>
        Act(id, () => editor.MergeTagAsync(id, into, User.ToStaffer()!, ct), "/admin/tags", ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        Act(id, () => editor.DeleteTagAsync(id, User.ToStaffer()!, ct), "/admin/tags", ct);

    private async Task<IActionResult> Act(int id, Func<Task<TaxonomyResult>> change, string then, CancellationToken ct)
    {
        if (!await db.Tags.AnyAsync(t => t.Id == id, ct))
        {
            return NotFound();
        }
        var result = await change();
        if (result.Done)
        {
            Notice = result.Message;
            return Redirect(then);
        }
        Errors = result.Errors;
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var all = await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TaxonomyRow(t.Id, t.Name, t.Slug, t.Description, t.Articles.Count))
            .ToListAsync(ct);
        if (all.FirstOrDefault(t => t.Id == id) is not { } section)
        {
            return false;
        }
        (Tag, Others) = (section, [.. all.Where(t => t.Id != id)]);
        Head.Title = $"Tag: {section.Name}";
        Head.CanonicalPath = $"/admin/tags/{id}";
        return true;
    }
}
