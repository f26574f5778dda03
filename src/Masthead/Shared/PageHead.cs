namespace Masthead.Shared;

/// <summary>What the layout puts in &lt;head&gt; for a page: title, description, canonical and paging links.</summary>
public sealed class PageHead
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Site-relative path of the canonical URL; the layout makes it absolute.</summary>
    public string CanonicalPath { get; set; } = "/";
    /// <summary>An absolute canonical elsewhere (verbatim wire copy points at the agency's original).</summary>
    public string? CanonicalUrl { get; set; }
    public string? PrevPath { get; set; }
    public string? NextPath { get; set; }
    /// <summary>og:type; "article" on article pages.</summary>
    public string OpenGraphType { get; set; } = "website";
    public string? ImagePath { get; set; }
    public bool NoIndex { get; set; }
    /// <summary>schema.org JSON-LD blocks for the page.</summary>
    public List<string> StructuredData { get; } = [];
    /// <summary>Open Graph article facts (og:type article).</summary>
    public ArticleFacts? Article { get; set; }
    /// <summary>The list this page shows has its own feeds under this path (section, tag, author pages).</summary>
    public string? FeedPath { get; set; }
}

public sealed record ArticleFacts(string PublishedTime, string ModifiedTime, string Section, IReadOnlyList<string> Tags);

/// <summary>Implemented by page models whose pages use the site layout.</summary>
public interface IHasPageHead
{
    PageHead Head { get; }
}
