using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

public sealed record TaxonomyRow(int Id, string Name, string Slug, string Description, int Stories);

/// <summary>The sections in navigation order, with their story counts: create one, or move one up or down.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class SectionsModel(MastheadDb db, TaxonomyEditor editor) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Sections", CanonicalPath = "/admin/sections", NoIndex = true };
    public IReadOnlyList<TaxonomyRow> Sections { get; private set; } = [];
    [BindProperty]
    public TaxonomyForm New { get; set; } = new(null, null, null);
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    [TempData]
    public string? Notice { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await editor.CreateSectionAsync(New, User.ToStaffer()!, ct);
        if (!result.Done)
        {
            Errors = result.Errors;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Notice = result.Message;
        return Redirect("/admin/sections");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken ct)
    {
        Notice = (await editor.MoveSectionAsync(id, direction, User.ToStaffer()!, ct)).Message;
        return Redirect($"/admin/sections#section-{id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new TaxonomyRow(s.Id, s.Name, s.Slug, s.Description, db.Articles.Count(a => a.SectionId == s.Id)))
            .ToListAsync(ct);
}

/// <summary>The name, address and description fields of a section or tag form, with their errors.</summary>
public sealed record TaxonomyFields(string Title, string Prefix, TaxonomyForm Form, IReadOnlyDictionary<string, string> Errors, string Button, string PathPrefix)
{
    public string Handler => Prefix == "New" ? "Create" : "Save";
}
