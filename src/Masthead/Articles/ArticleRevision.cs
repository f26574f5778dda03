namespace Masthead.Articles;

/// <summary>
/// A saved state of an article. Every save in the editor keeps one, so staff can compare any two and restore one.
/// The text fields are columns (for readable diffs); everything else the editor sets is in <see cref="Snapshot"/>.
/// </summary>
public class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>1 for the first save of the article, counting up.</summary>
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? StaffUserId { get; set; }
    /// <summary>Who saved it, as they were named at the time.</summary>
    public string StaffName { get; set; } = "";
    /// <summary>What kind of save it was: "saved", "autosaved", "published", "restored", "imported".</summary>
    public string Kind { get; set; } = "saved";
    public string Headline { get; set; } = "";
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    /// <summary>The other fields as JSON (slug, section, tags, bylines, dateline, source, image, SEO, READ ALSO...).</summary>
    public string Snapshot { get; set; } = "{}";
}

/// <summary>A note appended to an article's public corrections log when an update corrects it.</summary>
public class ArticleCorrection
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string Note { get; set; }
}
