using System.Globalization;
using System.Text;

namespace Masthead.Search;

/// <summary>
/// Turns whatever a reader typed into a safe FTS5 query. Words become quoted terms (so FTS operators and punctuation
/// are just text), "quoted phrases" stay phrases, and word* stays a prefix search. Nothing a reader types can make
/// the query invalid: unbalanced quotes close at the end, control characters and stray symbols are dropped.
/// </summary>
public static class SearchText
{
    public const int MaxLength = 200;
    private const int MaxTerms = 12;

    /// <summary>
    /// The query's FTS5 phrases, each quoted (a prefix followed by *), which a story must all match, and its words.
    /// </summary>
    public sealed record Parsed(IReadOnlyList<string> Phrases, IReadOnlyList<string> Words);

    public static Parsed Parse(string? input)
    {
        var text = new string((input ?? "").Take(MaxLength * 4).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        var parts = new List<string>();
        var words = new List<string>();
        var i = 0;
        while (i < text.Length && parts.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                var phrase = Words(end < 0 ? text[(i + 1)..] : text[(i + 1)..end]);
                if (phrase.Count > 0)
                {
                    parts.Add($"\"{string.Join(' ', phrase)}\"");
                    words.AddRange(phrase);
                }
                i = end < 0 ? text.Length : end + 1;
                continue;
            }
            var next = i;
            while (next < text.Length && !char.IsWhiteSpace(text[next]) && text[next] != '"')
            {
                next++;
            }
            var token = text[i..next];
            var prefix = token.EndsWith('*');
            foreach (var word in Words(token))
            {
                parts.Add(prefix && word.Length >= 2 ? $"\"{word}\"*" : $"\"{word}\"");
                words.Add(word);
            }
            i = next;
        }
        return new Parsed([.. parts.Take(MaxTerms)], words);
    }

    /// <summary>Letters and digits only, lower case: the pieces FTS5's unicode61 tokenizer would make anyway.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words.Where(w => w.Length <= 40).ToList();
    }

    /// <summary>
    /// The words of a text as the search index's tokenizer keeps them: letters and digits, lower case, without
    /// accents (unicode61 with remove_diacritics).
    /// </summary>
    public static IEnumerable<string> IndexedWords(string text) => Words(Fold(text));

    /// <summary>Lower case without accents, as the tokenizer folds letters ("Café" → "cafe").</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Edit distance, for spelling suggestions from the indexed words.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
