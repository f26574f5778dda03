using Microsoft.Extensions.Caching.Memory;

namespace Masthead.Search;

/// <summary>
/// What the full-text index found for a query, kept in memory for the searches that ask the same words again with
/// another page, date range or order (the output cache keeps only the exact same address): every match's key, the best
/// of them in rank order, and the snippets of the stories shown. A search then counts, filters by date and ranks in memory, and
/// reads only the page's stories from the database. Entries belong to one version of the index (SearchIndexVersion,
/// which changes in every transaction that changes the index, read in the search's own snapshot): when a story is
/// published, edited or withdrawn, the next search sees a new version and the cache starts over. Bounded by
/// <see cref="SearchOptions.CacheMegabytes"/>: once full, nothing more is kept until the index changes. Evicting to
/// make room would be worse than keeping nothing: a query read again into the cache costs ten or more searches.
/// </summary>
public sealed class SearchCache : IDisposable
{
    /// <summary>Bytes an entry is counted for besides its arrays and strings (the entry, its key, the cache's bookkeeping).</summary>
    private const long EntryBytes = 200;

    private readonly MemoryCache? _cache;
    private readonly long _limit;
    private readonly Lock _versionLock = new();
    private long _version = -1;

    public SearchCache(SearchOptions options)
    {
        _limit = options.CacheMegabytes * 1024L * 1024;
        if (_limit > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _limit, TrackStatistics = true });
        }
    }

    /// <summary>
    /// A query's matches may take at most this many: an eighth of the cache (131,072 matches of the default 8 MB).
    /// Filling reads every match's score (about 3 µs each), so a query most stories match stays uncached.
    /// </summary>
    public int MaxMatches => (int)Math.Min(int.MaxValue, _limit / 8 / sizeof(long));

    /// <summary>
    /// Whether entries of <paramref name="version"/> can be read and kept: the newest version seen empties the cache of
    /// older ones (frees their memory: the keys name their version); a search still reading an older snapshot neither
    /// reads nor keeps entries.
    /// </summary>
    private bool Current(long version)
    {
        if (_cache is null)
        {
            return false;
        }
        if (Volatile.Read(ref _version) == version)
        {
            return true;
        }
        lock (_versionLock)
        {
            if (version > _version)
            {
                _version = version;
                _cache.Clear();
            }
            return version == _version;
        }
    }

    /// <summary>Whether searches are kept at all (<see cref="SearchOptions.CacheMegabytes"/> above 0).</summary>
    public bool Enabled => _cache is not null;

    public bool TryGetMatches(long version, string match, out CachedMatches? matches)
    {
        matches = null;
        return Current(version) && _cache!.TryGetValue(new MatchesKey(version, match), out matches);
    }

    /// <summary>
    /// Notes that <paramref name="match"/> was searched at <paramref name="version"/>; true when it had been before.
    /// A query's matches are read and kept only when it is asked a second time: most searches are asked once.
    /// </summary>
    public bool AskedBefore(long version, string match)
    {
        if (!Current(version))
        {
            return false;
        }
        var key = new AskedKey(version, match);
        if (_cache!.TryGetValue(key, out _))
        {
            return true;
        }
        Keep(key, true, EntryBytes + 2L * match.Length);
        return false;
    }

    /// <summary>Keeps a query's matches (null: too many to keep, do not try again at this version).</summary>
    public void SetMatches(long version, string match, CachedMatches? matches)
    {
        if (Current(version))
        {
            Keep(new MatchesKey(version, match), matches, EntryBytes + 2L * match.Length + (matches?.Bytes ?? 0));
        }
    }

    public string? Snippet(long version, string match, long key) =>
        Current(version) && _cache!.TryGetValue(new SnippetKey(version, match, key), out string? snippet) ? snippet : null;

    public void SetSnippet(long version, string match, long key, string snippet)
    {
        if (Current(version))
        {
            Keep(new SnippetKey(version, match, key), snippet, EntryBytes + 2L * (match.Length + snippet.Length));
        }
    }

    private readonly SemaphoreSlim _filling = new(1, 1);

    /// <summary>
    /// Takes the one turn at reading a query's matches into the cache; false while another search has it (that search
    /// then reads the index as if nothing were kept). Two at once held twice the memory of reading every match's score.
    /// </summary>
    public bool TryStartFilling() => _filling.Wait(0);

    public void EndFilling() => _filling.Release();

    /// <summary>Whether an entry of <paramref name="bytes"/> would still fit.</summary>
    public bool HasRoom(long bytes) => _cache is not null && (_cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0) + bytes <= _limit;

    private void Keep(object key, object? value, long bytes)
    {
        if (HasRoom(bytes))
        {
            _cache!.Set(key, value, new MemoryCacheEntryOptions { Size = bytes });
        }
    }

    public void Dispose()
    {
        _cache?.Dispose();
        _filling.Dispose();
    }

    // Each key names its version: a search of an older snapshot that stores what it found just after a newer version
    // emptied the cache must not be read as the newer version's.
    private sealed record MatchesKey(long Version, string Match);

    private sealed record AskedKey(long Version, string Match);

    private sealed record SnippetKey(long Version, string Match, long Key);
}

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

    public long Bytes => (Keys.Length + Best.Length) * (long)sizeof(long);

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
}
