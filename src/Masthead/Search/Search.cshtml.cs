using System.Globalization;
using Masthead.Articles;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Masthead.Search;

[OutputCache(PolicyName = SiteCache.SearchPolicy)]
[ServiceFilter<SearchTurn>(Order = SearchTurn.Order)]
public sealed class SearchModel(ISearchIndex index, SectionDirectory sections, Data.MastheadDb db) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Search", CanonicalPath = "/search", NoIndex = true };

    // The query string's fields are read by hand (see OnGetAsync), not bound: they are plain strings, and model binding
    // was 4% of the CPU samples of a search answered from the search cache.
    public string? Query { get; private set; }
    public string? Section { get; private set; }
    public string? Author { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Sort { get; private set; }
    /// <summary>From ?page=N ("page" is also a route value that Razor Pages keeps for itself).</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    public SearchResults? Results { get; private set; }
    public IReadOnlyList<SectionLink> Sections { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];
    public string? DateProblem { get; private set; }
    /// <summary>Set when the search did not get its turn (see <see cref="SearchTurn"/>).</summary>
    public bool Busy { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Query, Section, Author, From, To, Sort) =
            (Field(Request, "q"), Field(Request, "section"), Field(Request, "author"), Field(Request, "from"), Field(Request, "to"), Field(Request, "sort"));
        Sections = await sections.AllAsync(ct);
        Query = Query?.Length > SearchText.MaxLength ? Query[..SearchText.MaxLength] : Query;
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To))?.AddDays(1);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Head.Title = $"Search: {Query}";
            var query = new SearchQuery(Query, Section, Author, from, to, Sort == "date", Math.Max(1, PageNumber));
            if (SearchTurn.Missed(HttpContext))
            {
                Busy = true;
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "5";
                return;
            }
            Results = await index.SearchAsync(query, ct);
        }
        if (Results is null || Results.Total == 0)
        {
            Latest = await db.LatestAsync(6, ct);
        }
    }

    /// <summary>
    /// A field of the query string as model binding gives a string: its first value, null when missing or blank. A
    /// request searches when its "q" has one (<see cref="SearchTurn"/> asks too).
    /// </summary>
    internal static string? Field(HttpRequest request, string name) =>
        request.Query[name] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    private DateTime? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }
        DateProblem = $"The {field.ToLowerInvariant()} date was not understood; use a date such as 2026-11-27.";
        return null;
    }

    public string PageLink(int page) => Link(Sort, page);

    /// <summary>The same search, newest first, from its first page.</summary>
    public string SortByDateLink => Link("date", 1);

    private string Link(string? sort, int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/search",
        new Dictionary<string, string?> { ["q"] = Query, ["section"] = Section, ["author"] = Author, ["from"] = From, ["to"] = To, ["sort"] = sort, ["page"] = page.ToString(CultureInfo.InvariantCulture) }
            .Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
