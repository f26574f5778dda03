using Masthead.Comments;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Masthead.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

public sealed record AuthorLink(string Slug, string Name, string JobTitle)
{
    public string Path => $"/author/{Slug}/";
}

public sealed record TagLink(string Slug, string Name)
{
    public string Path => $"/tag/{Slug}/";
}

public sealed record CorrectionView(DateTime At, string Note);

public sealed record ImageView(string FileName, int Width, int Height, string AltText, string Caption, string Credit, string Widths)
{
    public string Url => $"/media/{FileName}";
    public Media.ResponsiveImage Responsive => new(FileName, Width, Height, Widths);
}

/// <summary>Everything the article page shows of the article itself.</summary>
public sealed record ArticleView
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Headline { get; init; }
    public string Standfirst { get; init; } = "";
    public string? Dateline { get; init; }
    public string BodyHtml { get; init; } = "";
    public ArticleStatus Status { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public DateTime ModifiedAt { get; init; }
    public int SectionId { get; init; }
    public required string SectionName { get; init; }
    public required string SectionSlug { get; init; }
    public string? SourceName { get; init; }
    public string? SourceHome { get; init; }
    public string? SourceUrl { get; init; }
    public string? CanonicalUrl { get; init; }
    public ImageView? Image { get; init; }
    public int? ReadAlsoArticleId { get; init; }
    public int CommentCount { get; init; }
    /// <summary>The threads the approved comments form (see <see cref="CommentCounts"/>): what the comment pages are counted from.</summary>
    public int CommentThreadCount { get; init; }
    public bool CommentsOpen { get; init; }
    public string? WithdrawalNote { get; init; }
    public List<AuthorLink> Authors { get; init; } = [];
    public List<TagLink> Tags { get; init; } = [];
    /// <summary>The public corrections log, oldest first.</summary>
    public List<CorrectionView> Corrections { get; init; } = [];
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
    public string Path => ArticlePaths.For(PublishedAt, Slug);
    public string SectionPath => $"/section/{SectionSlug}/";
}

/// <summary>The comment form's fields, named as WordPress names them so that readers' password managers and habits carry over.</summary>
public sealed class CommentFormInput
{
    public string? Comment { get; set; }
    public string? Author { get; set; }
    public string? Email { get; set; }
    public string? Url { get; set; }
    public int? Parent { get; set; }
    /// <summary>Consent to keep name, email and website in a cookie.</summary>
    public bool Remember { get; set; }
    public bool Notify { get; set; }
    /// <summary>The honeypot: hidden from people, filled in by robots.</summary>
    public string? Phone { get; set; }
    public string? Token { get; set; }

    /// <summary>
    /// The fields as a form sends them, read as MVC's model binding reads them (an empty field is none, an unticked or
    /// unreadable box is false, a reply-to that is not a number is none) without what binding costs each post: its
    /// value providers, metadata and validation were a twelfth of the CPU of posting a comment.
    /// </summary>
    public static CommentFormInput From(IFormCollection form) => new()
    {
        Comment = Text(form, "comment"),
        Author = Text(form, "author"),
        Email = Text(form, "email"),
        Url = Text(form, "url"),
        Parent = int.TryParse(Text(form, "parent"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parent) ? parent : null,
        Remember = bool.TryParse(Text(form, "remember"), out var remember) && remember,
        Notify = bool.TryParse(Text(form, "notify"), out var notify) && notify,
        Phone = Text(form, "phone"),
        Token = Text(form, "token"),
    };

    private static string? Text(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}

[OutputCache(PolicyName = SiteCache.PublicPolicy)]
[CommentForm]
[RequestSizeLimit(CommentOptions.MaxRequestBytes)] // a comment is at most 5,000 characters; nothing bigger is read
[RequestFormLimits(ValueLengthLimit = CommentOptions.MaxRequestBytes, KeyLengthLimit = 100, ValueCountLimit = 20)]
[IgnoreAntiforgeryToken] // checked by hand in OnPostAsync, so that a stale form gets a message instead of a bare 400
public sealed class ReadModel(MastheadDb db, PreparedReads reads, CommentOptions commentOptions, SiteClock clock, CommenterCookies cookies, SiteOptions site)
    : PageModel, IHasPageHead
{
    private const int RelatedCount = 4;

    // The reads of placing a posted comment on its page, compiled once (see CommentPoster).
    private sealed record ThreadLink(int Id, int? ParentId, DateTime CreatedAt);

    /// <summary>The comment if it is shown: approved, or the one being placed (held, shown to its author).</summary>
    private static readonly Func<MastheadDb, int, int, int, CancellationToken, Task<ThreadLink?>> ShownComment = EF.CompileAsyncQuery(
        (MastheadDb db, int articleId, int id, int placed, CancellationToken ct) => db.Comments.AsNoTracking()
            .Where(c => c.Id == id && c.ArticleId == articleId && (c.Status == CommentStatus.Approved || c.Id == placed))
            .Select(c => new ThreadLink(c.Id, c.ParentId, c.CreatedAt)).FirstOrDefault());

    public PageHead Head { get; } = new() { OpenGraphType = "article" };
    public ArticleView Article { get; private set; } = null!;
    public ArticleCard? ReadAlso { get; private set; }
    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];
    public ArticleCard? Older { get; private set; }
    public ArticleCard? Newer { get; private set; }
    public bool IsWithdrawn { get; private set; }

    /// <summary>This page's top-level threads of comments.</summary>
    public IReadOnlyList<CommentThread> Comments { get; private set; } = [];
    public int CommentPage { get; private set; } = 1;
    public int CommentPages { get; private set; } = 1;
    public bool CommentsOpen { get; private set; }
    public int MaxDepth => commentOptions.MaxDepth;

    /// <summary>What the reader typed, kept when the form comes back with messages.</summary>
    public CommentFormInput Form { get; private set; } = new();
    public CommentResult? Result { get; private set; }
    /// <summary>The comment being replied to without JavaScript (?replytocom=ID).</summary>
    public CommentView? ReplyingTo { get; private set; }

    /// <summary>
    /// The form's antiforgery and form tokens, written into pages that are never cached: the form sent back with
    /// messages, and pages for readers with a commenter's cookie. Cached pages are the same bytes for every reader and
    /// carry none; the form's script asks /comments/form-tokens for them when a reader starts writing.
    /// </summary>
    public CommentFormTokens? Tokens { get; private set; }

    private void IssueTokens() => Tokens = CommentFormTokens.Issue(HttpContext, Article.Id);

    public string CommentPagePath(int page) => CommentPagePath(Article.Path, page);

    private static string CommentPagePath(string articlePath, int page) => page <= 1 ? articlePath : $"{articlePath}comment-page-{page}/";

    public async Task<IActionResult> OnGetAsync(string slug, int commentPage = 1, int? replytocom = null, CancellationToken ct = default)
    {
        if (await LoadAsync(slug, commentPage, ct) is { } other)
        {
            return other;
        }
        if (cookies.Commenter(Request) is { } known)
        {
            Form = new CommentFormInput { Author = known.Name, Email = known.Email, Url = known.Url, Remember = true };
        }
        if (replytocom is { } parentId)
        {
            ReplyingTo = FindComment(Comments, parentId);
            Form.Parent = ReplyingTo?.Id;
        }
        if (CommenterCookies.ArePresent(Request) && CommentsOpen && !IsWithdrawn)
        {
            IssueTokens();
        }
        return Page();
    }

    /// <summary>
    /// A reader's comment. The handler takes no parameters for MVC to bind (see <see cref="CommentFormInput.From"/>):
    /// the story's address comes from the route, the services from the request.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var slug = RouteData.Values["slug"] as string ?? "";
        var ct = HttpContext.RequestAborted;
        IFormCollection fields;
        try
        {
            fields = Request.HasFormContentType ? await Request.ReadFormAsync(ct) : FormCollection.Empty;
        }
        catch (InvalidDataException)
        {
            // More fields, or longer ones, than the form has (RequestFormLimits above).
            return BadRequest();
        }
        catch (BadHttpRequestException e)
        {
            // A body sent without its length that turned out larger than a comment can be.
            return StatusCode(e.StatusCode);
        }
        var input = CommentFormInput.From(fields);
        var poster = HttpContext.RequestServices.GetRequiredService<CommentPoster>();
        var antiforgery = HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        // A post needs the story's key, address and state, not the page around it: that is read only when the form
        // has to be shown again with its messages.
        var target = await CommentStory.BySlugAsync(reads, slug, ct);
        if (target is null)
        {
            return await RedirectFromOldPathAsync(ct);
        }
        Form = input;
        var submission = new CommentSubmission
        {
            ParentId = input.Parent,
            Body = input.Comment,
            Name = input.Author,
            Email = input.Email,
            Url = input.Url,
            Honeypot = input.Phone,
            FormToken = input.Token,
            IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Request.Headers.UserAgent.ToString(),
            NotifyReplies = input.Notify,
        };
        // A cached page's form has no tokens until its script asks for them. Without JavaScript, the first post comes
        // back with the field messages, or asks to be sent again: either way with this reader's tokens and their text.
        var unsigned = string.IsNullOrEmpty(input.Token) && string.IsNullOrEmpty(fields["__RequestVerificationToken"]);
        var result = !target.TakesComments(clock.UtcNow, commentOptions) ? CommentResult.Fail(CommentOutcome.Closed, CommentMessages.Closed)
            : unsigned ? CommentPoster.FieldErrors(submission) ?? CommentResult.Fail(CommentOutcome.Expired, CommentMessages.ConfirmPost)
            : !await antiforgery.IsRequestValidAsync(HttpContext) ? CommentResult.Fail(CommentOutcome.Expired, CommentMessages.Expired)
            : await poster.PostAsync(target, submission, ct);

        if (result is { Accepted: true, Comment: { } comment })
        {
            // A 303 answer means the comment is committed.
            if (input.Remember)
            {
                cookies.Remember(Response, new RememberedCommenter(comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl));
            }
            else
            {
                CommenterCookies.Forget(Response);
            }
            if (result.Outcome == CommentOutcome.Held)
            {
                cookies.AddHeld(Request, Response, comment.Id);
            }
            var page = await RootPageAsync(target.Id, comment.Id, ct, new ThreadLink(comment.Id, comment.ParentId, comment.CreatedAt));
            var location = $"{CommentPagePath(ArticlePaths.For(target.PublishedAt, slug), page)}#comment-{comment.Id}";
            if (WantsJson)
            {
                return new JsonResult(new { outcome = result.Outcome.ToString().ToLowerInvariant(), message = result.Message, location, id = comment.Id });
            }
            Response.Headers.Location = location;
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        var status = result.Outcome switch
        {
            CommentOutcome.Invalid => StatusCodes.Status422UnprocessableEntity,
            CommentOutcome.RateLimited => StatusCodes.Status429TooManyRequests,
            CommentOutcome.Closed => StatusCodes.Status403Forbidden,
            CommentOutcome.Duplicate => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        if (WantsJson)
        {
            return new JsonResult(new { outcome = result.Outcome.ToString().ToLowerInvariant(), message = result.Message, errors = result.Errors })
            {
                StatusCode = status,
            };
        }
        if (await LoadArticleAsync(slug, 1, ct) is { } other)
        {
            return other;
        }
        Response.StatusCode = status;
        Result = result;
        IssueTokens();
        var parent = input.Parent is { } p ? p : 0;
        // The form comes back on the page its comment would land on: a reply's thread, or the last page for a new thread.
        await LoadCommentsAsync(parent > 0 ? await RootPageAsync(target.Id, parent, ct) : LastCommentPage, ct);
        ReplyingTo = parent > 0 ? FindComment(Comments, parent) : null;
        return Page();
    }

    private bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Loads the article and everything around it for a GET; null when the page can be shown.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, int commentPage, CancellationToken ct)
    {
        if (await LoadArticleAsync(slug, commentPage, ct) is { } other)
        {
            return other;
        }
        if (IsWithdrawn)
        {
            return Page();
        }
        Response.Headers.LastModified = Article.ModifiedAt.ToString("R");
        var baseUrl = site.BaseUrlFor(Request);
        Head.StructuredData.Add(Seo.StructuredData.NewsArticle(Article, baseUrl, site, clock));
        Head.StructuredData.Add(Seo.StructuredData.Breadcrumbs(baseUrl, site.Name, (Article.SectionName, Article.SectionPath), (Article.Headline, Article.Path)));
        Head.Article = new ArticleFacts(clock.Iso(Article.PublishedAt), clock.Iso(Article.UpdatedAt ?? Article.PublishedAt), Article.SectionName,
            [.. Article.Tags.Select(t => t.Name)]);
        if (HttpContext.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } cache)
        {
            cache.Context.Tags.Add(SiteCache.ArticleTag(Article.Id));
        }
        await LoadSurroundingsAsync(Article, ct);
        return await LoadCommentsAsync(commentPage, ct) ? null : NotFound();
    }

    private async Task<IActionResult?> LoadArticleAsync(string slug, int commentPage, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.PublishedAt != null && (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Withdrawn))
            .Select(a => new ArticleView
            {
                Id = a.Id,
                Slug = a.Slug,
                Headline = a.Headline,
                Standfirst = a.Standfirst,
                Dateline = a.Dateline,
                BodyHtml = a.BodyHtml,
                Status = a.Status,
                PublishedAt = a.PublishedAt!.Value,
                UpdatedAt = a.UpdatedAt,
                ModifiedAt = a.ModifiedAt,
                SectionId = a.SectionId,
                SectionName = a.Section.Name,
                SectionSlug = a.Section.Slug,
                SourceName = a.Source != null ? a.Source.Name : null,
                SourceHome = a.Source != null ? a.Source.Url : null,
                SourceUrl = a.SourceUrl,
                CanonicalUrl = a.CanonicalUrl,
                // An imported picture not fetched yet has no file and no size: the story is shown without it, never a broken image.
                Image = a.Image == null || a.Image.Width == 0 ? null
                    : new ImageView(a.Image.FileName, a.Image.Width, a.Image.Height, a.Image.AltText, a.Image.Caption, a.Image.Credit, a.Image.Widths),
                ReadAlsoArticleId = a.ReadAlsoArticleId,
                CommentCount = a.CommentCount,
                CommentThreadCount = a.CommentThreadCount,
                CommentsOpen = a.CommentsOpen,
                WithdrawalNote = a.WithdrawalNote,
                SeoTitle = a.SeoTitle,
                SeoDescription = a.SeoDescription,
            })
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return await RedirectFromOldPathAsync(ct);
        }
        Article = article = await WithLinksAsync(article, ct);
        var expected = CommentPagePath(commentPage);
        if (HttpMethods.IsGet(Request.Method) && !string.Equals(Request.Path.Value, expected, StringComparison.Ordinal))
        {
            // Wrong date or a missing trailing slash: one address per article.
            return RedirectPermanent(expected + Request.QueryString);
        }

        Head.Title = article.SeoTitle ?? article.Headline;
        Head.Description = article.SeoDescription ?? article.Standfirst;
        Head.CanonicalPath = expected;
        Head.CanonicalUrl = commentPage == 1 && Uri.TryCreate(article.CanonicalUrl, UriKind.Absolute, out var original)
            && original.Scheme is "https" or "http" ? original.AbsoluteUri : null;
        Head.ImagePath = article.Image?.Url;
        CommentsOpen = CommentRules.IsOpen(article.CommentsOpen, article.PublishedAt, clock.UtcNow, commentOptions);
        if (article.Status == ArticleStatus.Withdrawn)
        {
            IsWithdrawn = true;
            Head.NoIndex = true;
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return null;
    }

    /// <summary>
    /// Bylines, tags and corrections in one statement by the article's key. Joined into the article's own query,
    /// SQLite built the byline and tag joins for every article before keeping one story's rows (50–90 ms at
    /// 10,000 stories); read by key, each is an index lookup.
    /// </summary>
    private async Task<ArticleView> WithLinksAsync(ArticleView article, CancellationToken ct)
    {
        var id = article.Id;
        var rows = await db.Bylines.AsNoTracking().Where(b => b.ArticleId == id)
            .Select(b => new { Kind = 0, Order = b.Position, Slug = b.Author.Slug, Text = b.Author.Name, Extra = b.Author.JobTitle, At = DateTime.MinValue })
            .Concat(db.Articles.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Tags)
                .Select(t => new { Kind = 1, Order = 0, Slug = t.Slug, Text = t.Name, Extra = "", At = DateTime.MinValue }))
            .Concat(db.ArticleCorrections.AsNoTracking().Where(c => c.ArticleId == id)
                .Select(c => new { Kind = 2, Order = 0, Slug = "", Text = c.Note, Extra = "", At = c.CreatedAt }))
            .ToListAsync(ct);
        return article with
        {
            Authors = [.. rows.Where(r => r.Kind == 0).OrderBy(r => r.Order).Select(r => new AuthorLink(r.Slug, r.Text, r.Extra))],
            Tags = [.. rows.Where(r => r.Kind == 1).OrderBy(r => r.Text, StringComparer.Ordinal).Select(r => new TagLink(r.Slug, r.Text))],
            Corrections = [.. rows.Where(r => r.Kind == 2).OrderBy(r => r.At).Select(r => new CorrectionView(r.At, r.Text))],
        };
    }

    /// <summary>For <see cref="LoadCommentsAsync"/>: whichever page is the last.</summary>
    private const int LastCommentPage = int.MaxValue;

    /// <summary>
    /// One page of threads: the approved comments (and, for their author alone, held ones) of the page's top-level
    /// threads, with every reply under them. A breaking story collects tens of thousands of comments; only this page's
    /// are read, in one statement: its first comments by their place among the threads (see
    /// <see cref="CommentCounts.StartsThread"/>) with every reply under them. The reader's held comments that start
    /// threads of their own take their place among the approved ones, as <see cref="CommentThread.Build"/> would lay
    /// all of them out.
    /// False when the page number is past the last page.
    /// </summary>
    private async Task<bool> LoadCommentsAsync(int page, CancellationToken ct)
    {
        var articleId = Article.Id;
        var perPage = commentOptions.ThreadsPerPage;
        var mine = await HeldCommentsAsync(articleId, ct);
        var heldThreads = await HeldThreadPlacesAsync(articleId, mine, ct);
        CommentPages = Paged<CommentThread>.CountPages(Article.CommentThreadCount + heldThreads.Count, perPage);
        if (page == LastCommentPage)
        {
            page = CommentPages;
        }
        if (page < 1 || page > CommentPages)
        {
            return false;
        }
        var (first, last) = ((page - 1) * perPage, page * perPage);
        var heldBefore = heldThreads.Count(h => h.Place < first);
        var heldHere = heldThreads.Where(h => h.Place >= first && h.Place < last).Select(h => h.Comment.Id).ToHashSet();
        var approved = await CommentCounts.PageOfThreadsAsync(reads, articleId, first - heldBefore, Math.Max(0, perPage - heldHere.Count), ct);
        if (page > 1 && approved.Count == 0 && heldHere.Count == 0)
        {
            return false;                                     // the kept count ran ahead of the comments
        }
        var shown = approved.ToDictionary(c => c.Id);
        foreach (var held in mine)
        {
            var underShown = held.ParentId is { } parentId && shown.TryGetValue(parentId, out var parent)
                && CommentCounts.ShownBefore(parent.CreatedAt, parent.Id, held.CreatedAt, held.Id);
            if (underShown || heldHere.Contains(held.Id))
            {
                shown.TryAdd(held.Id, held);
            }
        }
        var views = shown.Values.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        CommentPage = page;
        Comments = CommentThread.Build(views, commentOptions.MaxDepth);
        if (page > 1)
        {
            Head.Title = $"{Article.Headline}: comments, page {page}";
        }
        Head.PrevPath = page > 1 ? CommentPagePath(page - 1) : null;
        Head.NextPath = page < CommentPages ? CommentPagePath(page + 1) : null;
        return true;
    }

    /// <summary>The reader's own comments on this article still awaiting moderation (their cookie names a few), oldest first.</summary>
    private async Task<List<CommentView>> HeldCommentsAsync(int articleId, CancellationToken ct)
    {
        var held = cookies.HeldComments(Request);
        if (held.Count == 0)
        {
            return [];
        }
        var mine = await db.Comments.AsNoTracking()
            .Where(c => held.Contains(c.Id) && c.ArticleId == articleId && c.Status == CommentStatus.Pending)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, true, c.StaffUserId != null))
            .ToListAsync(ct);
        return [.. mine.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)];
    }

    /// <summary>
    /// The held comments that start threads of their own (no parent shown before them), each with its place among all
    /// the threads this reader sees: the approved threads before it, plus the held ones before it.
    /// </summary>
    private async Task<List<(CommentView Comment, int Place)>> HeldThreadPlacesAsync(int articleId, List<CommentView> mine, CancellationToken ct)
    {
        if (mine.Count == 0)
        {
            return [];
        }
        var parentIds = mine.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).ToList();
        // Each possible parent's time is all the rule needs: the approved ones from the database, the held ones as they come.
        var shownAt = parentIds.Count == 0 ? [] : await db.Comments.AsNoTracking()
            .Where(c => parentIds.Contains(c.Id) && c.ArticleId == articleId && c.Status == CommentStatus.Approved)
            .ToDictionaryAsync(c => c.Id, c => c.CreatedAt, ct);
        var places = new List<(CommentView, int)>();
        foreach (var held in mine)
        {
            var parentShown = held.ParentId is { } parentId && shownAt.TryGetValue(parentId, out var parentAt)
                && CommentCounts.ShownBefore(parentAt, parentId, held.CreatedAt, held.Id);
            shownAt.TryAdd(held.Id, held.CreatedAt);
            if (!parentShown)
            {
                var before = await CommentCounts.ThreadsBeforeAsync(reads, articleId, held.CreatedAt, held.Id, ct);
                places.Add((held, (int)Math.Max(0, before) + places.Count));
            }
        }
        return places;
    }

    /// <summary>
    /// The page of the thread holding <paramref name="commentId"/> (shown even when held, for its author), found as
    /// <see cref="CommentThread.Build"/> lays threads out: a comment whose parent is not shown starts a thread of its
    /// own. A breaking story collects thousands of comments; none is read into memory here, and only the threads
    /// after this one are counted (see <see cref="CommentCounts.ThreadsBeforeAsync"/>).
    /// </summary>
    /// <param name="known">The comment itself when the caller has it (just posted): one read fewer.</param>
    private async Task<int> RootPageAsync(int articleId, int commentId, CancellationToken ct, ThreadLink? known = null)
    {
        var root = known ?? await ShownComment(db, articleId, commentId, commentId, ct);
        for (var hops = 0; root?.ParentId is { } parentId && hops < 100; hops++)
        {
            // A parent shown after its reply (same time, later key: imported threads) does not hold it (see CommentThread.Build).
            if (await ShownComment(db, articleId, parentId, commentId, ct) is not { } up
                || !CommentCounts.ShownBefore(up.CreatedAt, up.Id, root.CreatedAt, root.Id))
            {
                break;
            }
            root = up;
        }
        if (root is null)
        {
            return 1;
        }
        // Only approved comments can come before the thread's first comment (a held one is shown after its parent).
        var before = await CommentCounts.ThreadsBeforeAsync(reads, articleId, root.CreatedAt, root.Id, ct);
        return (int)Math.Max(0, before) / commentOptions.ThreadsPerPage + 1;
    }

    private static CommentView? FindComment(IEnumerable<CommentThread> threads, int id)
    {
        foreach (var thread in threads)
        {
            if (thread.Comment.Id == id && !thread.Comment.Held)
            {
                return thread.Comment;
            }
            if (FindComment(thread.Replies, id) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The related stories, the "READ ALSO" pick and the neighbours in the section.</summary>
    private async Task LoadSurroundingsAsync(ArticleView article, CancellationToken ct)
    {
        // Neighbours are computed when stories are published (Search/RelatedStories); here they are only read.
        var related = await db.RelatedArticles.AsNoTracking()
            .Where(r => r.ArticleId == article.Id && r.Related.Status == ArticleStatus.Published)
            .OrderBy(r => r.Rank)
            .Select(r => r.Related)
            .Take(RelatedCount + 1)
            .ToCards()
            .ToListAsync(ct);

        if (article.ReadAlsoArticleId is { } picked)
        {
            ReadAlso = related.FirstOrDefault(r => r.Id == picked)
                ?? await db.Articles.AsNoTracking().Public().Where(a => a.Id == picked).ToCards().FirstOrDefaultAsync(ct);
        }
        ReadAlso ??= related.FirstOrDefault();
        Related = related.Where(r => r != ReadAlso).Take(RelatedCount).ToList();

        var published = article.PublishedAt;
        var inSection = db.Articles.AsNoTracking().Public().Where(a => a.SectionId == article.SectionId);
        Older = await inSection
            .Where(a => a.PublishedAt < published || (a.PublishedAt == published && a.Id < article.Id))
            .Newest().ToCards().FirstOrDefaultAsync(ct);
        Newer = await inSection
            .Where(a => a.PublishedAt > published || (a.PublishedAt == published && a.Id > article.Id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).ToCards().FirstOrDefaultAsync(ct);
    }

    /// <summary>An article that moved (its slug changed) keeps answering at its old address with a 301.</summary>
    private async Task<IActionResult> RedirectFromOldPathAsync(CancellationToken ct)
    {
        var path = Request.Path.Value ?? "/";
        if (!path.EndsWith('/'))
        {
            path += "/";
        }
        var target = await db.Redirects.AsNoTracking()
            .Where(r => r.Path == path && r.Article!.PublishedAt != null
                && (r.Article.Status == ArticleStatus.Published || r.Article.Status == ArticleStatus.Withdrawn))
            .Select(r => new { r.Article!.Slug, r.Article.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return target is null ? NotFound() : RedirectPermanent(ArticlePaths.For(target.PublishedAt!.Value, target.Slug));
    }

    /// <summary>The stored body with the "READ ALSO" link put in its place.</summary>
    public string BodyWithReadAlso()
    {
        var link = ReadAlso is null ? "" :
            $"<p class=\"read-also\"><strong>READ ALSO:</strong> <a href=\"{ReadAlso.Path}\">{System.Net.WebUtility.HtmlEncode(ReadAlso.Headline)}</a></p>";
        return Article.BodyHtml.Replace(ArticleRenderer.ReadAlsoSlot, link, StringComparison.Ordinal);
    }
}
