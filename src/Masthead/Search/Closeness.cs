using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Masthead.Search;

/// <summary>
/// How close two stories are, apart from where the figures come from (<see cref="RelatedStories"/> reads them from the
/// database). Text similarity weighs most: a story's most distinctive words (TF-IDF against the full-text index's
/// document counts) matched against the other stories' counts of the same words. Then shared tags, the same section,
/// and nearness in time.
/// </summary>
public static partial class Closeness
{
    /// <summary>The story's words that carry its similarity to others; more would only add noise and work.</summary>
    public const int QueryTerms = 12;

    /// <summary>
    /// A word's weight grows with its count but levels off (as in BM25, without length normalisation): a word said
    /// ten times is not ten times as telling as a word said once.
    /// </summary>
    private const double Saturation = 1.2;

    public sealed record Term(string Word, double Weight, double Idf);

    /// <summary>
    /// Stories compared by text, at most, besides those sharing a tag: further down the list the words in common are
    /// too few to matter, and a refresh reads the facts of every candidate.
    /// </summary>
    public const int TextCandidates = 40;

    public sealed record Candidate(int Id, int SectionId, DateTime PublishedAt);

    public sealed record Story(Candidate Facts, IReadOnlyList<int> Tags)
    {
        public int Id => Facts.Id;
    }

    /// <summary>
    /// The counts of a text's words as the index's tokenizer (unicode61, diacritics removed) would spell them, so that
    /// they can be looked up in its vocabulary; short words and common function words say nothing about a topic.
    /// </summary>
    /// <param name="counts">A dictionary to fill (cleared first) instead of a new one, so that work over many stories reuses one.</param>
    public static Dictionary<string, int> Words(string text, Dictionary<string, int>? counts = null)
    {
        counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
        counts.Clear();
        // Most words are short and ASCII: lower-cased into a buffer and counted without a string for each occurrence.
        var byChars = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        foreach (var match in Word().EnumerateMatches(text))
        {
            // Folding never lengthens a word, so a short one can be passed over at once.
            var raw = text.AsSpan(match.Index, match.Length);
            if (raw.Length < 4)
            {
                continue;
            }
            if (raw.Length <= buffer.Length && Ascii.IsValid(raw))
            {
                Ascii.ToLower(raw, buffer, out var length);
                var word = buffer[..length];
                if (!StopWordsByChars.Contains(word))
                {
                    byChars[word] = byChars.TryGetValue(word, out var count) ? count + 1 : 1;
                }
                continue;
            }
            var folded = Fold(raw);
            if (folded.Length >= 4 && !StopWords.Contains(folded))
            {
                counts[folded] = counts.GetValueOrDefault(folded) + 1;
            }
        }
        return counts;
    }

    private static string Fold(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Rarer words weigh more; a word every story has weighs nothing.</summary>
    public static double Idf(long documents, long documentFrequency) => Math.Log((documents + 1.0) / (documentFrequency + 1.0));

    public static double Weight(int count, double idf) => idf * count * (Saturation + 1) / (count + Saturation);

    /// <summary>The story's most distinctive words, heaviest first (ties by spelling, so the choice is stable).</summary>
    public static IReadOnlyList<Term> DistinctiveTerms(Dictionary<string, int> words, long documents, Func<string, long> documentFrequency)
    {
        // A bounded heap whose root is the weakest kept, so a story's hundreds of words are not all sorted.
        var kept = new PriorityQueue<Term, Term>(QueryTerms + 1, WeakestFirst);
        foreach (var (word, count) in words)
        {
            var idf = Idf(documents, documentFrequency(word));
            var term = new Term(word, Weight(count, idf), idf);
            if (term.Weight <= 0)
            {
                continue;
            }
            kept.Enqueue(term, term);
            if (kept.Count > QueryTerms)
            {
                kept.Dequeue();
            }
        }
        var terms = new Term[kept.Count];
        for (var i = terms.Length - 1; i >= 0; i--)
        {
            terms[i] = kept.Dequeue();
        }
        return terms;
    }

    /// <summary>Lighter first; of equal weight, the later spelling first (so the earlier one is kept).</summary>
    private static readonly Comparer<Term> WeakestFirst = Comparer<Term>.Create((a, b) =>
        a.Weight != b.Weight ? a.Weight.CompareTo(b.Weight) : string.CompareOrdinal(b.Word, a.Word));

    /// <summary>
    /// Text similarity to one story of every story that has one of its terms: the dot product of the two stories'
    /// weights over the terms. Held in an array by story id with the ids touched listed, so that a rebuild scoring
    /// thousands of stories reuses one instead of filling a dictionary per story. Summed in the terms' order, so the
    /// same data always gives the same figures.
    /// </summary>
    public sealed class TextMatches
    {
        private double[] _scores = new double[256];
        private readonly List<int> _matched = [];

        /// <summary>The stories matched by the last <see cref="Score"/>, in no particular order.</summary>
        internal IReadOnlyList<int> Matched => _matched;

        public double this[int id] => id < _scores.Length ? _scores[id] : 0;

        /// <summary>Scores every story against <paramref name="terms"/>; <paramref name="postings"/> gives, per word, each story's count of it.</summary>
        public TextMatches Score(IReadOnlyList<Term> terms, Func<string, IReadOnlyList<(int Id, int Count)>> postings)
        {
            foreach (var id in _matched)
            {
                _scores[id] = 0;
            }
            _matched.Clear();
            foreach (var term in terms)
            {
                foreach (var (id, count) in postings(term.Word))
                {
                    if (id >= _scores.Length)
                    {
                        Array.Resize(ref _scores, Math.Max(id + 1, _scores.Length * 2));
                    }
                    if (_scores[id] == 0)
                    {
                        _matched.Add(id);
                    }
                    _scores[id] += term.Weight * Weight(count, term.Idf);
                }
            }
            return this;
        }

        /// <summary>The other stories with the most text in common, best first (ties to the newer id), at most <see cref="TextCandidates"/>.</summary>
        public List<int> Best(int storyId)
        {
            // A bounded heap whose root is the weakest kept: one pass over the matches, not a sort of all of them.
            var kept = new PriorityQueue<int, (double Score, int Id)>(TextCandidates);
            foreach (var id in _matched)
            {
                if (id == storyId)
                {
                    continue;
                }
                var key = (_scores[id], id);
                if (kept.Count < TextCandidates)
                {
                    kept.Enqueue(id, key);
                }
                else if (kept.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
                {
                    // Most matches are weaker than every one kept: compared with the root, never pushed.
                    kept.DequeueEnqueue(id, key);
                }
            }
            var best = new List<int>(kept.Count);
            while (kept.Count > 0)
            {
                best.Add(kept.Dequeue());
            }
            best.Reverse();
            return best;
        }
    }

    /// <summary>How many of the story's tags each other story has, given the published stories having each of its tags.</summary>
    /// <param name="shared">A dictionary to fill (cleared first) instead of a new one.</param>
    public static Dictionary<int, int> SharedTags(Story story, ILookup<int, int> storiesByTag, Dictionary<int, int>? shared = null)
    {
        shared ??= [];
        shared.Clear();
        foreach (var tag in story.Tags)
        {
            foreach (var id in storiesByTag[tag])
            {
                shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }
        return shared;
    }

    /// <summary>
    /// The closest candidates, best first, at most <paramref name="take"/>: text similarity (relative to the best
    /// match) half the score, the share of the story's tags 0.3, the same section 0.1, nearness in time 0.1 (a month
    /// apart is worth a third of that). Candidates are the best text matches and the stories sharing a tag, those
    /// <paramref name="candidate"/> knows (published ones); never the story itself. Ties go to the newer id.
    /// </summary>
    public static List<(int Id, double Score)> Rank(Story story, TextMatches text, Dictionary<int, int> sharedTags,
        Func<int, Candidate?> candidate, int take)
    {
        var closest = text.Best(story.Id);
        var ids = new List<int>(closest.Count + sharedTags.Count);
        ids.AddRange(closest);
        var inBest = new HashSet<int>(closest);
        foreach (var id in sharedTags.Keys)
        {
            if (!inBest.Contains(id))
            {
                ids.Add(id);
            }
        }
        var candidates = ids.Where(id => id != story.Id).Select(candidate).OfType<Candidate>().ToList();
        var best = candidates.Select(c => text[c.Id]).DefaultIfEmpty().Max();
        var ranked = new List<(int Id, double Score)>(candidates.Count);
        foreach (var other in candidates)
        {
            var similarity = best > 0 ? text[other.Id] / best : 0;
            var tags = story.Tags.Count == 0 ? 0 : (double)sharedTags.GetValueOrDefault(other.Id) / story.Tags.Count;
            var section = other.SectionId == story.Facts.SectionId ? 1 : 0;
            var nearness = Math.Exp(-Math.Abs((other.PublishedAt - story.Facts.PublishedAt).TotalDays) / 30);
            ranked.Add((other.Id, 0.5 * similarity + 0.3 * tags + 0.1 * section + 0.1 * nearness));
        }
        return ranked.OrderByDescending(x => x.Score).ThenByDescending(x => x.Id).Take(take).ToList();
    }

    private static readonly HashSet<string> StopWords =
    [
        "that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "there", "which", "about", "after",
        "said", "says", "also", "into", "than", "them", "they", "more", "over", "some", "when", "what", "where", "while",
        "other", "could", "should", "being", "these", "those", "because", "before", "under", "since", "between", "through",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsByChars = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")]
    private static partial Regex Word();
}
