using System.Net.Mail;
using Masthead.Articles;
using Masthead.Data.Sqlite;
using Masthead.Shared;

namespace Masthead.Comments;

/// <summary>
/// What the comment rules need to know of a story, read by one statement prepared once (see <see cref="PreparedReads"/>)
/// wherever a comment or a form is asked for: by the story's address when a reader posts, by its key when the form's
/// script asks for tokens. Only published and withdrawn stories are found (withdrawn ones answer "Comments are closed.").
/// </summary>
public sealed record CommentStory(int Id, ArticleStatus Status, DateTime PublishedAt, bool CommentsOpen)
{
    private static string Sql(string key) => $"SELECT Id, Status, PublishedAt, CommentsOpen FROM Articles WHERE {key} = $key " +
        $"AND PublishedAt IS NOT NULL AND Status IN ({(int)ArticleStatus.Published}, {(int)ArticleStatus.Withdrawn}) LIMIT 1";

    private static readonly string BySlugSql = Sql("Slug");
    private static readonly string ByIdSql = Sql("Id");

    public static Task<CommentStory?> BySlugAsync(PreparedReads reads, string slug, CancellationToken ct) => reads.ReadAsync(BySlugSql, Row, ct, ("$key", slug));

    public static Task<CommentStory?> ByIdAsync(PreparedReads reads, int id, CancellationToken ct) => reads.ReadAsync(ByIdSql, Row, ct, ("$key", id));

    private static CommentStory? Row(Microsoft.Data.Sqlite.SqliteDataReader r) => r.Read()
        ? new CommentStory(r.GetInt32(0), (ArticleStatus)r.GetInt32(1), DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Utc), r.GetBoolean(3))
        : null;

    /// <summary>Published, and open for comments (see <see cref="CommentRules.IsOpen"/>).</summary>
    public bool TakesComments(DateTime now, CommentOptions options) =>
        Status == ArticleStatus.Published && CommentRules.IsOpen(CommentsOpen, PublishedAt, now, options);
}

/// <summary>What a reader sent with the comment form, before any checks.</summary>
public sealed record CommentSubmission
{
    public int? ParentId { get; init; }
    public string? Body { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Url { get; init; }
    /// <summary>A field people never see; robots fill it in.</summary>
    public string? Honeypot { get; init; }
    public string? FormToken { get; init; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
    public bool NotifyReplies { get; init; }
}

public enum CommentOutcome
{
    Published,
    Held,
    Invalid,
    Closed,
    TooFast,
    Expired,
    RateLimited,
    Duplicate,
    Rejected,
}

/// <summary>
/// Every way a post can end, each with the message the reader sees: nothing a reader sends is silently lost.
/// Field errors are keyed by the form's field names (comment, author, email, url, parent).
/// </summary>
public sealed record CommentResult(CommentOutcome Outcome, string Message, IReadOnlyDictionary<string, string> Errors, Comment? Comment = null)
{
    public static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Accepted => Outcome is CommentOutcome.Published or CommentOutcome.Held;

    public static CommentResult Fail(CommentOutcome outcome, string message) => new(outcome, message, NoErrors);
}

/// <summary>The messages readers know from news sites; tests pin them word for word.</summary>
public static class CommentMessages
{
    public const string EnterComment = "Please enter your comment!";
    public const string EnterName = "Please enter your name here";
    public const string BadEmail = "You have entered an incorrect email address!";
    public const string AwaitingModeration = "Your comment is awaiting moderation.";
    public const string Published = "Your comment has been published.";
    public const string Closed = "Comments are closed.";
    public const string Duplicate = "Duplicate comment detected; it looks as though you\u2019ve already said that!";
    public const string TooFast = "That was quick! Please take a few seconds to read over your comment, then post it again.";
    public const string Expired = "This form has expired. Your comment is still here: please post it again.";
    /// <summary>A form posted without its tokens: a browser without JavaScript, from a cached page.</summary>
    public const string ConfirmPost = "Your comment is still here: please look it over and post it again.";
    public const string Flood = "You are posting comments too quickly. Please wait a few seconds and try again.";
    public const string Rejected = "Your comment could not be accepted.";
    public const string FixErrors = "Please correct the highlighted fields.";
    public static string HourlyLimit(int limit) => $"You have posted {limit} comments in the last hour, the most allowed. Please try again later.";
    public const string ParentGone = "The comment you are replying to is no longer available.";
}

/// <summary>
/// Takes a reader's comment through every rule — open for comments, robots, validation, flooding, duplicates, the
/// spam filter and the moderation policy — and stores it. Approved comments update the article's count and evict
/// its cached page in the same step, so the next reader sees them.
/// </summary>
public sealed class CommentPoster(
    SpamFilter spamFilter,
    CommentText text,
    CommentFormToken formToken,
    CommentOptions options,
    SiteClock clock,
    SiteCache cache,
    CommentWriter writer,
    CommentNotifier notifier,
    PreparedReads reads)
{
    // Every post runs these reads: statements prepared once (see PreparedReads). Compiling them again for each post
    // cost more than running them when many readers post at once.
    private static readonly string ParentShownSql =
        $"SELECT EXISTS (SELECT 1 FROM Comments WHERE Id = $parentId AND ArticleId = $articleId AND Status = {(int)CommentStatus.Approved})";

    /// <summary>Comments by this address or from this IP address (none when unknown) since the given time.</summary>
    private const string PostedSinceSql = "SELECT COUNT(*) FROM Comments WHERE (AuthorEmail = $email OR IpAddress = $ip) AND CreatedAt > $since";

    private static readonly string SaidBeforeSql = "SELECT EXISTS (SELECT 1 FROM Comments WHERE ArticleId = $articleId AND AuthorEmail = $email " +
        $"AND Body = $body AND Status <> {(int)CommentStatus.Trash})";

    private static readonly string ApprovedBeforeSql =
        $"SELECT EXISTS (SELECT 1 FROM Comments WHERE AuthorEmail = $email AND Status = {(int)CommentStatus.Approved})";

    private Task<bool> ParentShown(int parentId, int articleId, CancellationToken ct) =>
        reads.ScalarAsync(ParentShownSql, false, ct, ("$parentId", parentId), ("$articleId", articleId));

    private Task<long> PostedSince(string email, string? ip, DateTime since, CancellationToken ct) =>
        reads.ScalarAsync(PostedSinceSql, 0L, ct, ("$email", email), ("$ip", ip), ("$since", since));

    private Task<bool> SaidBefore(int articleId, string email, string body, CancellationToken ct) =>
        reads.ScalarAsync(SaidBeforeSql, false, ct, ("$articleId", articleId), ("$email", email), ("$body", body));

    private Task<bool> ApprovedBefore(string email, CancellationToken ct) => reads.ScalarAsync(ApprovedBeforeSql, false, ct, ("$email", email));

    /// <summary>Posts to <paramref name="article"/>, as read by <see cref="CommentStory.BySlugAsync"/> or <see cref="CommentStory.ByIdAsync"/>.</summary>
    public async Task<CommentResult> PostAsync(CommentStory article, CommentSubmission form, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        if (!article.TakesComments(now, options))
        {
            return CommentResult.Fail(CommentOutcome.Closed, CommentMessages.Closed);
        }
        if (!string.IsNullOrEmpty(form.Honeypot))
        {
            return CommentResult.Fail(CommentOutcome.Rejected, CommentMessages.Rejected);
        }

        var (body, name, email, url) = (Clean(form.Body), Clean(form.Name), Clean(form.Email).ToLowerInvariant(), Clean(form.Url));
        var errors = Validate(body, name, email, url);
        if (form.ParentId is { } parentId && !await ParentShown(parentId, article.Id, ct))
        {
            errors["parent"] = CommentMessages.ParentGone;
        }
        if (errors.Count > 0)
        {
            return new CommentResult(CommentOutcome.Invalid, CommentMessages.FixErrors, errors);
        }

        switch (formToken.Check(form.FormToken, article.Id))
        {
            case FormTokenCheck.TooFast:
                return CommentResult.Fail(CommentOutcome.TooFast, CommentMessages.TooFast);
            case FormTokenCheck.Expired:
                return CommentResult.Fail(CommentOutcome.Expired, CommentMessages.Expired);
        }

        if (await FloodMessageAsync(email, form.IpAddress, now, ct) is { } flood)
        {
            return CommentResult.Fail(CommentOutcome.RateLimited, flood);
        }
        if (await SaidBefore(article.Id, email, body, ct))
        {
            return CommentResult.Fail(CommentOutcome.Duplicate, CommentMessages.Duplicate);
        }

        var verdict = await spamFilter.JudgeAsync(name, email, url.Length == 0 ? null : url, body, form.IpAddress, ct);
        var (status, reason) = await DecideAsync(verdict, body, email, ct);
        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = form.ParentId,
            AuthorName = name,
            AuthorEmail = email,
            AuthorUrl = url.Length == 0 ? null : url,
            Body = body,
            BodyHtml = text.Render(body),
            Status = status,
            // Both times are set again to the moment the writer stores the comment (see CommentWriter).
            CreatedAt = now,
            ModeratedAt = status == CommentStatus.Pending ? null : now,
            FilterReason = reason,
            IpAddress = Truncate(form.IpAddress, 45),
            UserAgent = Truncate(form.UserAgent, 500),
            NotifyReplies = form.NotifyReplies,
        };

        // Stored with its article's count in one transaction, shared with the comments posted at the same moment.
        await writer.SaveAsync(comment, ct);
        if (status == CommentStatus.Approved)
        {
            await cache.EvictCommentsAsync(article.Id, ct);
        }
        notifier.CommentPosted(comment.Id);

        // Spam is never shown; its author is told what a held commenter is told, and moderators can still rescue it.
        return status == CommentStatus.Approved
            ? new CommentResult(CommentOutcome.Published, CommentMessages.Published, CommentResult.NoErrors, comment)
            : new CommentResult(CommentOutcome.Held, CommentMessages.AwaitingModeration, CommentResult.NoErrors, comment);
    }

    private async Task<(CommentStatus, string?)> DecideAsync(SpamVerdict verdict, string body, string email, CancellationToken ct)
    {
        if (verdict.Kind == SpamVerdictKind.Spam)
        {
            return (CommentStatus.Spam, verdict.Reason);
        }
        if (verdict.Kind == SpamVerdictKind.Hold)
        {
            return (CommentStatus.Pending, verdict.Reason);
        }
        if (CommentText.CountLinks(body) > options.MaxLinks)
        {
            return (CommentStatus.Pending, $"more than {options.MaxLinks} links");
        }
        return options.Moderation switch
        {
            ModerationPolicy.HoldAll => (CommentStatus.Pending, "every comment is moderated"),
            ModerationPolicy.HoldFirst when !await ApprovedBefore(email, ct)
                => (CommentStatus.Pending, "first comment"),
            _ => (CommentStatus.Approved, null),
        };
    }

    private async Task<string?> FloodMessageAsync(string email, string? ip, DateTime now, CancellationToken ct)
    {
        if (options.FloodSeconds > 0 && await PostedSince(email, ip, now.AddSeconds(-options.FloodSeconds), ct) > 0)
        {
            return CommentMessages.Flood;
        }
        return await PostedSince(email, ip, now.AddHours(-1), ct) >= options.HourlyLimit
            ? CommentMessages.HourlyLimit(options.HourlyLimit)
            : null;
    }

    /// <summary>What can be said of the typed fields without the database: their errors, or null when there are none.</summary>
    public static CommentResult? FieldErrors(CommentSubmission form)
    {
        var errors = Validate(Clean(form.Body), Clean(form.Name), Clean(form.Email).ToLowerInvariant(), Clean(form.Url));
        return errors.Count > 0 ? new CommentResult(CommentOutcome.Invalid, CommentMessages.FixErrors, errors) : null;
    }

    internal static Dictionary<string, string> Validate(string body, string name, string email, string url)
    {
        var errors = new Dictionary<string, string>();
        if (body.Length == 0)
        {
            errors["comment"] = CommentMessages.EnterComment;
        }
        else if (body.Length > CommentOptions.MaxBodyLength)
        {
            errors["comment"] = $"Your comment is too long: {body.Length:N0} characters. Please keep it to {CommentOptions.MaxBodyLength:N0}.";
        }
        if (name.Length == 0)
        {
            errors["author"] = CommentMessages.EnterName;
        }
        else if (name.Length > CommentOptions.MaxNameLength)
        {
            errors["author"] = $"Your name is too long. Please keep it to {CommentOptions.MaxNameLength} characters.";
        }
        if (email.Length > CommentOptions.MaxEmailLength)
        {
            errors["email"] = $"Your email address is too long. It can have at most {CommentOptions.MaxEmailLength} characters.";
        }
        else if (!IsEmail(email))
        {
            errors["email"] = CommentMessages.BadEmail;
        }
        if (url.Length > CommentOptions.MaxUrlLength)
        {
            errors["url"] = $"Your website address is too long. Please keep it to {CommentOptions.MaxUrlLength} characters.";
        }
        else if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var site) && (site.Scheme == Uri.UriSchemeHttp || site.Scheme == Uri.UriSchemeHttps) && site.Host.Contains('.')))
        {
            errors["url"] = "Please enter your website as a full address starting with http:// or https://.";
        }
        return errors;
    }

    private static bool IsEmail(string email)
    {
        if (email.Length < 3 || email.Contains(' ') || email.Count(c => c == '@') != 1)
        {
            return false;
        }
        var at = email.IndexOf('@');
        var domain = email[(at + 1)..];
        return at > 0 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.')
            && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
    }

    /// <summary>Trims and drops control characters other than line breaks.</summary>
    internal static string Clean(string? value) =>
        new string((value ?? "").Where(c => !char.IsControl(c) || c == '\n').ToArray()).Replace("\r", "").Trim();

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}

/// <summary>Rules about comments that several pages and services share.</summary>
public static class CommentRules
{
    /// <summary>Open unless closed by hand, or older than the site's limit in days.</summary>
    public static bool IsOpen(bool commentsOpen, DateTime publishedAt, DateTime now, CommentOptions options) =>
        commentsOpen && (options.CloseAfterDays == 0 || now < publishedAt.AddDays(options.CloseAfterDays));
}
