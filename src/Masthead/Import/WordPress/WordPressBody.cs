using System.Text.RegularExpressions;

namespace Masthead.Import.WordPress;

/// <summary>
/// Turns a WordPress post body into clean HTML for Masthead's Markdown body (raw HTML blocks are valid Markdown, and
/// the renderer sanitizes them): block comments removed, classic auto-paragraph text made into paragraphs, and the
/// common shortcodes turned into figures and links, or kept as readable text.
/// </summary>
public static partial class WordPressBody
{
    /// <param name="siteUrl">
    /// The export's own address: links and pictures pointing at it become site-relative, so that moved-in stories
    /// link to their new addresses (through the old-address redirects) and show their pictures from this site once
    /// fetched (<c>/wp-content/uploads/...</c> answers with the fetched copy), whatever domain the site now has.
    /// </param>
    public static string Convert(string content, string? siteUrl = null)
    {
        var html = BlockComment().Replace(content ?? "", "");
        if (Uri.TryCreate(siteUrl, UriKind.Absolute, out var site))
        {
            var host = site.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? site.Host[4..] : site.Host;
            html = OwnAddress().Replace(html, m =>
                string.Equals(m.Groups["host"].Value, host, StringComparison.OrdinalIgnoreCase)
                    ? $"{m.Groups["attr"].Value}={m.Groups["quote"].Value}{(m.Groups["path"].Value.Length == 0 ? "/" : m.Groups["path"].Value)}"
                    : m.Value);
        }
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

    [GeneratedRegex(@"(?<attr>\b(?:src|href))=(?<quote>[""'])https?://(?:www\.)?(?<host>[a-z0-9.-]+)(?::[0-9]+)?(?<path>/[^""'\s]*)?(?=[""'])", RegexOptions.IgnoreCase)]
    private static partial Regex OwnAddress();

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
