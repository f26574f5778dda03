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
    public Paged<ArticleCard> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int pageNumber = 1, CancellationToken ct = default)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new TagLink(t.Slug, t.Name)).FirstOrDefaultAsync(ct);
        var page = tag is null ? null
            : await db.Articles.AsNoTracking().Public().Where(a => a.Tags.Any(t => t.Slug == slug)).PageAsync(pageNumber, site.PageSize, tag.Path, ct);
        if (tag is null || page is null)
        {
            return NotFound();
        }
        (Tag, Articles) = (tag, page);
        Head.Title = pageNumber == 1 ? tag.Name : $"{tag.Name}, page {pageNumber}";
        Head.Description = $"Stories tagged {tag.Name} from {site.Name}.";
        Head.CanonicalPath = page.PathOf(pageNumber);
        Head.FeedPath = tag.Path;
        (Head.PrevPath, Head.NextPath) = (page.PrevPath, page.NextPath);
        return Page();
    }
}
