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

/// <summary>One comment at the moderator's desk: its text to correct, and a reply to post as staff.</summary>
[Authorize(Policy = StaffPolicies.Moderate)]
public sealed class CommentDeskModel(MastheadDb db, CommentModerator moderator) : PageModel, IHasPageHead
{
    public sealed record Details(int Id, int? ParentId, string AuthorName, string AuthorEmail, string? IpAddress, string Body, string BodyHtml,
        CommentStatus Status, DateTime CreatedAt, DateTime? EditedAt, bool Staff, int ArticleId, string Headline, string ArticlePath, string? ParentAuthor);

    public PageHead Head { get; } = new() { Title = "Comment", NoIndex = true };
    public Details Comment { get; private set; } = null!;
    [BindProperty]
    public string? Body { get; set; }
    [BindProperty]
    public string? Reply { get; set; }
    public string? BodyError { get; private set; }
    public string? ReplyError { get; private set; }
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Body = Comment.Body;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        var result = await moderator.EditAsync(id, Body, User.ToStaffer()!, ct);
        switch (result.Outcome)
        {
            case CommentEditOutcome.NotFound:
                return NotFound();
            case CommentEditOutcome.Invalid:
                await LoadAsync(id, ct);
                BodyError = result.Message;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                Notice = result.Message;
                return Redirect($"/admin/comments/{id}");
        }
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct)
    {
        var staffer = User.ToStaffer()!;
        var email = await db.Users.Where(u => u.Id == staffer.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
        var result = await moderator.ReplyAsync(id, Reply, staffer, email, ct);
        switch (result.Outcome)
        {
            case CommentEditOutcome.NotFound:
                return NotFound();
            case CommentEditOutcome.Invalid:
                await LoadAsync(id, ct);
                Body = Comment.Body;
                ReplyError = result.Message;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                Notice = result.Message;
                return Redirect($"/admin/comments/{id}");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.ParentId, c.AuthorName, c.AuthorEmail, c.IpAddress, c.Body, c.BodyHtml, c.Status, c.CreatedAt, c.EditedAt, c.StaffUserId,
                c.ArticleId, c.Article.Headline, c.Article.Slug, PublishedAt = c.Article.PublishedAt ?? c.Article.CreatedAt,
                ParentAuthor = db.Comments.Where(p => p.Id == c.ParentId).Select(p => p.AuthorName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }
        Comment = new Details(found.Id, found.ParentId, found.AuthorName, found.AuthorEmail, found.IpAddress, found.Body, found.BodyHtml, found.Status,
            found.CreatedAt, found.EditedAt, found.StaffUserId is not null, found.ArticleId, found.Headline, ArticlePaths.For(found.PublishedAt, found.Slug), found.ParentAuthor);
        Head.Title = $"Comment by {found.AuthorName}";
        Head.CanonicalPath = $"/admin/comments/{id}";
        return true;
    }
}
