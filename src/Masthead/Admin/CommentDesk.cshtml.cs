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
public sealed class CommentDeskModel(MastheadDb db, CommentModerator moderator) : DeskItemPage("Comment")
{
    public sealed record Details(int Id, int? ParentId, string AuthorName, string AuthorEmail, string? IpAddress, string Body, string BodyHtml,
        CommentStatus Status, DateTime CreatedAt, DateTime? EditedAt, bool Staff, int ArticleId, string Headline, string ArticlePath, string? ParentAuthor);

    public Details Comment { get; private set; } = null!;
    [BindProperty]
    public string? Body { get; set; }
    [BindProperty]
    public string? Reply { get; set; }
    public string? BodyError { get; private set; }
    public string? ReplyError { get; private set; }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await moderator.EditAsync(id, Body, User.ToStaffer()!, ct), fromReply: false, ct);

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct)
    {
        var staffer = User.ToStaffer()!;
        var email = await db.Users.Where(u => u.Id == staffer.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
        return await AnswerAsync(id, await moderator.ReplyAsync(id, Reply, staffer, email, ct), fromReply: true, ct);
    }

    /// <summary>Back to the comment after a change, or the page again with the refusal beside the form that was sent.</summary>
    private async Task<IActionResult> AnswerAsync(int id, CommentEdit result, bool fromReply, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case CommentEditOutcome.NotFound:
                return NotFound();
            case CommentEditOutcome.Invalid:
                if (fromReply)
                {
                    ReplyError = result.Message;
                }
                else
                {
                    BodyError = result.Message;
                }
                // A refused reply shows the comment's text as stored; a refused correction keeps what was typed.
                return await ShowAgainAsync(id, StatusCodes.Status422UnprocessableEntity, ct, refill: fromReply);
            default:
                Notice = result.Message;
                return Redirect($"/admin/comments/{id}");
        }
    }

    protected override void FillForm() => Body = Comment.Body;

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
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
