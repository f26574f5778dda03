using System.Text.Json;
using System.Text.Json.Serialization;
using Masthead.Articles;
using Masthead.Comments;

namespace Masthead.Import.Backup;

/// <summary>
/// The shape of a Masthead backup: one JSON object whose first two properties name the format and its version,
/// followed by one array per kind, in an order where everything a row refers to comes before it. Ids are the
/// source site's; a restore keeps them, so every reference (including those inside revision snapshots and the
/// logo setting) stays true. Times are UTC. Passwords, security stamps, sign-in keys and the image files
/// themselves are never in the file.
/// </summary>
public static class BackupFormat
{
    public const string Name = "masthead-backup";
    public const int Version = 1;

    /// <summary>The arrays of the document, in the order they are written and must be read.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "settings", "staff", "images", "sections", "tags", "authors", "sources", "articles", "comments", "pages", "redirects",
        "taxonomyRedirects", "wireFeeds", "wireItems", "blockedTerms", "spamTokens", "spamTraining", "audit",
    ];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

public sealed record BackupSetting(string Key, string Value);

public sealed record BackupImage(int Id, string FileName, string ContentType, int Width, int Height, string Widths, string AltText,
    string Caption, string Credit, string? SourceUrl, string? OriginalName, long ByteSize, DateTime CreatedAt, int? UploadedById);

public sealed record BackupSection(int Id, string Slug, string Name, string Description, int Position);

public sealed record BackupTag(int Id, string Slug, string Name, string Description);

public sealed record BackupAuthor(int Id, string Slug, string Name, string JobTitle, string Bio, string? Email, int? ImageId);

public sealed record BackupSource(int Id, string Slug, string Name, string? Url);

/// <summary>A staff account without any credential: restored accounts wait for an invitation.</summary>
public sealed record BackupStaffUser(int Id, string Email, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    int? AuthorId, DateTime CreatedAt, bool Suspended);

public sealed record BackupArticle(
    int Id, string Slug, string Headline, string Standfirst, string? Dateline, ArticleStatus Status,
    DateTime CreatedAt, DateTime? PublishedAt, DateTime? UpdatedAt, DateTime ModifiedAt, DateTime? UnpublishAt,
    int SectionId, int? SourceId, string? SourceUrl, string? CanonicalUrl, int? ImageId,
    int? ReadAlsoArticleId, int ReadAlsoAfterParagraph, bool CommentsOpen, int CommentCount,
    string? WithdrawalNote, string? ImportKey, string? SeoTitle, string? SeoDescription, string? ReviewNote, int? OwnerId,
    IReadOnlyList<int> AuthorIds, IReadOnlyList<int> TagIds, string BodyMarkdown, string BodyHtml,
    IReadOnlyList<BackupCorrection> Corrections, IReadOnlyList<BackupRevision> Revisions);

public sealed record BackupCorrection(int Id, DateTime CreatedAt, string Note);

public sealed record BackupRevision(int Id, int Number, DateTime CreatedAt, int? StaffUserId, string StaffName, string Kind,
    string Headline, string Standfirst, string BodyMarkdown, string Snapshot);

public sealed record BackupComment(int Id, int ArticleId, int? ParentId, CommentStatus Status, string AuthorName, string AuthorEmail,
    string? AuthorUrl, string Body, string BodyHtml, DateTime CreatedAt, DateTime? ModeratedAt, DateTime? EditedAt,
    string? IpAddress, string? UserAgent, bool NotifyReplies, string? FilterReason, string? ImportKey, int? StaffUserId);

/// <summary>An old address and what it leads to now: an article or (<see cref="PageId"/>) a standing page.</summary>
public sealed record BackupRedirect(int Id, string Path, int? ArticleId, DateTime CreatedAt, int? PageId = null);

public sealed record BackupPage(int Id, string Slug, string Title, Pages.SitePageStatus Status, int? ParentId, int MenuOrder, string? SeoDescription,
    DateTime CreatedAt, DateTime UpdatedAt, string? ImportKey, string BodyMarkdown, string BodyHtml);

public sealed record BackupTaxonomyRedirect(int Id, TaxonomyKind Kind, string OldSlug, int TargetId, DateTime CreatedAt);

public sealed record BackupWireFeed(int Id, int SourceId, string FeedUrl, int SectionId, string DefaultTags, bool PublishAtOnce,
    int IntervalMinutes, string? ETag, string? LastModified, DateTime NextPollAt, int Failures);

public sealed record BackupWireItem(int Id, int WireFeedId, string Key, string? Url, long Fingerprint, int? ArticleId,
    int? DuplicateOfArticleId, DateTime ReceivedAt);

public sealed record BackupBlockedTerm(int Id, BlockKind Kind, string Value, DateTime CreatedAt);

public sealed record BackupSpamToken(string Token, int SpamCount, int HamCount);

public sealed record BackupSpamTraining(int Id, int SpamComments, int HamComments);

public sealed record BackupAuditEntry(long Id, DateTime At, int? StaffUserId, string StaffName, string Action, string TargetType,
    int? TargetId, string Detail);

/// <summary>What a restore brought in, per kind; or why it brought in nothing.</summary>
public sealed class BackupReport
{
    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
    /// <summary>Set when the restore was refused or failed; the database was left as it was.</summary>
    public string? Error { get; set; }

    public void Count(string kind, int n = 1) => Counts[kind] = Counts.GetValueOrDefault(kind) + n;

    public override string ToString() =>
        Error is not null ? $"Import failed, nothing was changed: {Error}"
        : "Restored " + string.Join(", ", BackupFormat.Kinds.Select(k => $"{Counts.GetValueOrDefault(k)} {k}")) + ".";
}

/// <summary>A backup that cannot be restored as it is; the message says where and why.</summary>
public sealed class BackupException(string message) : Exception(message);
