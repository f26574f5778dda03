using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>The sections in navigation order, with their story counts: create one, or move one up or down.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class SectionsModel(MastheadDb db, TaxonomyEditor editor) : TaxonomyListPage("section")
{
    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken ct)
    {
        Notice = (await editor.MoveSectionAsync(id, direction, User.ToStaffer()!, ct)).Message;
        return Redirect($"/admin/sections#section-{id}");
    }

    protected override async Task<IReadOnlyList<TaxonomyRow>> ListAsync(CancellationToken ct) =>
        await TaxonomyRows.Sections(db).ToListAsync(ct);

    protected override Task<TaxonomyResult> CreateAsync(TaxonomyForm form, Staffer by, CancellationToken ct) =>
        editor.CreateSectionAsync(form, by, ct);
}
