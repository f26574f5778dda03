using Ganss.Xss;
using Markdig;

namespace Masthead.Comments;

/// <summary>
/// Renders what readers type: plain text with a little Markdown (emphasis, links, quotes, code). Raw HTML is shown
/// as text, and the result is sanitized so that only http(s) links and harmless tags remain.
/// </summary>
public sealed class CommentText
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .DisableHeadings()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string text) => _sanitizer.Sanitize(Markdown.ToHtml(text ?? "", _pipeline)).Trim();

    /// <summary>How many links a reader put in the text, however they were written.</summary>
    public static int CountLinks(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text ?? "", @"(https?://|www\.|<a\s)", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count;

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "em", "strong", "del", "a", "blockquote", "code", "pre", "ul", "ol", "li"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        });
        // Readers' links earn no search credit and get no handle on this page.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }
}
