using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

public sealed record TaxonomyRow(int Id, string Name, string Slug, string Description, int Stories);

/// <summary>The name, address and description fields of a section or tag form, with their errors.</summary>
public sealed record TaxonomyFields(string Title, string Prefix, TaxonomyForm Form, IReadOnlyDictionary<string, string> Errors, string Button, string PathPrefix)
{
    public string Handler => Prefix == "New" ? "Create" : "Save";
}

/// <summary>Sections and tags as the desk lists them, with their story counts.</summary>
public static class TaxonomyRows
{
    /// <summary>Every section, in navigation order.</summary>
    public static IQueryable<TaxonomyRow> Sections(MastheadDb db) =>
        db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new TaxonomyRow(s.Id, s.Name, s.Slug, s.Description, db.Articles.Count(a => a.SectionId == s.Id)));

    /// <summary>The tags with their story counts (see <see cref="TagStories"/>).</summary>
    public static IQueryable<TaxonomyRow> AsRows(this IQueryable<Tag> tags, MastheadDb db) =>
        tags.Select(t => new TaxonomyRow(t.Id, t.Name, t.Slug, t.Description, db.ArticleTags.Count(at => EF.Property<int>(at, MastheadDb.ArticleTagsTagId) == t.Id)));
}

/// <summary>
/// The list of sections or of tags, with the form that creates one. <paramref name="noun"/> ("section", "tag") names
/// the kind and its addresses: /admin/sections lists sections, /section/slug/ is one section's public page.
/// </summary>
public abstract class TaxonomyListPage(string noun) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = TaxonomyItemPage.Capitalised(noun) + "s", CanonicalPath = $"/admin/{noun}s", NoIndex = true };
    public IReadOnlyList<TaxonomyRow> Rows { get; private set; } = [];
    [BindProperty]
    public TaxonomyForm New { get; set; } = new(null, null, null);
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await CreateAsync(New, User.ToStaffer()!, ct);
        if (!result.Done)
        {
            Errors = result.Errors;
            Rows = await ListAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Notice = result.Message;
        return Redirect($"/admin/{noun}s");
    }

    protected abstract Task<IReadOnlyList<TaxonomyRow>> ListAsync(CancellationToken ct);
    protected abstract Task<TaxonomyResult> CreateAsync(TaxonomyForm form, Staffer by, CancellationToken ct);
}

/// <summary>
/// One section or tag: rename it, change its address, describe it, merge it into another, or delete it when it has no
/// stories. The kind supplies its rows, its rules (from <see cref="TaxonomyEditor"/>) and the sentences that differ.
/// </summary>
public abstract class TaxonomyItemPage(string noun) : DeskItemPage(Capitalised(noun))
{
    public TaxonomyRow Item { get; private set; } = null!;
    public IReadOnlyList<TaxonomyRow> Others { get; private set; } = [];
    [BindProperty]
    public TaxonomyForm Edit { get; set; } = new(null, null, null);
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>"section" or "tag".</summary>
    public string Noun => noun;
    public string ListPath => $"/admin/{noun}s";
    public string ListTitle => Capitalised(noun) + "s";
    /// <summary>Where the public pages of this kind live: "/section/".</summary>
    public string PublicPrefix => $"/{noun}/";
    public abstract string MergeHint { get; }
    public abstract string InUseHint { get; }
    public abstract string UnusedHint { get; }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        ActAsync(id, by => UpdateAsync(id, Edit, by, ct), $"{ListPath}/{id}", ct);

    public Task<IActionResult> OnPostMergeAsync(int id, int into, CancellationToken ct) =>
        ActAsync(id, by => MergeAsync(id, into, by, ct), ListPath, ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        ActAsync(id, by => DeleteAsync(id, by, ct), ListPath, ct);

    /// <summary>Every one of this kind, in the order the merge list offers them.</summary>
    protected abstract IQueryable<TaxonomyRow> AllRows { get; }
    protected abstract Task<bool> ExistsAsync(int id, CancellationToken ct);
    protected abstract Task<TaxonomyResult> UpdateAsync(int id, TaxonomyForm form, Staffer by, CancellationToken ct);
    protected abstract Task<TaxonomyResult> MergeAsync(int id, int into, Staffer by, CancellationToken ct);
    protected abstract Task<TaxonomyResult> DeleteAsync(int id, Staffer by, CancellationToken ct);

    protected override void FillForm() => Edit = new TaxonomyForm(Item.Name, Item.Slug, Item.Description);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var all = await AllRows.ToListAsync(ct);
        if (all.FirstOrDefault(r => r.Id == id) is not { } item)
        {
            return false;
        }
        (Item, Others) = (item, [.. all.Where(r => r.Id != id)]);
        Head.Title = $"{Capitalised(noun)}: {item.Name}";
        Head.CanonicalPath = $"{ListPath}/{id}";
        return true;
    }

    internal static string Capitalised(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..];

    private async Task<IActionResult> ActAsync(int id, Func<Staffer, Task<TaxonomyResult>> change, string then, CancellationToken ct)
    {
        if (!await ExistsAsync(id, ct))
        {
            return NotFound();
        }
        var result = await change(User.ToStaffer()!);
        if (result.Done)
        {
            Notice = result.Message;
            return Redirect(then);
        }
        Errors = result.Errors;
        return await ShowAgainAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
    }
}
