using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

public sealed record AuthorProfile(string Slug, string Name, string JobTitle, string Bio, ImageView? Photo)
{
    public string Path => $"/author/{Slug}/";
}

[OutputCache(PolicyName = SiteCache.PublicPolicy)]
public sealed class AuthorPageModel(MastheadDb db, SiteOptions site) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { OpenGraphType = "profile" };
    public AuthorProfile Author { get; private set; } = null!;
    public Paged<ArticleCard> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int pageNumber = 1, CancellationToken ct = default)
    {
        var author = await db.Authors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new AuthorProfile(a.Slug, a.Name, a.JobTitle, a.Bio, a.Image == null || a.Image.Width == 0 ? null
                : new ImageView(a.Image.FileName, a.Image.Width, a.Image.Height, a.Image.AltText, a.Image.Caption, a.Image.Credit, a.Image.Widths)))
            .FirstOrDefaultAsync(ct);
        var page = author is null ? null
            : await db.Articles.AsNoTracking().Public().Where(a => a.Bylines.Any(b => b.Author.Slug == slug)).PageAsync(pageNumber, site.PageSize, author.Path, ct,
                counted: db.Articles.AsNoTracking().Public().BylinedTo(db, slug));
        if (author is null || page is null)
        {
            return NotFound();
        }
        (Author, Articles) = (author, page);
        Head.Title = pageNumber == 1 ? author.Name : $"{author.Name}, page {pageNumber}";
        Head.Description = string.IsNullOrWhiteSpace(author.Bio) ? $"Stories by {author.Name}." : author.Bio;
        Head.CanonicalPath = page.PathOf(pageNumber);
        Head.FeedPath = author.Path;
        Head.ImagePath = author.Photo?.Url;
        (Head.PrevPath, Head.NextPath) = (page.PrevPath, page.NextPath);
        return Page();
    }
}
