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
        var bytes = SearchCache.EntryBytes + 2 * (Match.Length + snippet.Length);
        var kept = 0;
        while (cache.HasRoom(1, bytes))
        {
            cache.SetSnippet(1, Match, kept, snippet);
            kept++;
        }

        Assert.Equal(1024 * 1024 / bytes, kept);
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
    public void A_story_shown_is_kept_for_its_version_of_the_index_only()
    {
        using var cache = new SearchCache(new SearchOptions());
        var story = new SearchStory(5, "Harbour reopens", "harbour-reopens", new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), 3);

        Assert.Null(cache.Story(4, 50));
        cache.SetStory(4, 50, story);
        Assert.Same(story, cache.Story(4, 50));
        Assert.Null(cache.Story(4, 51));
        Assert.Null(cache.Story(5, 50));
        Assert.Null(cache.Story(4, 50));
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

    /// <summary>
    /// Pages ranked from the best kept must be those of scoring every match in the range as the index's statements do
    /// (BM25 plus the age now, ties to the higher id, among the newest rankedMatches): many matches, few kept, scores
    /// with ties, random ranges and pages. When the best kept cannot tell, the answer is null (the statements rank).
    /// </summary>
    [Fact]
    public void Pages_ranked_from_the_best_kept_are_those_of_scoring_every_match()
    {
        var random = new Random(20261128);
        var now = SearchKey.Second(new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc));
        var answered = 0;
        for (var round = 0; round < 40; round++)
        {
            // Stories over three years, some in the same second; scores from a few values, so that many tie.
            var stories = Enumerable.Range(1, random.Next(50, 900))
                .Select(id => (Key: ((now - random.Next(0, 3 * 365 * 86_400) / (round % 4 + 1)) << SearchKey.IdBits) + id, Score: -random.Next(0, 30) / 4.0))
                .OrderBy(s => s.Key).ToList();
            var kept = new[] { 20, 100, 500 }[round % 3];
            var builder = new CachedMatches.Builder(stories.Count, kept);
            foreach (var (key, score) in stories)
            {
                builder.Add(key, score);
            }
            var matches = builder.Build();
            Assert.Equal(stories.Count <= kept, matches.Complete);
            for (var ask = 0; ask < 25; ask++)
            {
                var low = stories[random.Next(stories.Count)].Key - random.Next(0, 2);
                var high = ask % 3 == 0 ? long.MaxValue : stories[random.Next(stories.Count)].Key + random.Next(0, 2);
                var rankedMatches = new[] { 20, 60, 20_000 }[ask % 3];
                var count = new[] { 20, 40, 520 }[ask % 3];
                var (first, end) = matches.Range(low, high);
                var everyMatch = stories.Where(s => s.Key >= low && s.Key < high).TakeLast(rankedMatches)
                    .OrderBy(s => s.Score + (now - SearchKey.SecondOf(s.Key)) * SqliteSearchIndex.AgeCostPerSecond)
                    .ThenByDescending(s => SearchKey.ArticleId(s.Key))
                    .Take(count).Select(s => s.Key).ToList();

                var ranked = matches.Rank(first, end, count, rankedMatches);

                if (ranked is not null)
                {
                    Assert.Equal(everyMatch, ranked);
                    answered++;
                }
            }
        }
        // Most pages are answered from the best kept.
        Assert.InRange(answered, 500, 1000);
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
