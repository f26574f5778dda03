using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

public sealed record SectionBlock(SectionLink Section, IReadOnlyList<ArticleCard> Articles);

[OutputCache(PolicyName = SiteCache.PublicPolicy)]
public sealed class FrontPageModel(MastheadDb db, SiteOptions site, SiteClock clock, SectionDirectory sections) : PageModel, IHasPageHead
{
    /// <summary>Stories at the top of the page (the lead and the latest) that the paged list below leaves out.</summary>
    private const int TopStories = 7;
    private const int PerSection = 4;

    public PageHead Head { get; } = new();
    public ArticleCard? Lead { get; private set; }
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];
    public IReadOnlyList<SectionBlock> SectionBlocks { get; private set; } = [];
    public IReadOnlyList<ArticleCard> MostCommented { get; private set; } = [];
    public Paged<ArticleCard> More { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        var more = await db.Articles.AsNoTracking().Public().PageAsync(pageNumber, site.PageSize, "/", ct, offset: TopStories);
        if (more is null)
        {
            return NotFound();
        }
        More = more;
        Head.Title = pageNumber == 1 ? site.Name : $"Latest stories, page {pageNumber}";
        Head.CanonicalPath = more.PathOf(pageNumber);
        Head.PrevPath = more.PrevPath;
        Head.NextPath = more.NextPath;
        if (pageNumber > 1)
        {
            return Page();
        }

        var top = await db.LatestAsync(TopStories, ct);
        Lead = top.FirstOrDefault(a => a.ImageUrl is not null) ?? top.FirstOrDefault();
        Latest = top.Where(a => a != Lead).ToList();
        Head.ImagePath = Lead?.ImageUrl;

        var perSection = await db.NewestPerSection(PerSection).AsNoTracking().ToCards().ToListAsync(ct);
        SectionBlocks = (await sections.AllAsync(ct))
            .Select(s => new SectionBlock(s, perSection.Where(a => a.SectionSlug == s.Slug).OrderByDescending(a => a.PublishedAt).ToList()))
            .Where(b => b.Articles.Count > 0)
            .ToList();

        var since = clock.UtcNow.AddDays(-30);
        MostCommented = await db.Articles.AsNoTracking().Public()
            .Where(a => a.PublishedAt >= since && a.CommentCount > 0)
            .OrderByDescending(a => a.CommentCount).ThenByDescending(a => a.PublishedAt)
            .Take(5).ToCards().ToListAsync(ct);
        return Page();
    }
}
