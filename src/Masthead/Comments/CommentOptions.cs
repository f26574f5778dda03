using System.ComponentModel.DataAnnotations;

namespace Masthead.Comments;

/// <summary>Which new comments wait for a moderator.</summary>
public enum ModerationPolicy
{
    /// <summary>Every comment waits for a moderator.</summary>
    HoldAll,
    /// <summary>A commenter's first comment waits; once one of theirs is approved, later ones appear at once (as WordPress does).</summary>
    HoldFirst,
    /// <summary>Comments appear at once unless the filters hold them.</summary>
    PublishAtOnce,
}

/// <summary>Site settings for readers' comments. Section "Comments".</summary>
public sealed class CommentOptions
{
    public const string SectionName = "Comments";

    public ModerationPolicy Moderation { get; set; } = ModerationPolicy.HoldFirst;

    /// <summary>Comments close this many days after publication; 0 keeps them open.</summary>
    [Range(0, 36500)]
    public int CloseAfterDays { get; set; }

    /// <summary>How deep replies nest before they continue at the deepest level.</summary>
    [Range(1, 10)]
    public int MaxDepth { get; set; } = 5;

    /// <summary>Top-level threads per page of comments.</summary>
    [Range(5, 500)]
    public int ThreadsPerPage { get; set; } = 50;

    /// <summary>Comments with more links than this are held for a moderator.</summary>
    [Range(0, 100)]
    public int MaxLinks { get; set; } = 2;

    /// <summary>The least time between two comments from one address or one email.</summary>
    [Range(0, 3600)]
    public int FloodSeconds { get; set; } = 15;

    /// <summary>The most comments one address or one email may post in an hour.</summary>
    [Range(1, 10000)]
    public int HourlyLimit { get; set; } = 20;

    /// <summary>Posts of any kind accepted from one network address a minute, before any other check.</summary>
    [Range(1, 100000)]
    public int PostsPerMinutePerAddress { get; set; } = 10;

    /// <summary>A form posted sooner than this after it was served was filled in by a robot.</summary>
    [Range(0, 600)]
    public int MinFormSeconds { get; set; } = 3;

    /// <summary>A form older than this is refused; the reader is asked to post again.</summary>
    [Range(60, 604800)]
    public int MaxFormAgeSeconds { get; set; } = 86400;

    /// <summary>The spam classifier decides on its own only after learning from this many spam and this many approved comments.</summary>
    [Range(1, 100000)]
    public int MinTrainingPerKind { get; set; } = 20;

    /// <summary>Who is told of every new comment, besides the article's authors.</summary>
    public List<string> ModeratorEmails { get; set; } = [];

    public const int MaxBodyLength = 5000;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxUrlLength = 200;
    /// <summary>The largest comment post read at all: the longest comment, percent-encoded, with room for the other fields.</summary>
    public const int MaxRequestBytes = 64 * 1024;
}
