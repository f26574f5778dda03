using Masthead.Search;

namespace Masthead.UnitTests.Search;

public sealed class SearchCacheTests
{
    private const string Match = "\"harbour\"";

    [Fact]
    public void A_full_cache_keeps_what_it_has_and_takes_nothing_more_until_the_index_changes()
    {
        using var cache = new SearchCache(new SearchOptions { CacheMegabytes = 1 });
        var snippet = new string('x', 1000);
        var kept = 0;
        while (cache.HasRoom(2 * 1024))
        {
            cache.SetSnippet(1, Match, kept, snippet);
            kept++;
        }

        // About 2.2 KB an entry in a megabyte.
        Assert.InRange(kept, 400, 500);
        cache.SetSnippet(1, Match, kept, snippet);
        Assert.Null(cache.Snippet(1, Match, kept));
        Assert.All(Enumerable.Range(0, kept), key => Assert.Equal(snippet, cache.Snippet(1, Match, key)));

        // A new version of the index starts over, and a search of the old one neither reads nor keeps anything.
        Assert.Null(cache.Snippet(2, Match, 0));
        cache.SetSnippet(2, Match, 0, "new");
        cache.SetSnippet(1, Match, 1, "old");
        Assert.Equal("new", cache.Snippet(2, Match, 0));
        Assert.Null(cache.Snippet(1, Match, 1));
        Assert.Null(cache.Snippet(2, Match, 1));
    }

    [Fact]
    public void A_query_is_kept_from_its_second_asking_and_its_matches_are_found_by_date_range()
    {
        using var cache = new SearchCache(new SearchOptions());
        Assert.False(cache.AskedBefore(7, Match));
        Assert.True(cache.AskedBefore(7, Match));
        Assert.False(cache.TryGetMatches(7, Match, out _));

        var matches = new CachedMatches([10, 20, 30, 40], [30, 10, 40, 20], complete: true);
        cache.SetMatches(7, Match, matches);

        Assert.True(cache.TryGetMatches(7, Match, out var found));
        Assert.Same(matches, found);
        Assert.Equal((1, 3), matches.Range(15, 40));
        Assert.Equal((0, 4), matches.Range(long.MinValue, long.MaxValue));
        Assert.Equal((4, 4), matches.Range(41, 50));
        // A range that ends before it begins is empty.
        Assert.Equal((3, 3), matches.Range(35, 15));
    }

    [Fact]
    public void A_cache_of_no_megabytes_keeps_nothing()
    {
        using var cache = new SearchCache(new SearchOptions { CacheMegabytes = 0 });
        Assert.False(cache.Enabled);
        Assert.False(cache.AskedBefore(1, Match));
        Assert.False(cache.AskedBefore(1, Match));
        cache.SetSnippet(1, Match, 1, "snippet");
        Assert.Null(cache.Snippet(1, Match, 1));
    }
}
