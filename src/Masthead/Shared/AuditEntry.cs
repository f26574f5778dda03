namespace Masthead.Shared;

/// <summary>One thing a member of staff (or the scheduler) did: who, what, to what, when. Never edited or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>Null for the system itself (the scheduler, the wire ingest).</summary>
    public int? StaffUserId { get; set; }
    public string StaffName { get; set; } = "";
    /// <summary>A short verb phrase, e.g. "article.published", "comment.spam", "user.invited".</summary>
    public required string Action { get; set; }
    /// <summary>What was acted on, e.g. "article", "comment", "user", "settings".</summary>
    public string TargetType { get; set; } = "";
    public int? TargetId { get; set; }
    /// <summary>A human-readable line, e.g. the headline of the article.</summary>
    public string Detail { get; set; } = "";
}

/// <summary>A site setting changed in /admin/settings; it overrides the configuration file's value.</summary>
public class SiteSetting
{
    public required string Key { get; set; }
    public string Value { get; set; } = "";
}
