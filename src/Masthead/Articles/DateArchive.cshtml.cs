using System.Globalization;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>Stories from one year, month or day: /2026/, /2026/11/, /2026/11/27/. Days are UTC days, as in article URLs.</summary>
[OutputCache(PolicyName = SiteCache.PublicPolicy)]
public sealed class DateArchiveModel(MastheadDb db, SiteOptions site) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new();
    public string Title { get; private set; } = "";
    public Paged<ArticleCard> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int? month, int? day, int pageNumber = 1, CancellationToken ct = default)
    {
        if (!TryRange(year, month, day, out var from, out var to, out var title, out var basePath))
        {
            return NotFound();
        }
        var (fromUtc, toUtc) = (DateTime.SpecifyKind(from, DateTimeKind.Utc), DateTime.SpecifyKind(to, DateTimeKind.Utc));
        var page = await db.Articles.AsNoTracking().Public()
            .Where(a => a.PublishedAt >= fromUtc && a.PublishedAt < toUtc)
            .PageAsync(pageNumber, site.PageSize, basePath, ct);
        if (page is null || page.TotalItems == 0)
        {
            return NotFound();
        }
        (Title, Articles) = (title, page);
        Head.Title = pageNumber == 1 ? title : $"{title}, page {pageNumber}";
        Head.Description = $"Stories published {title}.";
        Head.CanonicalPath = page.PathOf(pageNumber);
        (Head.PrevPath, Head.NextPath) = (page.PrevPath, page.NextPath);
        return Page();
    }

    private static bool TryRange(int year, int? month, int? day, out DateTime from, out DateTime to, out string title, out string basePath)
    {
        (from, to, title, basePath) = (default, default, "", "");
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            return false;
        }
        var culture = CultureInfo.GetCultureInfo("en-GB");
        if (day is { } d)
        {
            from = new DateTime(year, month!.Value, d);
            (to, title, basePath) = (from.AddDays(1), from.ToString("d MMMM yyyy", culture), $"/{year:D4}/{month:D2}/{d:D2}/");
        }
        else if (month is { } m)
        {
            from = new DateTime(year, m, 1);
            (to, title, basePath) = (from.AddMonths(1), from.ToString("MMMM yyyy", culture), $"/{year:D4}/{m:D2}/");
        }
        else
        {
            from = new DateTime(year, 1, 1);
            (to, title, basePath) = (from.AddYears(1), year.ToString(CultureInfo.InvariantCulture), $"/{year:D4}/");
        }
        return true;
    }
}
