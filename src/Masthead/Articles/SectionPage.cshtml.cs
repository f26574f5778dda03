using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

[OutputCache(PolicyName = SiteCache.PublicPolicy)]
public sealed class SectionPageModel(MastheadDb db, SiteOptions site, SectionDirectory sections) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new();
    public SectionLink Section { get; private set; } = null!;
    public Paged<ArticleCard> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int pageNumber = 1, CancellationToken ct = default)
    {
        var section = (await sections.AllAsync(ct)).FirstOrDefault(s => s.Slug == slug);
        var page = section is null ? null
            : await db.Articles.AsNoTracking().Public().Where(a => a.SectionId == section.Id).PageAsync(pageNumber, site.PageSize, section.Path, ct);
        if (section is null || page is null)
        {
            // A renamed or merged one's old address leads to where its stories are now.
            return section is null && await TaxonomyEditor.RedirectTargetAsync(db, Request.Path.Value ?? "", ct) is { } moved
                ? RedirectPermanent(moved + Request.QueryString)
                : NotFound();
        }
        (Section, Articles) = (section, page);
        Head.Title = pageNumber == 1 ? section.Name : $"{section.Name}, page {pageNumber}";
        Head.Description = string.IsNullOrWhiteSpace(section.Description) ? null : section.Description;
        Head.CanonicalPath = page.PathOf(pageNumber);
        Head.FeedPath = section.Path;
        var baseUrl = site.BaseUrlFor(Request);
        Head.StructuredData.Add(Seo.StructuredData.Breadcrumbs(baseUrl, site.Name, (section.Name, section.Path)));
        (Head.PrevPath, Head.NextPath) = (page.PrevPath, page.NextPath);
        return Page();
    }
}
