using System.Collections.Concurrent;

namespace Masthead.Search;

/// <summary>
/// What the full-text index found for a query, kept in memory for the searches that ask the same words again with
/// another page, date range or order (the output cache keeps only the exact same address): every match's key, the best
/// of them in rank order, and the snippets and stories shown. A search then counts, filters by date and ranks in memory, and
/// reads only the page's stories from the database. Entries belong to one version of the index (SearchIndexVersion,
/// which changes in every transaction that changes the index, read in the search's own snapshot): when a story is
/// published, edited or withdrawn, the next search sees a new version and the cache starts over. Bounded by
/// <see cref="SearchOptions.CacheMegabytes"/>: once full, nothing more is kept until the index changes. Evicting to
/// make room would be worse than keeping nothing: a query read again into the cache costs ten or more searches.
/// </summary>
public sealed class SearchCache : IDisposable
{
    /// <summary>Bytes an entry is counted for besides its arrays and strings (the entry, its key, the dictionary's slot).</summary>
    internal const long EntryBytes = 200;

    private readonly long _limit;
    private Generation _current = new(-1);

    /// <summary>What is kept for one version of the index, and how many bytes of the limit it holds.</summary>
    private sealed class Generation(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<object, object?> Entries { get; } = new();
        public long Bytes;
    }

    public SearchCache(SearchOptions options) => _limit = options.CacheMegabytes * 1024L * 1024;

    /// <summary>Whether searches are kept at all (<see cref="SearchOptions.CacheMegabytes"/> above 0).</summary>
    public bool Enabled => _limit > 0;

    /// <summary>
    /// A query's matches may take at most this many: an eighth of the cache (131,072 matches of the default 8 MB).
    /// Filling reads every match's score (about 3 µs each), so a query most stories match stays uncached.
    /// </summary>
    public int MaxMatches => (int)Math.Min(int.MaxValue, _limit / 8 / sizeof(long));

    /// <summary>
    /// What is kept for <paramref name="version"/>: the newest version seen replaces what older ones kept (the collector
    /// frees it); a search still reading an older snapshot gets null, so it neither reads nor keeps anything.
    /// </summary>
    private Generation? At(long version)
    {
        if (_limit <= 0)
        {
            return null;
        }
        var current = Volatile.Read(ref _current);
        while (version > current.Version)
        {
            var newer = new Generation(version);
            var seen = Interlocked.CompareExchange(ref _current, newer, current);
            current = ReferenceEquals(seen, current) ? newer : seen;
        }
        return current.Version == version ? current : null;
    }

    public bool TryGetMatches(long version, string match, out CachedMatches? matches)
    {
        matches = null;
        if (At(version)?.Entries.TryGetValue(new MatchesKey(match), out var value) != true)
        {
            return false;
        }
        matches = (CachedMatches?)value;
        return true;
    }

    /// <summary>
    /// Notes that <paramref name="match"/> was searched at <paramref name="version"/>; true when it had been before.
    /// A query's matches are read and kept only when it is asked a second time: most searches are asked once.
    /// </summary>
    public bool AskedBefore(long version, string match)
    {
        if (At(version) is not { } kept)
        {
            return false;
        }
        var key = new AskedKey(match);
        if (kept.Entries.ContainsKey(key))
        {
            return true;
        }
        Keep(kept, key, true, EntryBytes + 2L * match.Length);
        return false;
    }

    /// <summary>
    /// Keeps a query's matches, null meaning not to read them again at this version (too many, or no room); false when
    /// there was no room for them.
    /// </summary>
    public bool SetMatches(long version, string match, CachedMatches? matches) =>
        At(version) is { } kept && Keep(kept, new MatchesKey(match), matches, MatchesBytes(match, matches?.Keys.Length ?? 0, matches?.Best.Length ?? 0));

    /// <summary>What keeping a query's matches takes of the limit.</summary>
    public static long MatchesBytes(string match, long keys, long best) => EntryBytes + 2L * match.Length + (keys + best) * sizeof(long);

    public string? Snippet(long version, string match, long key) =>
        At(version)?.Entries.TryGetValue(new SnippetKey(match, key), out var snippet) == true ? (string?)snippet : null;

    public void SetSnippet(long version, string match, long key, string snippet)
    {
        if (At(version) is { } kept)
        {
            Keep(kept, new SnippetKey(match, key), snippet, EntryBytes + 2L * (match.Length + snippet.Length));
        }
    }

    /// <summary>A story shown among a search's hits at <paramref name="version"/>, as read for an earlier search.</summary>
    public SearchStory? Story(long version, long key) =>
        At(version)?.Entries.TryGetValue(new StoryKey(key), out var story) == true ? (SearchStory?)story : null;

    /// <summary>
    /// Keeps a story shown among a search's hits for the other searches that show it at <paramref name="version"/>: what
    /// it keeps changes only through a change that indexes the story again, and so gives the index a new version.
    /// </summary>
    public void SetStory(long version, long key, SearchStory story)
    {
        if (At(version) is { } kept)
        {
            Keep(kept, new StoryKey(key), story, EntryBytes + 2L * (story.Headline.Length + story.Slug.Length));
        }
    }

    private readonly SemaphoreSlim _filling = new(1, 1);

    /// <summary>
    /// Takes the one turn at reading a query's matches into the cache; false while another search has it (that search
    /// then reads the index as if nothing were kept): reading every match's score is the costly part of a search, and
    /// two searches of the same words would read them twice.
    /// </summary>
    public bool TryStartFilling() => _filling.Wait(0);

    public void EndFilling() => _filling.Release();

    /// <summary>Whether an entry of <paramref name="bytes"/> would still fit at <paramref name="version"/>.</summary>
    public bool HasRoom(long version, long bytes) => At(version) is { } kept && Volatile.Read(ref kept.Bytes) + bytes <= _limit;

    /// <summary>Adds an entry if it fits and is not there yet: nothing is ever replaced or evicted.</summary>
    private bool Keep(Generation kept, object key, object? value, long bytes)
    {
        if (Interlocked.Add(ref kept.Bytes, bytes) <= _limit && kept.Entries.TryAdd(key, value))
        {
            return true;
        }
        Interlocked.Add(ref kept.Bytes, -bytes);
        return false;
    }

    public void Dispose() => _filling.Dispose();

    private sealed record MatchesKey(string Match);

    private sealed record AskedKey(string Match);

    private sealed record SnippetKey(string Match, long Key);

    private sealed record StoryKey(long Key);
}

/// <summary>
/// What a search hit shows of its story, besides the snippet and the section's name and address (which come from
/// <see cref="Articles.SectionDirectory"/>, so that renaming a section shows at once).
/// </summary>
public sealed record SearchStory(int ArticleId, string Headline, string Slug, DateTime PublishedAt, int SectionId);

/// <summary>
/// A query's matches: every key in key order (publication order), for counts, date ranges and date order; and the
/// <see cref="Best"/> of them for relevance, best first by BM25 plus age (the order is the same at any time: every
/// story ages alike), which is all a relevance page needs whenever enough of them fall in the page's date range.
/// </summary>
public sealed class CachedMatches(long[] keys, long[] best, bool complete)
{
    public long[] Keys { get; } = keys;
    public long[] Best { get; } = best;

    /// <summary>Whether <see cref="Best"/> holds every match.</summary>
    public bool Complete { get; } = complete;

    /// <summary>The positions of the keys in [<paramref name="low"/>, <paramref name="high"/>): from, and one past the last.</summary>
    public (int From, int To) Range(long low, long high)
    {
        var from = FirstAtLeast(low);
        // A range that ends before it begins ("from" after "to") has no keys.
        return (from, Math.Max(from, FirstAtLeast(high)));
    }

    private int FirstAtLeast(long key)
    {
        var at = Array.BinarySearch(Keys, key);
        return at >= 0 ? at : ~at;
    }

    /// <summary>
    /// The <paramref name="count"/> best of the newest <paramref name="rankedMatches"/> keys in [<paramref name="first"/>,
    /// <paramref name="end"/>), best first, as the index's statements rank them (BM25 plus age, ties to the newer id);
    /// null when the best kept cannot tell. Every match not among the best kept ranks below all of them, so once enough
    /// of them are in the range (count, or every key the range has to rank) they are the page's.
    /// </summary>
    public List<long>? Rank(int first, int end, int count, int rankedMatches)
    {
        var from = Math.Max(first, end - rankedMatches);
        var needed = Math.Min(count, end - from);
        var ranked = new List<long>(Math.Max(0, needed));
        if (needed <= 0)
        {
            return ranked;
        }
        var (lowest, highest) = (Keys[from], Keys[end - 1]);
        foreach (var key in Best)
        {
            if (ranked.Count == needed)
            {
                break;
            }
            if (key >= lowest && key <= highest)
            {
                ranked.Add(key);
            }
        }
        return ranked.Count == needed || Complete ? ranked : null;
    }

    /// <summary>
    /// Newest first, the <paramref name="take"/> keys in [<paramref name="first"/>, <paramref name="end"/>) after the
    /// newest <paramref name="skip"/>.
    /// </summary>
    public List<long> Newest(int first, int end, int skip, int take) =>
        [.. Enumerable.Range(0, Math.Max(0, Math.Min(take, end - first - skip))).Select(i => Keys[end - 1 - skip - i])];

    /// <summary>
    /// Takes a query's matches in key order with their BM25 scores and keeps every key and the best
    /// <paramref name="kept"/>, ranked by the score plus the age at second 0: a story's age at any moment is that plus
    /// the same for every story, so the order kept holds at any time.
    /// </summary>
    public sealed class Builder(int count, int kept)
    {
        private readonly long[] _keys = new long[count];
        private readonly BestRanks _best = new(Math.Max(1, kept));

        public int Read { get; private set; }

        public void Add(long key, double score)
        {
            _keys[Read++] = key;
            _best.Offer(key, score + SqliteSearchIndex.Age(0, key));
        }

        public CachedMatches Build() => new(_keys, [.. _best.BestFirst()], complete: Read <= kept);
    }
}
