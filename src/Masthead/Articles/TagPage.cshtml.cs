using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

[OutputCache(PolicyName = SiteCache.PublicPolicy)]
public sealed class TagPageModel(MastheadDb db, SiteOptions site) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new();
    public TagLink Tag { get; private set; } = null!;
    /// <summary>The editors' note on what the tag covers; empty when they wrote none.</summary>
    public string Description { get; private set; } = "";
    public Paged<ArticleCard> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int pageNumber = 1, CancellationToken ct = default)
    {
        var found = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, Link = new TagLink(t.Slug, t.Name), t.Description }).FirstOrDefaultAsync(ct);
        var tag = found?.Link;
        var page = tag is null ? null
            : await db.Articles.AsNoTracking().Public().Where(a => a.Tags.Any(t => t.Slug == slug)).PageAsync(pageNumber, site.PageSize, tag.Path, ct,
                counted: db.Articles.AsNoTracking().Public().TaggedWith(db, found!.Id));
        if (tag is null || page is null)
        {
            // A renamed or merged one's old address leads to where its stories are now.
            return tag is null && await TaxonomyEditor.RedirectTargetAsync(db, Request.Path.Value ?? "", ct) is { } moved
                ? RedirectPermanent(moved + Request.QueryString)
                : NotFound();
        }
        (Tag, Articles, Description) = (tag, page, found!.Description);
        Head.Title = pageNumber == 1 ? tag.Name : $"{tag.Name}, page {pageNumber}";
        Head.Description = string.IsNullOrWhiteSpace(Description) ? $"Stories tagged {tag.Name} from {site.Name}." : Description;
        Head.CanonicalPath = page.PathOf(pageNumber);
        Head.FeedPath = tag.Path;
        (Head.PrevPath, Head.NextPath) = (page.PrevPath, page.NextPath);
        return Page();
    }
}
