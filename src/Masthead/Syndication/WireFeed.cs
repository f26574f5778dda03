using Masthead.Articles;

namespace Masthead.Syndication;

/// <summary>An agency's feed that the newsroom takes copy from.</summary>
public class WireFeed
{
    public int Id { get; set; }
    /// <summary>The agency named in the source line ("Northwire reported").</summary>
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
    /// <summary>RSS, Atom or JSON Feed.</summary>
    public required string FeedUrl { get; set; }
    public int SectionId { get; set; }
    /// <summary>Tag names given to every story from this feed, comma separated.</summary>
    public string DefaultTags { get; set; } = "";
    /// <summary>Publish at once; otherwise stories wait as drafts for an editor.</summary>
    public bool PublishAtOnce { get; set; }
    public int IntervalMinutes { get; set; } = 10;
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public DateTime NextPollAt { get; set; }
    /// <summary>Failures in a row; each doubles the wait before the next try.</summary>
    public int Failures { get; set; }
}

/// <summary>One story seen on a wire feed, and what became of it.</summary>
public class WireItem
{
    public int Id { get; set; }
    public int WireFeedId { get; set; }
    /// <summary>The item's GUID, or its link when it has none.</summary>
    public required string Key { get; set; }
    public string? Url { get; set; }
    /// <summary>SimHash of the story's words, to recognise the same story told twice.</summary>
    public long Fingerprint { get; set; }
    public int? ArticleId { get; set; }
    /// <summary>Set when this was a near-duplicate of a story already taken.</summary>
    public int? DuplicateOfArticleId { get; set; }
    public DateTime ReceivedAt { get; set; }
}

public enum IngestOutcome
{
    Fetched,
    NotModified,
    Failed,
}

/// <summary>A poll of a wire feed, for the ingest log.</summary>
public class IngestRun
{
    public int Id { get; set; }
    public int WireFeedId { get; set; }
    public DateTime StartedAt { get; set; }
    public IngestOutcome Outcome { get; set; }
    public int NewStories { get; set; }
    public int Duplicates { get; set; }
    public string? Error { get; set; }
}
