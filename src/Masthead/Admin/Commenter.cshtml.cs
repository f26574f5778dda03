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

/// <summary>Everything one email address has said, with how it was judged: a moderator's view of a regular (or a pest).</summary>
[Authorize(Policy = StaffPolicies.Moderate)]
public sealed class CommenterModel(MastheadDb db) : PageModel, IHasPageHead
{
    private const int Limit = 500;

    public sealed record PastComment(int Id, string AuthorName, string? IpAddress, string Body, CommentStatus Status, DateTime CreatedAt, int ArticleId, string Headline, string ArticlePath);

    public PageHead Head { get; } = new() { Title = "Commenter", CanonicalPath = "/admin/comments/commenter", NoIndex = true };
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }
    public IReadOnlyList<PastComment> Comments { get; private set; } = [];
    public IReadOnlyDictionary<CommentStatus, int> Counts { get; private set; } = new Dictionary<CommentStatus, int>();
    public IReadOnlyList<string> Names { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var email = (Email ?? "").Trim().ToLowerInvariant();
        if (email.Length == 0)
        {
            return Redirect("/admin/comments");
        }
        Email = email;
        Head.Title = $"Comments from {email}";
        var mine = db.Comments.AsNoTracking().Where(c => c.AuthorEmail == email);
        Counts = await mine.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Total = Counts.Values.Sum();
        var rows = await mine.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Limit)
            .Select(c => new { c.Id, c.AuthorName, c.IpAddress, c.Body, c.Status, c.CreatedAt, c.ArticleId, c.Article.Headline, c.Article.Slug, PublishedAt = c.Article.PublishedAt ?? c.Article.CreatedAt })
            .ToListAsync(ct);
        Comments = [.. rows.Select(r => new PastComment(r.Id, r.AuthorName, r.IpAddress, r.Body, r.Status, r.CreatedAt, r.ArticleId, r.Headline, ArticlePaths.For(r.PublishedAt, r.Slug)))];
        Names = [.. rows.Select(r => r.AuthorName).Distinct(StringComparer.Ordinal)];
        return Page();
    }

    public bool Truncated => Total > Comments.Count;
}
