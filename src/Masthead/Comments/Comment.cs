using Masthead.Articles;

namespace Masthead.Comments;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Trash = 3,
}

/// <summary>A reader's reply to an article or to another comment. Only approved comments are public.</summary>
public class Comment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    /// <summary>The comment this one replies to; null for a top-level comment.</summary>
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>Never shown publicly.</summary>
    public required string AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    /// <summary>What the reader typed: plain text with a little Markdown.</summary>
    public required string Body { get; set; }
    /// <summary>The body rendered and sanitized once, when the comment is saved or edited.</summary>
    public string BodyHtml { get; set; } = "";
    public CommentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When a moderator (or the filter) last changed the status.</summary>
    public DateTime? ModeratedAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    /// <summary>The commenter asked to be told of replies by email.</summary>
    public bool NotifyReplies { get; set; }
    /// <summary>Why the filter held or marked the comment, for moderators ("more than 2 links", "blocklist: email").</summary>
    public string? FilterReason { get; set; }
    /// <summary>Where an imported comment came from (e.g. "http://old.example#comment-7").</summary>
    public string? ImportKey { get; set; }
    /// <summary>Written by a member of staff while signed in: marked as such on the public page.</summary>
    public int? StaffUserId { get; set; }
    /// <summary>When a moderator last edited the text.</summary>
    public DateTime? EditedAt { get; set; }
}

public enum BlockKind
{
    Word = 0,
    Email = 1,
    Ip = 2,
}

/// <summary>A word, email address or IP address whose comments go straight to spam.</summary>
public class BlockedTerm
{
    public int Id { get; set; }
    public BlockKind Kind { get; set; }
    /// <summary>Lower case; for <see cref="BlockKind.Word"/> matched as a whole word in the name, email, website or text.</summary>
    public required string Value { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>How often a token appeared in comments moderators marked spam and in comments they approved.</summary>
public class SpamToken
{
    public required string Token { get; set; }
    public int SpamCount { get; set; }
    public int HamCount { get; set; }
}

/// <summary>How many comments the spam filter has learned from, of each kind (a single row).</summary>
public class SpamTraining
{
    public int Id { get; set; }
    public int SpamComments { get; set; }
    public int HamComments { get; set; }
}
