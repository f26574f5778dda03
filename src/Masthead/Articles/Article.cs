using Masthead.Media;

namespace Masthead.Articles;

/// <summary>Where an article is in its life. Only <see cref="Published"/> articles are shown to readers.</summary>
public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Withdrawn = 3,
    /// <summary>Submitted by its writer and waiting for an editor.</summary>
    InReview = 4,
}

/// <summary>
/// A story. The body is written in Markdown; <see cref="BodyHtml"/> is its rendering, made once when the body
/// changes so that no reader's request ever renders Markdown. All times are UTC.
/// </summary>
public class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Headline { get; set; }
    /// <summary>The lead paragraph shown under the headline and in lists.</summary>
    public string Standfirst { get; set; } = "";
    /// <summary>The place the story was filed from, e.g. "MOSCOW".</summary>
    public string? Dateline { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public ArticleStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>First publication (or the planned one while scheduled). Fixes the date in the URL.</summary>
    public DateTime? PublishedAt { get; set; }
    /// <summary>Last update readers were told about ("Updated ..."); null when never updated after publication.</summary>
    public DateTime? UpdatedAt { get; set; }
    /// <summary>Last change of anything shown on the article page, including its comments; drives Last-Modified.</summary>
    public DateTime ModifiedAt { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    /// <summary>The wire agency whose copy this is, when it is syndicated.</summary>
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    /// <summary>The agency's original story.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>Set when the story is republished verbatim: search engines are pointed at the original.</summary>
    public string? CanonicalUrl { get; set; }
    public int? ImageId { get; set; }
    public Image? Image { get; set; }
    /// <summary>The story the editor picked for the inline "READ ALSO" link; when null, the top related story.</summary>
    public int? ReadAlsoArticleId { get; set; }
    public Article? ReadAlso { get; set; }
    /// <summary>The paragraph after which "READ ALSO" is placed.</summary>
    public int ReadAlsoAfterParagraph { get; set; } = DefaultReadAlsoAfterParagraph;
    public const int DefaultReadAlsoAfterParagraph = 3;
    public bool CommentsOpen { get; set; } = true;
    /// <summary>Approved comments, kept in step by the comment services so that lists never count rows.</summary>
    public int CommentCount { get; set; }
    /// <summary>The threads the approved comments form on the page (see CommentCounts), kept in step with CommentCount.</summary>
    public int CommentThreadCount { get; set; }
    /// <summary>Shown to readers with the 410 answer once the article is withdrawn.</summary>
    public string? WithdrawalNote { get; set; }
    /// <summary>Where an imported story came from (e.g. "http://old.example#post-12"): re-running an import updates it.</summary>
    public string? ImportKey { get; set; }
    /// <summary>The title for search engines and social cards when it should differ from the headline.</summary>
    public string? SeoTitle { get; set; }
    /// <summary>The description for search engines and social cards; the standfirst when empty.</summary>
    public string? SeoDescription { get; set; }
    /// <summary>The writer's note to the editor when submitting for review.</summary>
    public string? ReviewNote { get; set; }
    /// <summary>When an embargoed story must come down again by itself (withdrawn at that time).</summary>
    public DateTime? UnpublishAt { get; set; }
    /// <summary>The staff account that created the article: authors may edit and publish only their own.</summary>
    public int? OwnerId { get; set; }
    public List<ArticleCorrection> Corrections { get; set; } = [];
    public List<Byline> Bylines { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];

    /// <summary>The public path, e.g. /2026/11/27/slug/. Only meaningful once <see cref="PublishedAt"/> is set.</summary>
    public string Path => ArticlePaths.For(PublishedAt ?? CreatedAt, Slug);
}

/// <summary>An author's credit on an article, in order.</summary>
public class Byline
{
    public int ArticleId { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>The URL shapes of articles: published contracts, pinned by tests.</summary>
public static class ArticlePaths
{
    /// <summary>Always the Gregorian date, whatever the server's culture (a Thai or Hijri calendar would move every URL).</summary>
    public static string For(DateTime publishedUtc, string slug) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/{publishedUtc:yyyy}/{publishedUtc:MM}/{publishedUtc:dd}/{slug}/");
}
