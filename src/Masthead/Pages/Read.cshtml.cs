using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Pages;

public sealed record SitePageView(int Id, string Title, string Slug, string BodyHtml, string BodyMarkdown, string? SeoDescription, DateTime UpdatedAt,
    string? ParentTitle, string? ParentSlug)
{
    public string Path => SitePagePaths.For(Slug, ParentSlug);
}

/// <summary>
/// A published standing page at /slug/ or /parent/slug/. The route only matches what could be a page's address
/// (<see cref="SitePageSlugConstraint"/>), so the site's own addresses always win; anything else is a 404, whose page
/// also looks up old addresses of moved pages.
/// </summary>
[OutputCache(PolicyName = SiteCache.PublicPolicy)]
[IgnoreAntiforgeryToken] // nothing is posted here; a POST is refused below rather than failing a token check
public sealed class SitePageReadModel(MastheadDb db, ArticleRenderer renderer, SiteOptions site) : PageModel, IHasPageHead
{
    private const int DescriptionLength = 160;

    public PageHead Head { get; } = new();
    public SitePageView Item { get; private set; } = null!;
    public IReadOnlyList<PageLink> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string first, string? second, CancellationToken ct)
    {
        var (slug, parentSlug) = second is null ? (first, (string?)null) : (second, first);
        var page = await db.SitePages.AsNoTracking()
            .Where(p => p.Slug == slug && p.Status == SitePageStatus.Published)
            .Select(p => new
            {
                p.Id, p.Title, p.Slug, p.BodyHtml, p.BodyMarkdown, p.SeoDescription, p.UpdatedAt,
                Parent = db.SitePages.Where(x => x.Id == p.ParentId).Select(x => new { x.Title, x.Slug }).FirstOrDefault(),
                Children = db.SitePages.Where(x => x.ParentId == p.Id && x.Status == SitePageStatus.Published)
                    .OrderBy(x => x.MenuOrder).ThenBy(x => x.Title).Select(x => new { x.Title, x.Slug }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (page is null || page.Parent?.Slug != parentSlug)
        {
            return NotFound();
        }
        Item = new SitePageView(page.Id, page.Title, page.Slug, page.BodyHtml, page.BodyMarkdown, page.SeoDescription, page.UpdatedAt, page.Parent?.Title, page.Parent?.Slug);
        Children = [.. page.Children.Select(c => new PageLink(c.Title, SitePagePaths.For(c.Slug, page.Slug)))];
        Head.Title = page.Title;
        Head.Description = page.SeoDescription ?? Describe(renderer.PlainText(page.BodyMarkdown));
        Head.CanonicalPath = Item.Path;
        var baseUrl = site.BaseUrlFor(Request);
        Head.StructuredData.Add(page.Parent is { } parent
            ? Seo.StructuredData.Breadcrumbs(baseUrl, site.Name, (parent.Title, SitePagePaths.For(parent.Slug, null)), (page.Title, Item.Path))
            : Seo.StructuredData.Breadcrumbs(baseUrl, site.Name, (page.Title, Item.Path)));
        return Page();
    }

    public IActionResult OnPost() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    /// <summary>The first words of the page, cut at a word, for search results when no description was written.</summary>
    private static string? Describe(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= DescriptionLength)
        {
            return flat.Length == 0 ? null : flat;
        }
        var cut = flat.LastIndexOf(' ', DescriptionLength);
        return flat[..(cut > 0 ? cut : DescriptionLength)] + "\u2026";
    }
}
