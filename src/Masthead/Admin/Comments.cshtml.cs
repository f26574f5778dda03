using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

public sealed record QueuedComment(int Id, string AuthorName, string AuthorEmail, string? AuthorUrl, string? IpAddress, string Body,
    CommentStatus Status, DateTime CreatedAt, string? FilterReason, int ArticleId, string Headline, string Slug, DateTime PublishedAt)
{
    public string ArticlePath => ArticlePaths.For(PublishedAt, Slug);
}

/// <summary>The moderation queue: filter by status, article and text; approve, mark spam, trash or hold, one or many at once.</summary>
[Authorize(Policy = StaffPolicies.Moderate)]
public sealed class CommentsModel(MastheadDb db, CommentModerator moderator) : PageModel, IHasPageHead
{
    private const int PageSize = 50;

    public PageHead Head { get; } = new() { Title = "Comments", CanonicalPath = "/admin/comments", NoIndex = true };

    [BindProperty(SupportsGet = true)]
    public CommentStatus Status { get; set; } = CommentStatus.Pending;
    [BindProperty(SupportsGet = true)]
    public int? Article { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }
    /// <summary>From ?page=N, read by hand: "page" is a route value that Razor Pages keeps for itself.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<QueuedComment> Comments { get; private set; } = [];
    public IReadOnlyDictionary<CommentStatus, int> Counts { get; private set; } = new Dictionary<CommentStatus, int>();
    public int TotalPages { get; private set; } = 1;
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.Comments.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var query = db.Comments.AsNoTracking().Where(c => c.Status == Status);
        if (Article is { } articleId)
        {
            query = query.Where(c => c.ArticleId == articleId);
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            query = query.Where(c => c.Body.Contains(term) || c.AuthorName.Contains(term) || c.AuthorEmail.Contains(term) || (c.IpAddress != null && c.IpAddress == term));
        }
        TotalPages = Paged<int>.CountPages(await query.CountAsync(ct), PageSize);
        PageNumber = Math.Clamp(RequestedPage(), 1, TotalPages);
        Comments = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new QueuedComment(c.Id, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.IpAddress, c.Body, c.Status, c.CreatedAt,
                c.FilterReason, c.ArticleId, c.Article.Headline, c.Article.Slug, c.Article.PublishedAt ?? c.Article.CreatedAt))
            .ToListAsync(ct);
    }

    private string BackToQueue() => QueueLink(PageNumber);

    private int RequestedPage() =>
        int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    /// <summary>The queue as it is filtered, at a page ("page" cannot be a route value: Razor Pages owns it).</summary>
    public string QueueLink(int page)
    {
        var query = new Dictionary<string, string?> { ["status"] = Status.ToString(), ["q"] = Search, ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null };
        if (Article is { } article)
        {
            query["article"] = article.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/comments", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>One form posts both the per-comment buttons (action=approve:ID) and the bulk ones (action=approve with ids).</summary>
    public async Task<IActionResult> OnPostAsync(string action, int[] ids, CancellationToken ct)
    {
        PageNumber = RequestedPage();
        var parts = (action ?? "").Split(':', 2);
        if (!Enum.TryParse<CommentStatus>(parts[0], ignoreCase: true, out var status) || !Enum.IsDefined(status))
        {
            Notice = "Choose what to do with the comments.";
            return Redirect(BackToQueue());
        }
        IReadOnlyCollection<int> targets = parts.Length == 2 && int.TryParse(parts[1], out var single) ? [single] : ids;
        if (targets.Count == 0)
        {
            Notice = "Select at least one comment.";
            return Redirect(BackToQueue());
        }
        var changed = await moderator.SetStatusAsync(targets, status, User.ToStaffer(), ct);
        Notice = $"{changed} {(changed == 1 ? "comment" : "comments")} moved to {status.ToString().ToLowerInvariant()}.";
        return Redirect(BackToQueue());
    }
}
