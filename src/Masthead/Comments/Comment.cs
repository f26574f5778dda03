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
    public required string AuthorName { get; set; }
    /// <summary>Never shown publicly.</summary>
    public required string AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    public required string Body { get; set; }
    public CommentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}
