using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Masthead.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML stored beside it. Runs when a body is saved, never per request.
/// The output is sanitized even though only staff write bodies: imported and wire copy passes through here too.
/// </summary>
public sealed class ArticleRenderer
{
    /// <summary>Placed after the chosen paragraph; the article page swaps it for the "READ ALSO" link.</summary>
    public const string ReadAlsoSlot = "<div class=\"read-also-slot\"></div>";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseFigures()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseSmartyPants()
        .Build();

    // Made on first use: the site starts (and answers its first reader) without building the sanitizer, which only
    // saving or importing a story needs.
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(CreateSanitizer);

    public string Render(string markdown, int readAlsoAfterParagraph = 3)
    {
        var document = Markdown.Parse(markdown ?? "", _pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);

        var paragraphs = 0;
        var placed = false;
        foreach (var block in document)
        {
            renderer.Render(block);
            if (!placed && block is ParagraphBlock && ++paragraphs == readAlsoAfterParagraph)
            {
                writer.Write(ReadAlsoSlot);
                placed = true;
            }
        }
        if (!placed)
        {
            writer.Write(ReadAlsoSlot);
        }
        renderer.Writer.Flush();
        return _sanitizer.Value.Sanitize(writer.ToString());
    }

    /// <summary>The first paragraphs as plain text, for descriptions where no standfirst was written.</summary>
    public string PlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", _pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.UnionWith(["figure", "figcaption", "cite"]);
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("loading");
        // Links in bodies point off-site to sources; never let them carry the reader's session elsewhere.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a && a.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                a.SetAttribute("rel", "noopener");
            }
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } img)
            {
                img.SetAttribute("loading", "lazy");
            }
        };
        return sanitizer;
    }
}
