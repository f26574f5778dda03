using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>One section: rename it, change its address, describe it, merge it into another, or delete it when empty.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class SectionModel(MastheadDb db, TaxonomyEditor editor) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Section", NoIndex = true };
    public TaxonomyRow Section { get; private set; } = null!;
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
        Edit = new TaxonomyForm(Section.Name, Section.Slug, Section.Description);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        Act(id, () => editor.UpdateSectionAsync(id, Edit, User.ToStaffer()!, ct), $"/admin/sections/{id}", ct);

    public Task<IActionResult> OnPostMergeAsync(int id, int into, CancellationToken ct) =>
        Act(id, () => editor.MergeSectionAsync(id, into, User.ToStaffer()!, ct), "/admin/sections", ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        Act(id, () => editor.DeleteSectionAsync(id, User.ToStaffer()!, ct), "/admin/sections", ct);

    private async Task<IActionResult> Act(int id, Func<Task<TaxonomyResult>> change, string then, CancellationToken ct)
    {
        if (!await db.Sections.AnyAsync(s => s.Id == id, ct))
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
        var all = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new TaxonomyRow(s.Id, s.Name, s.Slug, s.Description, db.Articles.Count(a => a.SectionId == s.Id)))
            .ToListAsync(ct);
        if (all.FirstOrDefault(s => s.Id == id) is not { } section)
        {
            return false;
        }
        (Section, Others) = (section, [.. all.Where(s => s.Id != id)]);
        Head.Title = $"Section: {section.Name}";
        Head.CanonicalPath = $"/admin/sections/{id}";
        return true;
    }
}
