using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>One section: rename it, change its address, describe it, merge it into another, or delete it when empty.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class SectionModel(MastheadDb db, TaxonomyEditor editor) : TaxonomyItemPage("section")
{
    public override string MergeHint => $"Every story in {Item.Name} moves to the section you choose; {Item.Name} is removed and its address leads there.";
    public override string InUseHint => "A section with stories cannot be deleted: merge it into another instead.";
    public override string UnusedHint => $"{Item.Name} has no stories.";

    protected override IQueryable<TaxonomyRow> AllRows => TaxonomyRows.Sections(db);

    protected override Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Sections.AnyAsync(s => s.Id == id, ct);

    protected override Task<TaxonomyResult> UpdateAsync(int id, TaxonomyForm form, Staffer by, CancellationToken ct) =>
        editor.UpdateSectionAsync(id, form, by, ct);

    protected override Task<TaxonomyResult> MergeAsync(int id, int into, Staffer by, CancellationToken ct) =>
        editor.MergeSectionAsync(id, into, by, ct);

    protected override Task<TaxonomyResult> DeleteAsync(int id, Staffer by, CancellationToken ct) =>
        editor.DeleteSectionAsync(id, by, ct);
}
