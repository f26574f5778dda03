using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

public sealed record Choice(int Id, string Label);

/// <summary>What the editor's preview shows: the story's header as typed and its body as readers will get it.</summary>
public sealed record StoryPreview(string? Section, string Headline, string Standfirst, IReadOnlyList<string> Byline, string? Dateline, string BodyHtml);

/// <summary>
/// The editor: every field of a story, a preview rendered by the public page's renderer, and the workflow buttons
/// the person's role allows. Plain form posts; editor.js adds live preview, autosave and the unsaved-changes warning.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ArticleEditorModel(MastheadDb db, EditorialWorkflow workflow, ArticleRevisions revisions, ArticleRenderer renderer, SiteClock clock, Media.MediaLibrary media) : PageModel, IHasPageHead
{
    /// <summary>A story with a new picture; larger pictures go through the media library page.</summary>
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    public PageHead Head { get; } = new() { Title = "New story", CanonicalPath = "/admin/articles/new", NoIndex = true };

    [BindProperty]
    public ArticleEdit Edit { get; set; } = new();
    /// <summary>The revision the form was opened at, so a save over someone else's is caught.</summary>
    [BindProperty]
    public int? BaseRevision { get; set; }
    [BindProperty]
    public string? ReviewNote { get; set; }
    [BindProperty]
    public string? CorrectionNote { get; set; }
    [BindProperty]
    public string? WithdrawalNote { get; set; }
    [BindProperty]
    public bool MinorEdit { get; set; }
    /// <summary>datetime-local values, in the site's time zone.</summary>
    [BindProperty]
    public string? PublishAt { get; set; }
    [BindProperty]
    public string? UnpublishAt { get; set; }
    /// <summary>A new featured picture uploaded with the story (into the media library), with its description.</summary>
    [BindProperty]
    public IFormFile? NewImage { get; set; }
    [BindProperty]
    public string? NewImageAlt { get; set; }
    [BindProperty]
    public string? NewImageCredit { get; set; }

    public Article? Article { get; private set; }
    public Staffer Staffer { get; private set; } = null!;
    public IReadOnlyList<EditorialAction> Actions { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public string? Problem { get; private set; }
    [TempData]
    public string? Notice { get; set; }
    public StoryPreview? Preview { get; private set; }

    public IReadOnlyList<Choice> Sections { get; private set; } = [];
    public IReadOnlyList<Choice> Authors { get; private set; } = [];
    public IReadOnlyList<Choice> Sources { get; private set; } = [];
    public IReadOnlyList<Choice> ReadAlsoChoices { get; private set; } = [];
    public IReadOnlyList<string> PopularTags { get; private set; } = [];
    public Masthead.Media.Image? Image { get; private set; }
    public IReadOnlyList<ArticleCorrection> Corrections { get; private set; } = [];

    public string FormAction => Article is null ? "/admin/articles/new" : $"/admin/articles/{Article.Id}";
    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (Article is not null)
        {
            Edit = ToEdit(Article);
            BaseRevision = await revisions.LatestNumberAsync(Article.Id, ct);
            PublishAt = Article is { Status: ArticleStatus.Scheduled, PublishedAt: { } at } ? clock.LocalInput(at) : null;
            UnpublishAt = Article.UnpublishAt is { } until ? clock.LocalInput(until) : null;
            ReviewNote = Article.ReviewNote;
        }
        else if (Staffer.AuthorId is { } own)
        {
            Edit.AuthorIds = [own];
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (string.Equals(action, "preview", StringComparison.OrdinalIgnoreCase))
        {
            // Without JavaScript: the same page back, unsaved, with the preview filled in.
            Preview = await PreviewAsync(ct);
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (!Enum.TryParse<EditorialAction>(action, ignoreCase: true, out var chosen) || chosen == EditorialAction.Autosave)
        {
            chosen = EditorialAction.Save;
        }
        var isNew = Article is null;
        if (NewImage is { Length: > 0 } upload)
        {
            await using var stream = upload.OpenReadStream();
            var uploaded = await media.UploadAsync(stream, upload.FileName, Staffer.UserId, new Media.ImageDetails(NewImageAlt?.Trim() ?? "", "", NewImageCredit?.Trim() ?? ""), ct);
            if (uploaded.Image is null)
            {
                Errors = new Dictionary<string, string> { ["ImageId"] = uploaded.Error ?? "The picture could not be added." };
                Problem = "The story was not saved: the picture was refused.";
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                await LoadChoicesAsync(ct);
                return Page();
            }
            Edit.ImageId = uploaded.Image.Id;
            ModelState.Remove("Edit.ImageId");
        }
        var outcome = await SaveAsync(chosen, ct);
        if (!outcome.Succeeded && NewImage is { Length: > 0 } && Edit.ImageId is { } orphan && Article?.ImageId != orphan)
        {
            // Nothing of a refused save stays behind, the picture that came with it included.
            await media.DeleteAsync(orphan, Staffer, ct);
            Edit.ImageId = null;
        }
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            Problem = outcome.Errors.GetValueOrDefault("") ?? (isNew && Article is not null
                ? "Saved as a draft, but not yet done: see the messages beside the fields."
                : "The story was not saved: see the messages beside the fields.");
            Response.StatusCode = outcome.Result switch
            {
                WorkflowResult.NotAllowed => StatusCodes.Status403Forbidden,
                WorkflowResult.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
            if (Article is not null)
            {
                // The tracked copy was cleared: show the stored state around the person's unsaved fields.
                Article = await workflow.FindAsync(Article.Id, ct);
            }
            await LoadChoicesAsync(ct);
            return Page();
        }
        Notice = outcome.Result switch
        {
            WorkflowResult.Submitted => "Submitted for review: an editor will see it on the dashboard.",
            WorkflowResult.ReturnedToDraft => "Returned to its writer as a draft.",
            WorkflowResult.Scheduled => $"Scheduled for {clock.Long(outcome.Article!.PublishedAt!.Value)}.",
            WorkflowResult.Unscheduled => "No longer scheduled: it is a draft again.",
            WorkflowResult.Published => "Published: readers can see it now.",
            WorkflowResult.Updated => "Updated: readers see the new version now.",
            WorkflowResult.Withdrawn => "Withdrawn: readers now get a notice that it was taken down.",
            _ => "Saved.",
        };
        return Redirect($"/admin/articles/{outcome.Article!.Id}");
    }

    /// <summary>Autosave from editor.js: saves a draft without changing its state; creates it on the first one.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (Article is not null && !Actions.Contains(EditorialAction.Autosave))
        {
            return new JsonResult(new { saved = false, message = "Autosave is off for stories readers can see: save your changes yourself." }) { StatusCode = StatusCodes.Status409Conflict };
        }
        var outcome = await SaveAsync(EditorialAction.Autosave, ct);
        if (!outcome.Succeeded)
        {
            return new JsonResult(new { saved = false, message = outcome.Errors.Values.FirstOrDefault() ?? "Not saved.", errors = outcome.Errors })
            {
                StatusCode = outcome.Result == WorkflowResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            };
        }
        var article = outcome.Article!;
        var revision = await revisions.LatestNumberAsync(article.Id, ct);
        return new JsonResult(new { saved = true, id = article.Id, revision, url = $"/admin/articles/{article.Id}", savedAt = clock.Long(clock.UtcNow) });
    }

    /// <summary>The live preview: the body and header as the public page renders them.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        return Partial("_StoryPreview", await PreviewAsync(ct));
    }

    /// <summary>Tag names starting with what is typed, most used first (for the tag field's suggestions).</summary>
    public async Task<IActionResult> OnGetTagsAsync(string? q, CancellationToken ct)
    {
        var term = (q ?? "").Trim();
        var query = db.Tags.AsNoTracking();
        if (term.Length > 0)
        {
            var slug = Slugs.From(term, 100);
            query = query.Where(t => t.Name.StartsWith(term) || t.Slug.StartsWith(slug));
        }
        var names = await query.OrderByDescending(TagStories.Count(db)).ThenBy(t => t.Name).Select(t => t.Name).Take(10).ToListAsync(ct);
        return new JsonResult(names);
    }

    private async Task<WorkflowOutcome> SaveAsync(EditorialAction action, CancellationToken ct)
    {
        var problems = new Dictionary<string, string>();
        var publishAt = ParseTime(PublishAt, "PublishAt", problems);
        Edit.UnpublishAt = ParseTime(UnpublishAt, nameof(ArticleEdit.UnpublishAt), problems);
        if (problems.Count > 0)
        {
            return new WorkflowOutcome(WorkflowResult.Invalid, problems);
        }
        if (Article is null)
        {
            var created = await workflow.CreateAsync(Edit, Staffer, ct);
            if (!created.Succeeded || action is EditorialAction.Save or EditorialAction.Autosave)
            {
                return created;
            }
            Article = await workflow.FindAsync(created.Article!.Id, ct);
            BaseRevision = null;
        }
        var details = new ActionDetails
        {
            Note = action == EditorialAction.Withdraw ? WithdrawalNote : ReviewNote,
            PublishAt = publishAt,
            CorrectionNote = CorrectionNote,
            MinorEdit = MinorEdit,
            BaseRevision = BaseRevision,
        };
        return await workflow.SaveAsync(Article!, Edit, action, details, Staffer, ct);
    }

    private DateTime? ParseTime(string? value, string field, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var utc = clock.FromLocalInput(value);
        if (utc is null)
        {
            problems[field] = "Give a date and time, e.g. 2026-11-27 09:30.";
        }
        return utc;
    }

    /// <summary>The story as typed, with its body rendered by the public renderer (READ ALSO shown as a placeholder).</summary>
    private async Task<StoryPreview> PreviewAsync(CancellationToken ct)
    {
        var section = await db.Sections.Where(s => s.Id == Edit.SectionId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var authors = await db.Authors.Where(a => Edit.AuthorIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var byline = Edit.AuthorIds.Select(id => authors.FirstOrDefault(a => a.Id == id)?.Name).OfType<string>().ToList();
        var body = renderer.Render(Edit.Body, Edit.ReadAlsoAfterParagraph)
            .Replace(ArticleRenderer.ReadAlsoSlot, "<p class=\"read-also read-also-preview\"><strong>READ ALSO:</strong> <em>the linked story goes here</em></p>", StringComparison.Ordinal);
        return new StoryPreview(section, Edit.Headline, Edit.Standfirst, byline, Edit.Dateline?.Trim().ToUpperInvariant(), body);
    }

    /// <summary>Finds the article and the person; refuses those who may not edit it.</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        if (User.ToStaffer() is not { } staffer)
        {
            return Challenge();
        }
        Staffer = staffer;
        if (id is { } articleId)
        {
            Article = await workflow.FindAsync(articleId, ct);
            if (Article is null)
            {
                return NotFound();
            }
            if (!EditorialWorkflow.CanEdit(staffer, Article))
            {
                return Forbid();
            }
            Actions = EditorialWorkflow.AllowedActions(staffer, Article);
            Head.Title = $"Edit: {Article.Headline}";
            Head.CanonicalPath = $"/admin/articles/{Article.Id}";
        }
        else
        {
            Actions = [EditorialAction.Save, EditorialAction.Autosave, EditorialAction.SubmitForReview,
                .. staffer.Power >= StaffPower.Author ? new[] { EditorialAction.Schedule, EditorialAction.Publish } : []];
        }
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct);
        Sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        PopularTags = await db.Tags.AsNoTracking().OrderByDescending(TagStories.Count(db)).Take(30).Select(t => t.Name).ToListAsync(ct);
        Image = Edit.ImageId is { } imageId ? await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == imageId, ct) : null;
        Corrections = Article?.Corrections.OrderBy(c => c.CreatedAt).ToList() ?? [];

        // READ ALSO: the stored related stories of a published story; for a draft, recent stories of its section.
        var choices = new List<Choice>();
        if (Article is not null)
        {
            choices.AddRange(await db.RelatedArticles.AsNoTracking().Where(r => r.ArticleId == Article.Id).OrderBy(r => r.Rank)
                .Select(r => new Choice(r.RelatedId, r.Related.Headline)).ToListAsync(ct));
        }
        if (choices.Count < 6 && Edit.SectionId > 0)
        {
            var have = choices.Select(c => c.Id).Append(Article?.Id ?? 0).ToList();
            choices.AddRange(await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.SectionId == Edit.SectionId && !have.Contains(a.Id))
                .OrderByDescending(a => a.PublishedAt).Take(6 - choices.Count).Select(a => new Choice(a.Id, a.Headline)).ToListAsync(ct));
        }
        if (Edit.ReadAlsoArticleId is { } picked && choices.All(c => c.Id != picked))
        {
            choices.AddRange(await db.Articles.AsNoTracking().Where(a => a.Id == picked).Select(a => new Choice(a.Id, a.Headline)).ToListAsync(ct));
        }
        ReadAlsoChoices = choices;
    }

    private static ArticleEdit ToEdit(Article a) => new()
    {
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        Slug = a.Slug,
        SectionId = a.SectionId,
        Tags = string.Join(", ", a.Tags.Select(t => t.Name)),
        AuthorIds = a.Bylines.OrderBy(b => b.Position).Select(b => b.AuthorId).ToList(),
        Dateline = a.Dateline,
        SourceId = a.SourceId,
        SourceUrl = a.SourceUrl,
        CanonicalUrl = a.CanonicalUrl,
        ImageId = a.ImageId,
        Body = a.BodyMarkdown,
        ReadAlsoArticleId = a.ReadAlsoArticleId,
        ReadAlsoAfterParagraph = a.ReadAlsoAfterParagraph,
        CommentsOpen = a.CommentsOpen,
        SeoTitle = a.SeoTitle,
        SeoDescription = a.SeoDescription,
        UnpublishAt = a.UnpublishAt,
    };
}
