using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>Every tag with its story count, most used first or by name; create a tag.</summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class TagsModel(MastheadDb db, TaxonomyEditor editor) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Tags", CanonicalPath = "/admin/tags", NoIndex = true };
    public IReadOnlyList<TaxonomyRow> Tags { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }
    [BindProperty]
    public TaxonomyForm New { get; set; } = new(null, null, null);
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    [TempData]
    public string? Notice { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await editor.CreateTagAsync(New, User.ToStaffer()!, ct);
        if (!result.Done)
        {
            Errors = result.Errors;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Notice = result.Message;
        return Redirect("/admin/tags");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var tags = db.Tags.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            tags = tags.Where(t => t.Name.Contains(term) || t.Slug.Contains(term));
        }
        Tags = await tags.OrderByDescending(t => t.Articles.Count).ThenBy(t => t.Name).Take(500)
            .Select(t => new TaxonomyRow(t.Id, t.Name, t.Slug, t.Description, t.Articles.Count)).ToListAsync(ct);
    }
}
