using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>Every saved state of a story, a readable comparison of any two, and restoring one (as a new save).</summary>
public sealed class ArticleRevisionsPageModel(EditorialWorkflow workflow, ArticleRevisions revisions) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Revisions", NoIndex = true };
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];
    public RevisionDiff? Diff { get; private set; }
    public bool CanRestore { get; private set; }
    [TempData]
    public string? Notice { get; set; }
    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }
    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (Revisions.Count >= 2)
        {
            var to = Revisions.FirstOrDefault(r => r.Number == To) ?? Revisions[0];
            var from = Revisions.FirstOrDefault(r => r.Number == From) ?? Revisions.FirstOrDefault(r => r.Number < to.Number) ?? to;
            From = from.Number;
            To = to.Number;
            Diff = ArticleRevisions.Compare(from, to);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (!CanRestore)
        {
            return Forbid();
        }
        var outcome = await workflow.RestoreAsync(Article, number, User.ToStaffer()!, ct);
        if (!outcome.Succeeded)
        {
            Problem = "Revision " + number + " could not be restored: " + string.Join(" ", outcome.Errors.Values);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(id, ct);
            return Page();
        }
        Notice = $"Revision {number} restored as a new revision.";
        return Redirect($"/admin/articles/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var staffer = User.ToStaffer();
        if (staffer is null)
        {
            return Challenge();
        }
        var article = await workflow.FindAsync(id, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!EditorialWorkflow.CanEdit(staffer, article))
        {
            return Forbid();
        }
        Article = article;
        CanRestore = EditorialWorkflow.AllowedActions(staffer, article).Contains(EditorialAction.Save);
        Revisions = await revisions.ListAsync(id, ct);
        Head.Title = $"Revisions: {article.Headline}";
        Head.CanonicalPath = $"/admin/articles/{id}/revisions";
        return null;
    }
}
