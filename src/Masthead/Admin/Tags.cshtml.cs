using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>Every tag with its story count, most used first or by name; create a tag.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class TagsModel(MastheadDb db, TaxonomyEditor editor) : TaxonomyListPage("tag")
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    protected override async Task<IReadOnlyList<TaxonomyRow>> ListAsync(CancellationToken ct)
    {
        var tags = db.Tags.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            tags = tags.Where(t => t.Name.Contains(term) || t.Slug.Contains(term));
        }
        return await tags.OrderByDescending(TagStories.Count(db)).ThenBy(t => t.Name).Take(500).AsRows(db).ToListAsync(ct);
    }

    protected override Task<TaxonomyResult> CreateAsync(TaxonomyForm form, Staffer by, CancellationToken ct) =>
        editor.CreateTagAsync(form, by, ct);
}
