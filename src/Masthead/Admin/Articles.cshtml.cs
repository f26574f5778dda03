using System.Globalization;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

public sealed record ArticleRow(int Id, string Headline, ArticleStatus Status, string Section, IReadOnlyList<string> Bylines,
    DateTime? PublishedAt, DateTime ModifiedAt, DateTime CreatedAt, int CommentCount, string Slug, bool Editable)
{
    public string Path => ArticlePaths.For(PublishedAt ?? CreatedAt, Slug);
}

/// <summary>Every story in the newsroom, by state: drafts, in review, scheduled, published, withdrawn.</summary>
public sealed class ArticlesModel(MastheadDb db) : PageModel, IHasPageHead
{
    private const int PageSize = 50;

    public PageHead Head { get; } = new() { Title = "Articles", CanonicalPath = "/admin/articles", NoIndex = true };

    /// <summary>Null: every state.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public ArticleStatus? Status { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public int? Section { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public IReadOnlyList<ArticleRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<ArticleStatus, int> Counts { get; private set; } = new Dictionary<ArticleStatus, int>();
    public IReadOnlyList<Choice> Sections { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int TotalPages { get; private set; } = 1;

    public static readonly ArticleStatus[] Tabs = [ArticleStatus.Draft, ArticleStatus.InReview, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Withdrawn];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var staffer = User.ToStaffer()!;
        Counts = await db.Articles.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        var query = db.Articles.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        if (Section is { } section)
        {
            query = query.Where(a => a.SectionId == section);
        }
        if (Mine)
        {
            var authorId = staffer.AuthorId;
            query = query.Where(a => a.OwnerId == staffer.UserId || (authorId != null && a.Bylines.Any(b => b.AuthorId == authorId)));
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            query = query.Where(a => a.Headline.Contains(term) || a.Slug.Contains(term));
        }
        TotalPages = Paged<int>.CountPages(await query.CountAsync(ct), PageSize);
        PageNumber = Math.Clamp(int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1, 1, TotalPages);
        var rows = await query.OrderByDescending(a => a.ModifiedAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.Headline, a.Status, Section = a.Section.Name, a.PublishedAt, a.ModifiedAt, a.CreatedAt, a.CommentCount, a.Slug, a.OwnerId,
            })
            .ToListAsync(ct);
        // The page's bylines in a statement of their own: joined into the page's, SQLite built the site's every byline
        // with its author's name first (0.24 s at 100,000 stories).
        var ids = rows.Select(r => r.Id).ToList();
        var bylines = (await db.Bylines.AsNoTracking().Where(b => ids.Contains(b.ArticleId)).OrderBy(b => b.Position)
            .Select(b => new { b.ArticleId, b.AuthorId, b.Author.Name }).ToListAsync(ct)).ToLookup(b => b.ArticleId);
        Rows = rows.Select(r =>
        {
            // The ownership rule needs only the owner and the bylines: a stand-in article carries them.
            var probe = new Article { Slug = r.Slug, Headline = r.Headline, Status = r.Status, OwnerId = r.OwnerId, Bylines = bylines[r.Id].Select(b => new Byline { AuthorId = b.AuthorId }).ToList() };
            return new ArticleRow(r.Id, r.Headline, r.Status, r.Section, bylines[r.Id].Select(b => b.Name).ToList(), r.PublishedAt, r.ModifiedAt, r.CreatedAt,
                r.CommentCount, r.Slug, EditorialWorkflow.CanEdit(staffer, probe));
        }).ToList();
    }

    public string Link(ArticleStatus? status, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = status?.ToString(),
            ["q"] = Search,
            ["section"] = Section?.ToString(CultureInfo.InvariantCulture),
            ["mine"] = Mine ? "true" : null,
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/articles", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
