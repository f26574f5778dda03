using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>One tag: rename it, change its address, describe it, merge it into another, or delete it when unused.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class TagModel(MastheadDb db, TaxonomyEditor editor) : TaxonomyItemPage("tag")
{
    public override string MergeHint => $"Stories tagged {Item.Name} are tagged with the one you choose instead; {Item.Name} is removed and its address leads there.";
    public override string InUseHint => "A tag on stories cannot be deleted: merge it into another instead.";
    public override string UnusedHint => $"{Item.Name} is on no story.";

    protected override IQueryable<TaxonomyRow> AllRows => db.Tags.AsNoTracking().OrderBy(t => t.Name).AsRows(db);

    protected override Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Tags.AnyAsync(t => t.Id == id, ct);

    protected override Task<TaxonomyResult> UpdateAsync(int id, TaxonomyForm form, Staffer by, CancellationToken ct) =>
        editor.UpdateTagAsync(id, form, by, ct);

    protected override Task<TaxonomyResult> MergeAsync(int id, int into, Staffer by, CancellationToken ct) =>
        editor.MergeTagAsync(id, into, by, ct);

    protected override Task<TaxonomyResult> DeleteAsync(int id, Staffer by, CancellationToken ct) =>
        editor.DeleteTagAsync(id, by, ct);
}
