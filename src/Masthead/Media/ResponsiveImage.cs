using System.Globalization;

namespace Masthead.Media;

/// <summary>
/// The responsive copies of a picture, as pages link them: <c>2026/11/abc.jpg</c> has WebP copies named
/// <c>2026/11/abc-640.webp</c> for each width in <see cref="Image.Widths"/>. A picture without copies (the demo's,
/// imported ones) is linked as it always was: its original alone.
/// </summary>
public sealed record ResponsiveImage(string FileName, int Width, int Height, string? Widths)
{
    /// <summary>The widths copies are made at, when the original is wider.</summary>
    public static readonly IReadOnlyList<int> CopyWidths = [320, 640, 1024, 1600];

    /// <summary>What sizes lists' cards are shown at: a 12rem column beside the text, the full width on phones.</summary>
    public const string CardSizes = "(min-width: 40rem) 12rem, 100vw";
    /// <summary>The front page's lead: two thirds of a 74rem page on wide screens.</summary>
    public const string LeadSizes = "(min-width: 60rem) 48rem, 100vw";
    /// <summary>The article page's picture: a 48rem column.</summary>
    public const string ArticleSizes = "(min-width: 50rem) 48rem, 100vw";
    public const string AuthorSizes = "8rem";

    public static ResponsiveImage? For(string? fileName, int width, int height, string? widths) =>
        string.IsNullOrEmpty(fileName) ? null : new ResponsiveImage(fileName, width, height, widths);

    /// <summary>The widths of the copies, smallest first; unreadable entries are ignored.</summary>
    public static IReadOnlyList<int> ParseWidths(string? widths)
    {
        if (string.IsNullOrWhiteSpace(widths))
        {
            return [];
        }
        var parsed = new SortedSet<int>();
        foreach (var part in widths.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0)
            {
                parsed.Add(w);
            }
        }
        return [.. parsed];
    }

    public static string FormatWidths(IEnumerable<int> widths) =>
        string.Join(',', widths.Order().Select(w => w.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The file name of the copy at <paramref name="width"/>: the original's name without its extension, then -W.webp.</summary>
    public static string CopyFileName(string fileName, int width)
    {
        var dot = fileName.LastIndexOf('.');
        var slash = fileName.LastIndexOf('/');
        var stem = dot > slash ? fileName[..dot] : fileName;
        return string.Create(CultureInfo.InvariantCulture, $"{stem}-{width}.webp");
    }

    public string Url => $"/media/{FileName}";

    public IReadOnlyList<int> CopyWidthList => ParseWidths(Widths);

    /// <summary>
    /// The files a browser may choose from, with their widths. The original is offered too when no copy is as large as the
    /// largest copy width would be, so that a 1200px original still serves wide screens at its full size; a larger
    /// original is never offered (a 6000px photograph is for the archive, not for readers).
    /// </summary>
    private IReadOnlyList<(string Url, int Width)> Candidates()
    {
        var copies = CopyWidthList.Select(w => (Url: $"/media/{CopyFileName(FileName, w)}", Width: w)).ToList();
        if (copies.Count > 0 && Width > copies[^1].Width && Width <= CopyWidths[^1])
        {
            copies.Add((Url, Width));
        }
        return copies;
    }

    /// <summary>The srcset attribute's value; null when the picture has no copies (the attribute is then left out).</summary>
    public string? SrcSet
    {
        get
        {
            var candidates = Candidates();
            return candidates.Count == 0 ? null
                : string.Join(", ", candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Url} {c.Width}w")));
        }
    }

    /// <summary>
    /// The src for browsers that ignore srcset: the smallest file at least <paramref name="preferredWidth"/> wide, else the
    /// largest there is; the original when there are no copies.
    /// </summary>
    public string Src(int preferredWidth)
    {
        var candidates = Candidates();
        if (candidates.Count == 0)
        {
            return Url;
        }
        foreach (var c in candidates)
        {
            if (c.Width >= preferredWidth)
            {
                return c.Url;
            }
        }
        return candidates[^1].Url;
    }
}
