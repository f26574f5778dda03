using System.Text.RegularExpressions;
using Masthead.Shared;

namespace Masthead.Articles;

/// <summary>
/// Everything the editor sets on an article, as typed. <see cref="Problems"/> checks what can be checked without the
/// database; <see cref="EditorialWorkflow"/> checks the rest (unique slug, existing section, tags, people).
/// </summary>
public sealed partial class ArticleEdit
{
    public string Headline { get; set => field = value ?? ""; } = "";
    public string Standfirst { get; set => field = value ?? ""; } = "";
    /// <summary>Empty: made from the headline.</summary>
    public string Slug { get; set => field = value ?? ""; } = "";
    public int SectionId { get; set; }
    /// <summary>Tag names separated by commas; unknown names become new tags.</summary>
    public string Tags { get; set => field = value ?? ""; } = "";
    public List<int> AuthorIds { get; set => field = value ?? []; } = [];
    public string? Dateline { get; set; }
    public int? SourceId { get; set; }
    public string? SourceUrl { get; set; }
    /// <summary>Search engines are pointed here instead (wire copy republished verbatim).</summary>
    public string? CanonicalUrl { get; set; }
    public int? ImageId { get; set; }
    public string Body { get; set => field = value ?? ""; } = "";
    /// <summary>Null: the closest related story is linked automatically.</summary>
    public int? ReadAlsoArticleId { get; set; }
    public int ReadAlsoAfterParagraph { get; set; } = 3;
    public bool CommentsOpen { get; set; } = true;
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    /// <summary>UTC; the story is withdrawn by itself at this time (an embargo's end).</summary>
    public DateTime? UnpublishAt { get; set; }

    public const int MaxBodyLength = 200_000;

    /// <summary>Field name → message, for what is wrong with the edit itself.</summary>
    public Dictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Headline))
        {
            problems[nameof(Headline)] = "Please write a headline.";
        }
        else if (Headline.Trim().Length > 300)
        {
            problems[nameof(Headline)] = "The headline is too long: at most 300 characters.";
        }
        if (Standfirst.Trim().Length > 1000)
        {
            problems[nameof(Standfirst)] = "The standfirst is too long: at most 1,000 characters.";
        }
        if (!string.IsNullOrWhiteSpace(Slug) && Slugs.From(Slug, 200).Length == 0)
        {
            problems[nameof(Slug)] = "The address needs at least one letter or digit.";
        }
        if (SectionId <= 0)
        {
            problems[nameof(SectionId)] = "Choose a section.";
        }
        if ((Dateline ?? "").Trim().Length > 100)
        {
            problems[nameof(Dateline)] = "The dateline is too long: at most 100 characters.";
        }
        if (!IsWebAddress(SourceUrl))
        {
            problems[nameof(SourceUrl)] = "The original story's address must start with http:// or https://.";
        }
        if (!IsWebAddress(CanonicalUrl))
        {
            problems[nameof(CanonicalUrl)] = "The canonical address must start with http:// or https://.";
        }
        if (Body.Length > MaxBodyLength)
        {
            problems[nameof(Body)] = "The body is too long: at most 200,000 characters.";
        }
        if (ReadAlsoAfterParagraph is < 1 or > 50)
        {
            problems[nameof(ReadAlsoAfterParagraph)] = "Place READ ALSO after a paragraph between 1 and 50.";
        }
        if ((SeoTitle ?? "").Trim().Length > 300)
        {
            problems[nameof(SeoTitle)] = "The search title is too long: at most 300 characters.";
        }
        if ((SeoDescription ?? "").Trim().Length > 1000)
        {
            problems[nameof(SeoDescription)] = "The search description is too long: at most 1,000 characters.";
        }
        if (TagNames().Any(t => t.Length > 100 || Slugs.From(t, 100).Length == 0))
        {
            problems[nameof(Tags)] = "Each tag needs a letter or digit and at most 100 characters.";
        }
        return problems;
    }

    public IReadOnlyList<string> TagNames() => Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .DistinctBy(t => t.ToLowerInvariant()).ToList();

    /// <summary>Markdown images with no description: ![](...).</summary>
    public static bool HasImageWithoutAlt(string markdown) => EmptyAltImage().IsMatch(markdown ?? "");

    private static bool IsWebAddress(string? value) => string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && value.Trim().Length <= 2000);

    [GeneratedRegex(@"!\[\s*\]\(")]
    private static partial Regex EmptyAltImage();
}
