using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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

    /// <summary>Made at the first text that is not plain prose: a site whose comments are all prose never loads it.</summary>
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(CreateSanitizer);

    public string Render(string text)
    {
        var document = Markdown.Parse(text ?? "", _pipeline);
        var html = document.ToHtml(_pipeline);
        return (IsPlainProse(document, text ?? "") ? AsSanitized(html) : _sanitizer.Value.Sanitize(html)).Trim();
    }

    /// <summary>What <see cref="Render"/> gives for any text the long way, through the sanitizer.</summary>
    internal string RenderSanitized(string text) => _sanitizer.Value.Sanitize(Markdown.ToHtml(text ?? "", _pipeline)).Trim();

    /// <summary>Whether the sanitizer has been made (see <see cref="_sanitizer"/>).</summary>
    internal bool SanitizerMade => _sanitizer.IsValueCreated;

    /// <summary>Whether <see cref="Render"/> takes the text through the sanitizer.</summary>
    internal bool NeedsSanitizer(string text) => !IsPlainProse(Markdown.Parse(text ?? "", _pipeline), text ?? "");

    /// <summary>
    /// Whether the text is prose the sanitizer would pass untouched: paragraphs of words, emphasis and line breaks, no
    /// links, lists, quotes, code or entities, and none of the characters its serializer writes otherwise. Most comments
    /// are (HTML typed into one is text here, escaped by Markdig); parsing each one's HTML again to find nothing to
    /// remove was a sixteenth of the CPU of posting a comment. Anything else goes through the sanitizer
    /// (CommentTextTests hold the two answers equal).
    /// </summary>
    private static bool IsPlainProse(MarkdownDocument document, string text)
    {
        foreach (var c in text)
        {
            if (c == '\u00A0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                return false;
            }
        }
        foreach (var block in document)
        {
            if (block is not ParagraphBlock { Inline: { } inline } || !IsProse(inline))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsProse(ContainerInline container)
    {
        foreach (var inline in container)
        {
            var prose = inline switch
            {
                LiteralInline or LineBreakInline => true,
                EmphasisInline { DelimiterChar: '*' or '_' } emphasis => IsProse(emphasis),
                _ => false,
            };
            if (!prose)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Plain prose as the sanitizer writes it back: its serializer leaves quotation marks in text as they are and
    /// writes a line break as &lt;br&gt;, where Markdig writes &amp;quot; and &lt;br /&gt;. Neither string can come
    /// from the reader's text, whose ampersands and angle brackets are escaped.
    /// </summary>
    private static string AsSanitized(string html) => html.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("<br />", "<br>", StringComparison.Ordinal);

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
