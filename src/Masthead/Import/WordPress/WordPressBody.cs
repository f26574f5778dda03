using System.Text.RegularExpressions;

namespace Masthead.Import.WordPress;

/// <summary>
/// Turns a WordPress post body into clean HTML for Masthead's Markdown body (raw HTML blocks are valid Markdown, and
/// the renderer sanitizes them): block comments removed, classic auto-paragraph text made into paragraphs, and the
/// common shortcodes turned into figures and links, or kept as readable text.
/// </summary>
public static partial class WordPressBody
{
    public static string Convert(string content)
    {
        var html = BlockComment().Replace(content ?? "", "");
        html = Caption().Replace(html, m =>
        {
            var inner = m.Groups["inner"].Value.Trim();
            var image = Image().Match(inner);
            var caption = image.Success ? inner.Remove(image.Index, image.Length).Trim() : inner;
            return image.Success ? $"\n\n<figure>{image.Value}<figcaption>{caption}</figcaption></figure>\n\n" : $"\n\n{caption}\n\n";
        });
        html = Embed().Replace(html, m => $"\n\n<p><a href=\"{m.Groups["url"].Value.Trim()}\">{m.Groups["url"].Value.Trim()}</a></p>\n\n");
        html = Gallery().Replace(html, "\n\n<p>[Gallery]</p>\n\n");
        html = OtherShortcode().Replace(html, "");
        return AutoParagraphs(html).Trim();
    }

    /// <summary>Classic editor text: blank lines separate paragraphs, single line breaks stay as breaks.</summary>
    private static string AutoParagraphs(string html)
    {
        var blocks = Regex.Split(html.Replace("\r\n", "\n"), @"\n\s*\n");
        return string.Join("\n\n", blocks.Select(b => b.Trim()).Where(b => b.Length > 0).Select(b =>
            BlockStart().IsMatch(b) ? b : $"<p>{b.Replace("\n", "<br>\n")}</p>"));
    }

    [GeneratedRegex(@"<!--\s*/?wp:[^>]*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"\[caption[^\]]*\](?<inner>.*?)\[/caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[embed[^\]]*\](?<url>.*?)\[/embed\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Embed();

    [GeneratedRegex(@"\[gallery[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Gallery();

    /// <summary>Shortcodes of plugins Masthead does not have: dropped, their enclosed text kept.</summary>
    [GeneratedRegex(@"\[/?[a-z_][a-z0-9_-]*(\s[^\]]*)?\]", RegexOptions.IgnoreCase)]
    private static partial Regex OtherShortcode();

    [GeneratedRegex(@"^<(p|h[1-6]|ul|ol|li|blockquote|figure|table|div|pre|hr|img|iframe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockStart();
}
