using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>What the newsroom asked to do with an article when it saved the editor.</summary>
public enum EditorialAction
{
    /// <summary>Keep the state it is in (for a published story: update it).</summary>
    Save,
    Autosave,
    SubmitForReview,
    /// <summary>An editor sends a story in review back to its writer.</summary>
    ReturnToDraft,
    Schedule,
    Unschedule,
    Publish,
    Withdraw,
}

public enum WorkflowResult
{
    Saved,
    Submitted,
    ReturnedToDraft,
    Scheduled,
    Unscheduled,
    Published,
    Updated,
    Withdrawn,
    Restored,
    /// <summary>The person may not do this to this article (role or ownership).</summary>
    NotAllowed,
    /// <summary>The article is not in a state where this makes sense (e.g. scheduling a published story).</summary>
    WrongState,
    /// <summary>Something the person typed is wrong: see the errors, by field.</summary>
    Invalid,
    /// <summary>Someone else saved the story after this person opened it.</summary>
    Conflict,
}

public sealed record WorkflowOutcome(WorkflowResult Result, IReadOnlyDictionary<string, string> Errors, Article? Article = null)
{
    public bool Succeeded => Result is not (WorkflowResult.NotAllowed or WorkflowResult.WrongState or WorkflowResult.Invalid or WorkflowResult.Conflict);
    public static WorkflowOutcome Fail(WorkflowResult result, string field, string message) => new(result, new Dictionary<string, string> { [field] = message });
}

/// <summary>What comes with an action besides the article's fields.</summary>
public sealed record ActionDetails
{
    /// <summary>The writer's note to the editor (submit), or the editor's to the writer (return).</summary>
    public string? Note { get; init; }
    /// <summary>UTC time to publish at (schedule).</summary>
    public DateTime? PublishAt { get; init; }
    /// <summary>Appended to the public corrections log when a published story is updated.</summary>
    public string? CorrectionNote { get; init; }
    /// <summary>A fix readers need not be told about: no "Updated" time.</summary>
    public bool MinorEdit { get; init; }
    /// <summary>The revision the person started from; a newer one by someone else is a conflict.</summary>
    public int? BaseRevision { get; init; }
}

/// <summary>
/// The newsroom's rules for stories: who may do what, draft → in review → scheduled → published → updated →
/// withdrawn, a revision for every save and an audit entry for every step, all in one transaction with the change.
/// Never sees HTTP: the editor page translates the outcome.
/// </summary>
public sealed class EditorialWorkflow(MastheadDb db, ArticlePublisher publisher, ArticleRevisions revisions, AuditLog audit, SiteClock clock, ILogger<EditorialWorkflow> logger)
{
    /// <summary>The article with what the editor shows and the rules need.</summary>
    public Task<Article?> FindAsync(int id, CancellationToken ct) =>
        db.Articles.Include(a => a.Bylines).Include(a => a.Tags).Include(a => a.Corrections).Include(a => a.Image)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>A writer may edit their own drafts; authors their own stories in any state; editors anything.</summary>
    public static bool CanEdit(Staffer by, Article article) =>
        by.CanEditAny || (by.Owns(article) && (by.Power >= StaffPower.Author || article.Status is ArticleStatus.Draft or ArticleStatus.InReview));

    /// <summary>Which actions the person may take on the article as it is now (for the editor's buttons).</summary>
    public static IReadOnlyList<EditorialAction> AllowedActions(Staffer by, Article article)
    {
        if (!CanEdit(by, article))
        {
            return [];
        }
        var publish = by.CanPublish(article);
        var actions = new List<EditorialAction> { EditorialAction.Save };
        switch (article.Status)
        {
            case ArticleStatus.Draft:
                actions.Add(EditorialAction.Autosave);
                actions.Add(EditorialAction.SubmitForReview);
                if (publish) { actions.AddRange([EditorialAction.Schedule, EditorialAction.Publish]); }
                break;
            case ArticleStatus.InReview:
                actions.Add(EditorialAction.Autosave);
                if (publish) { actions.AddRange([EditorialAction.ReturnToDraft, EditorialAction.Schedule, EditorialAction.Publish]); }
                break;
            case ArticleStatus.Scheduled:
                if (publish) { actions.AddRange([EditorialAction.Schedule, EditorialAction.Unschedule, EditorialAction.Publish]); }
                else { actions.Remove(EditorialAction.Save); }
                break;
            case ArticleStatus.Published:
                if (publish) { actions.Add(EditorialAction.Withdraw); }
                else { actions.Remove(EditorialAction.Save); }
                break;
            case ArticleStatus.Withdrawn:
                actions.Remove(EditorialAction.Save);
                break;
        }
        return actions;
    }

    /// <summary>Creates a draft owned by the person, credited to them unless other bylines were chosen.</summary>
    public async Task<WorkflowOutcome> CreateAsync(ArticleEdit edit, Staffer by, CancellationToken ct)
    {
        if (edit.AuthorIds.Count == 0 && by.AuthorId is { } own)
        {
            edit.AuthorIds.Add(own);
        }
        var now = clock.UtcNow;
        var article = new Article { Slug = "", Headline = "", Status = ArticleStatus.Draft, CreatedAt = now, ModifiedAt = now, OwnerId = by.IsSystem ? null : by.UserId };
        var bylineProblem = BylineProblem(by, article, edit);
        var errors = await ApplyAsync(article, edit, ct);
        if (bylineProblem is not null)
        {
            errors[nameof(ArticleEdit.AuthorIds)] = bylineProblem;
        }
        if (errors.Count > 0)
        {
            return new WorkflowOutcome(WorkflowResult.Invalid, errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        await revisions.CaptureAsync(article, by, "created", ct);
        audit.Add(by.UserId, by.Name, "article.created", "article", article.Id, article.Headline);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new WorkflowOutcome(WorkflowResult.Saved, new Dictionary<string, string>(), article);
    }

    /// <summary>Applies the editor's fields and takes the action, or changes nothing and says why.</summary>
    public async Task<WorkflowOutcome> SaveAsync(Article article, ArticleEdit edit, EditorialAction action, ActionDetails details, Staffer by, CancellationToken ct)
    {
        if (!CanEdit(by, article))
        {
            return WorkflowOutcome.Fail(WorkflowResult.NotAllowed, "", "You may not edit this story.");
        }
        if (!AllowedActions(by, article).Contains(action))
        {
            return by.CanPublish(article) || action is not (EditorialAction.Publish or EditorialAction.Schedule or EditorialAction.Unschedule or EditorialAction.Withdraw or EditorialAction.ReturnToDraft)
                ? WorkflowOutcome.Fail(WorkflowResult.WrongState, "", $"A {Describe(article.Status)} story cannot be {Describe(action)}.")
                : WorkflowOutcome.Fail(WorkflowResult.NotAllowed, "", "Your role may not publish this story: submit it for review instead.");
        }
        if (details.BaseRevision is { } seen)
        {
            var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number)
                .Select(r => new { r.Number, r.StaffUserId, r.StaffName }).FirstOrDefaultAsync(ct);
            if (latest is not null && latest.Number > seen && latest.StaffUserId != by.UserId)
            {
                return WorkflowOutcome.Fail(WorkflowResult.Conflict, "",
                    $"{latest.StaffName} saved this story after you opened it. Open it again to see their changes (yours are below, not saved).");
            }
        }

        var wasPublished = article.Status == ArticleStatus.Published;
        var oldSlug = article.Slug;
        var bylineProblem = BylineProblem(by, article, edit);
        var errors = await ApplyAsync(article, edit, ct);
        if (bylineProblem is not null)
        {
            errors[nameof(ArticleEdit.AuthorIds)] = bylineProblem;
        }
        var now = clock.UtcNow;
        switch (action)
        {
            case EditorialAction.Schedule when details.PublishAt is not { } at:
                errors["PublishAt"] = "Choose when the story should be published.";
                break;
            case EditorialAction.Schedule when details.PublishAt <= now:
                errors["PublishAt"] = "The publication time has passed: choose a later time, or publish now.";
                break;
        }
        var wasScheduled = article.Status == ArticleStatus.Scheduled;
        // A save of a published or scheduled story keeps it (going) public: it must pass the same checks as publishing.
        var goesPublic = action is EditorialAction.Publish or EditorialAction.Schedule || ((wasPublished || wasScheduled) && action == EditorialAction.Save);
        if (goesPublic)
        {
            // Checked before anything is saved, so a refused publication leaves the draft as it was.
            foreach (var (field, message) in await ReadyToPublishAsync(article, ct))
            {
                errors.TryAdd(field, message);
            }
        }
        var publicFrom = action == EditorialAction.Schedule ? details.PublishAt ?? now
            : wasScheduled && action == EditorialAction.Save ? article.PublishedAt ?? now : now;
        if (goesPublic && article.UnpublishAt is { } until && until <= publicFrom)
        {
            errors.TryAdd(nameof(ArticleEdit.UnpublishAt), "The story would come down before it goes up: choose a later time to unpublish, or none.");
        }
        if (action == EditorialAction.Withdraw && string.IsNullOrWhiteSpace(details.Note))
        {
            errors["Note"] = "Tell readers why the story was withdrawn.";
        }
        if ((details.CorrectionNote ?? "").Trim().Length > 1000)
        {
            errors["CorrectionNote"] = "The correction note is too long: at most 1,000 characters.";
        }
        if ((details.Note ?? "").Trim().Length > 1000)
        {
            errors["Note"] = "The note is too long: at most 1,000 characters.";
        }
        if (errors.Count > 0)
        {
            // Nothing of the attempt may reach the database: forget every change made to tracked entities.
            db.ChangeTracker.Clear();
            return new WorkflowOutcome(WorkflowResult.Invalid, errors);
        }

        WorkflowResult result;
        string kind;
        string verb;
        var publicChange = false;
        switch (action)
        {
            case EditorialAction.SubmitForReview:
                article.Status = ArticleStatus.InReview;
                article.ReviewNote = Clean(details.Note);
                (result, kind, verb) = (WorkflowResult.Submitted, "submitted", "article.submitted");
                break;
            case EditorialAction.ReturnToDraft:
                article.Status = ArticleStatus.Draft;
                article.ReviewNote = Clean(details.Note);
                (result, kind, verb) = (WorkflowResult.ReturnedToDraft, "returned", "article.returned");
                break;
            case EditorialAction.Schedule:
                article.Status = ArticleStatus.Scheduled;
                article.PublishedAt = details.PublishAt;
                (result, kind, verb) = (WorkflowResult.Scheduled, "scheduled", "article.scheduled");
                break;
            case EditorialAction.Unschedule:
                article.Status = ArticleStatus.Draft;
                article.PublishedAt = null;
                (result, kind, verb) = (WorkflowResult.Unscheduled, "unscheduled", "article.unscheduled");
                break;
            case EditorialAction.Publish:
                if (article.Status == ArticleStatus.Scheduled)
                {
                    // Published now instead of at the planned time: the URL takes today's date.
                    article.PublishedAt = null;
                }
                publisher.MarkPublished(article);
                article.ReviewNote = null;
                (result, kind, verb, publicChange) = (WorkflowResult.Published, "published", "article.published", true);
                break;
            case EditorialAction.Withdraw:
                publisher.MarkWithdrawn(article, details.Note!.Trim());
                (result, kind, verb, publicChange) = (WorkflowResult.Withdrawn, "withdrawn", "article.withdrawn", true);
                break;
            case EditorialAction.Autosave:
                (result, kind, verb) = (WorkflowResult.Saved, "autosaved", "");
                break;
            default:
                if (wasPublished)
                {
                    publisher.MarkUpdated(article, showAsUpdate: !details.MinorEdit || !string.IsNullOrWhiteSpace(details.CorrectionNote));
                    if (Clean(details.CorrectionNote) is { } correction)
                    {
                        article.Corrections.Add(new ArticleCorrection { ArticleId = article.Id, CreatedAt = now, Note = correction });
                    }
                    (result, kind, verb, publicChange) = (WorkflowResult.Updated, "updated", "article.updated", true);
                }
                else
                {
                    (result, kind, verb) = (WorkflowResult.Saved, "saved", "article.saved");
                }
                break;
        }
        if (wasPublished && article.Slug != oldSlug)
        {
            // The public address changed: the old one answers 301 (the publisher records the redirect).
            var newSlug = article.Slug;
            article.Slug = oldSlug;
            await publisher.MarkSlugChangedAsync(article, newSlug, ct);
            publicChange = true;
        }
        if (action != EditorialAction.Publish && !wasPublished)
        {
            article.ModifiedAt = now;
        }

        await revisions.CaptureAsync(article, by, kind, ct);
        if (verb.Length > 0)
        {
            audit.Add(by.UserId, by.Name, verb, "article", article.Id, article.Headline);
        }
        try
        {
            if (publicChange)
            {
                await publisher.CommitAsync(article, ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // Two saves of the same story at the same moment (the revision number is unique): the later one loses.
            db.ChangeTracker.Clear();
            return WorkflowOutcome.Fail(WorkflowResult.Conflict, "", "The story was saved by someone else at the same moment. Open it again to see their changes (yours are below, not saved).");
        }
        return new WorkflowOutcome(result, new Dictionary<string, string>(), article);
    }

    /// <summary>Brings the article back to a revision's state: a new save, so the restore itself can be undone.</summary>
    public async Task<WorkflowOutcome> RestoreAsync(Article article, int revisionNumber, Staffer by, CancellationToken ct)
    {
        var revision = await revisions.FindAsync(article.Id, revisionNumber, ct);
        if (revision is null)
        {
            return WorkflowOutcome.Fail(WorkflowResult.Invalid, "revision", "There is no such revision.");
        }
        var edit = ArticleRevisions.Snapshot(revision).ToEdit(revision);
        var outcome = await SaveAsync(article, edit, EditorialAction.Save, new ActionDetails(), by, ct);
        if (!outcome.Succeeded)
        {
            return outcome;
        }
        var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number).FirstAsync(ct);
        latest.Kind = "restored";
        audit.Add(by.UserId, by.Name, "article.restored", "article", article.Id, $"{article.Headline} (revision {revisionNumber})");
        await db.SaveChangesAsync(ct);
        return outcome with { Result = WorkflowResult.Restored };
    }

    /// <summary>
    /// Publishes scheduled stories whose time has come and withdraws those whose embargo ended. Run by the
    /// scheduler on its interval and at start-up, so a restart never loses a due story.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now).Select(a => a.Id).ToListAsync(ct);
        var expired = await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.UnpublishAt <= now).Select(a => a.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in due.Concat(expired))
        {
            db.ChangeTracker.Clear();
            try
            {
                done += await RunDueAsync(id, now, ct) ? 1 : 0;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                // One story that cannot go out must not hold back the others; it is tried again next round.
                db.ChangeTracker.Clear();
                logger.LogError(e, "Scheduler could not handle article {ArticleId}", id);
            }
        }
        return done;
    }

    private async Task<bool> RunDueAsync(int id, DateTime now, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null)
        {
            return false;
        }
        var by = Staffer.System;
        if (article.Status == ArticleStatus.Scheduled)
        {
            var problems = await ReadyToPublishAsync(article, ct);
            if (article.UnpublishAt <= now)
            {
                problems["UnpublishAt"] = "its take-down time had already passed";
            }
            if (problems.Count > 0)
            {
                // Held back rather than published broken: back to the newsroom with the reason.
                article.Status = ArticleStatus.Draft;
                article.PublishedAt = null;
                article.ReviewNote = $"Not published at its scheduled time: {string.Join(" ", problems.Values)}";
                article.ModifiedAt = now;
                await revisions.CaptureAsync(article, by, "held", ct);
                audit.Add(null, by.Name, "article.held", "article", article.Id, article.Headline);
                await db.SaveChangesAsync(ct);
                return true;
            }
            publisher.MarkPublished(article);
            await revisions.CaptureAsync(article, by, "published", ct);
            audit.Add(null, by.Name, "article.published", "article", article.Id, $"{article.Headline} (scheduled)");
        }
        else
        {
            publisher.MarkWithdrawn(article, $"This story was available until {clock.Long(article.UnpublishAt!.Value)}.");
            await revisions.CaptureAsync(article, by, "withdrawn", ct);
            audit.Add(null, by.Name, "article.withdrawn", "article", article.Id, $"{article.Headline} (embargo ended)");
        }
        await publisher.CommitAsync(article, ct);
        return true;
    }

    /// <summary>What must be true before readers see the story (field → message).</summary>
    private async Task<Dictionary<string, string>> ReadyToPublishAsync(Article article, CancellationToken ct)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(article.BodyMarkdown))
        {
            problems[nameof(ArticleEdit.Body)] = "Write the story before publishing it.";
        }
        if (article.ImageId is { } imageId && string.IsNullOrWhiteSpace(await db.Images.Where(i => i.Id == imageId).Select(i => i.AltText).FirstOrDefaultAsync(ct)))
        {
            problems[nameof(ArticleEdit.ImageId)] = "The featured image needs alt text (a description for readers who cannot see it) before the story is published.";
        }
        if (ArticleEdit.HasImageWithoutAlt(article.BodyMarkdown))
        {
            problems[nameof(ArticleEdit.Body)] = "Every image in the body needs a description: write it between the brackets, ![like this](...).";
        }
        return problems;
    }

    /// <summary>Copies the edit onto the article after checking it against the database; field → message when it cannot.</summary>
    private async Task<Dictionary<string, string>> ApplyAsync(Article article, ArticleEdit edit, CancellationToken ct)
    {
        var errors = edit.Problems();
        var slug = Slugs.From(string.IsNullOrWhiteSpace(edit.Slug) ? edit.Headline : edit.Slug, 200);
        if (slug.Length == 0 && !errors.ContainsKey(nameof(ArticleEdit.Headline)))
        {
            slug = "story";
        }
        if (!errors.ContainsKey(nameof(ArticleEdit.Slug)) && slug.Length > 0)
        {
            if (string.IsNullOrWhiteSpace(edit.Slug) && article.Id == 0)
            {
                // A new story's derived address: make it unique quietly.
                var candidate = slug;
                for (var n = 2; await db.Articles.AnyAsync(a => a.Slug == candidate, ct); n++)
                {
                    candidate = $"{slug}-{n}";
                }
                slug = candidate;
            }
            else if (slug != article.Slug && await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, ct))
            {
                errors[nameof(ArticleEdit.Slug)] = "Another story already has this address: change it.";
            }
            else if (slug != article.Slug && await db.Redirects.AnyAsync(r => r.Path == ArticlePaths.For(article.PublishedAt ?? clock.UtcNow, slug) && r.ArticleId != article.Id, ct))
            {
                errors[nameof(ArticleEdit.Slug)] = "This address used to belong to another story and still leads there: choose another.";
            }
        }
        if (edit.SectionId > 0 && !await db.Sections.AnyAsync(s => s.Id == edit.SectionId, ct))
        {
            errors[nameof(ArticleEdit.SectionId)] = "Choose a section.";
        }
        var authorIds = edit.AuthorIds.Distinct().ToList();
        if (authorIds.Count > 0 && await db.Authors.CountAsync(a => authorIds.Contains(a.Id), ct) != authorIds.Count)
        {
            errors[nameof(ArticleEdit.AuthorIds)] = "One of the bylines is not a known author.";
        }
        if (edit.SourceId is { } sourceId && !await db.Sources.AnyAsync(s => s.Id == sourceId, ct))
        {
            errors[nameof(ArticleEdit.SourceId)] = "Choose a known wire source.";
        }
        if (edit.ImageId is { } imageId && !await db.Images.AnyAsync(i => i.Id == imageId, ct))
        {
            errors[nameof(ArticleEdit.ImageId)] = "There is no such image in the media library.";
        }
        if (edit.ReadAlsoArticleId is { } readAlso && (readAlso == article.Id
            || !await db.Articles.AnyAsync(a => a.Id == readAlso && a.Status == ArticleStatus.Published, ct)))
        {
            errors[nameof(ArticleEdit.ReadAlsoArticleId)] = "READ ALSO must link to another published story.";
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        article.Headline = edit.Headline.Trim();
        article.Standfirst = edit.Standfirst.Trim();
        // On a published story a new slug is handed to the publisher afterwards, which keeps the old address working.
        article.Slug = slug;
        article.SectionId = edit.SectionId;
        article.Dateline = Clean(edit.Dateline)?.ToUpperInvariant();
        article.SourceId = edit.SourceId;
        article.SourceUrl = Clean(edit.SourceUrl);
        article.CanonicalUrl = Clean(edit.CanonicalUrl);
        article.ImageId = edit.ImageId;
        article.BodyMarkdown = edit.Body.Replace("\r\n", "\n");
        article.ReadAlsoArticleId = edit.ReadAlsoArticleId;
        article.ReadAlsoAfterParagraph = edit.ReadAlsoAfterParagraph;
        article.CommentsOpen = edit.CommentsOpen;
        article.SeoTitle = Clean(edit.SeoTitle);
        article.SeoDescription = Clean(edit.SeoDescription);
        article.UnpublishAt = edit.UnpublishAt;

        var current = article.Bylines.OrderBy(b => b.Position).Select(b => b.AuthorId).ToList();
        if (!current.SequenceEqual(authorIds))
        {
            article.Bylines.Clear();
            for (var i = 0; i < authorIds.Count; i++)
            {
                article.Bylines.Add(new Byline { AuthorId = authorIds[i], Position = i });
            }
        }

        var names = edit.TagNames();
        var slugs = names.Select(n => Slugs.From(n, 100)).Distinct().ToList();
        var known = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        var wanted = slugs.Select(s => known.FirstOrDefault(t => t.Slug == s) ?? new Tag { Slug = s, Name = names.First(n => Slugs.From(n, 100) == s) }).ToList();
        foreach (var gone in article.Tags.Where(t => !wanted.Any(w => w.Slug == t.Slug)).ToList())
        {
            article.Tags.Remove(gone);
        }
        foreach (var tag in wanted.Where(w => !article.Tags.Any(t => t.Slug == w.Slug)))
        {
            article.Tags.Add(tag);
        }
        return errors;
    }

    /// <summary>
    /// Crediting someone is an editor's decision: below editor, a person may add only themselves to a byline (a
    /// byline also makes a story its author's own to edit and publish).
    /// </summary>
    private static string? BylineProblem(Staffer by, Article article, ArticleEdit edit)
    {
        if (by.CanEditAny)
        {
            return null;
        }
        var current = article.Bylines.Select(b => b.AuthorId).ToHashSet();
        return edit.AuthorIds.Any(id => !current.Contains(id) && id != by.AuthorId)
            ? "Only editors can credit other people: add yourself, or ask an editor."
            : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Describe(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "in-review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Describe(EditorialAction action) => action switch
    {
        EditorialAction.SubmitForReview => "submitted for review",
        EditorialAction.ReturnToDraft => "returned to its writer",
        EditorialAction.Schedule => "scheduled",
        EditorialAction.Unschedule => "unscheduled",
        EditorialAction.Publish => "published",
        EditorialAction.Withdraw => "withdrawn",
        EditorialAction.Autosave => "autosaved",
        _ => "saved",
    };
}
