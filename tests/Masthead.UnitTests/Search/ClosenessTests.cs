using Masthead.Search;

namespace Masthead.UnitTests.Search;

public sealed class ClosenessTests
{
    [Fact]
    public void Words_are_counted_lower_case_without_diacritics_and_without_short_or_common_words()
    {
        var words = Closeness.Words("Café owners said the CAFE tax, which cafés fear, is too high. Caf\u00e9 tax!");

        Assert.Equal(3, words["cafe"]);
        Assert.Equal(1, words["cafes"]);
        Assert.Equal(1, words["owners"]);
        Assert.Equal(1, words["fear"]);
        Assert.Equal(1, words["high"]);
        Assert.False(words.ContainsKey("tax"));
        Assert.False(words.ContainsKey("said"));
        Assert.False(words.ContainsKey("which"));
    }

    [Fact]
    public void Distinctive_terms_prefer_words_rare_in_other_stories_and_drop_words_every_story_has()
    {
        var words = new Dictionary<string, int> { ["glacier"] = 2, ["council"] = 2, ["everywhere"] = 5 };
        var frequency = new Dictionary<string, long> { ["glacier"] = 3, ["council"] = 400, ["everywhere"] = 1000 };

        var terms = Closeness.DistinctiveTerms(words, 1000, frequency.GetValueOrDefault);

        Assert.Equal(["glacier", "council"], terms.Select(t => t.Word));
    }

    [Fact]
    public void Distinctive_terms_keep_the_twelve_heaviest_and_break_ties_by_spelling()
    {
        var words = Enumerable.Range(0, 30).ToDictionary(i => $"word{i:00}", i => i < 20 ? 1 : 3);

        var terms = Closeness.DistinctiveTerms(words, 100, _ => 1);

        Assert.Equal(Closeness.QueryTerms, terms.Count);
        Assert.Equal(Enumerable.Range(20, 10).Select(i => $"word{i:00}").Concat(["word00", "word01"]), terms.Select(t => t.Word));
    }

    [Fact]
    public void A_story_sharing_the_distinctive_words_outranks_one_sharing_only_section_and_date_and_the_story_is_never_its_own_neighbour()
    {
        var day = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        var story = new Closeness.Story(new(1, SectionId: 1, day), Tags: []);
        var stories = new Dictionary<int, Closeness.Candidate>
        {
            [1] = story.Facts,
            [2] = new(2, SectionId: 2, day.AddDays(-90)),
            [3] = new(3, SectionId: 1, day),
        };
        var postings = new Dictionary<string, IReadOnlyList<(int Id, int Count)>>
        {
            ["glacier"] = [(1, 3), (2, 2)],
            ["meltwater"] = [(1, 1), (2, 1)],
            ["bread"] = [(3, 4)],
        };
        var terms = Closeness.DistinctiveTerms(new() { ["glacier"] = 3, ["meltwater"] = 1 }, 3, w => postings[w].Count);
        var text = new Closeness.TextMatches().Score(terms, w => postings[w]);

        var ranked = Closeness.Rank(story, text, new Dictionary<int, int> { [3] = 0 }, stories.GetValueOrDefault, 6);

        Assert.Equal([2, 3], ranked.Select(r => r.Id));
        Assert.True(ranked[0].Score > ranked[1].Score);
    }

    [Fact]
    public void Shared_tags_count_towards_closeness_and_equal_scores_go_to_the_newer_story()
    {
        var day = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        var story = new Closeness.Story(new(10, SectionId: 1, day), Tags: [7, 8]);
        var stories = new Dictionary<int, Closeness.Candidate>
        {
            [11] = new(11, SectionId: 2, day.AddDays(-5)),
            [12] = new(12, SectionId: 2, day.AddDays(-5)),
            [13] = new(13, SectionId: 2, day.AddDays(-5)),
        };
        var byTag = new (int Tag, int Id)[] { (7, 10), (7, 11), (8, 11), (7, 12), (8, 10), (7, 13) }.ToLookup(x => x.Tag, x => x.Id);

        var ranked = Closeness.Rank(story, new Closeness.TextMatches(), Closeness.SharedTags(story, byTag), stories.GetValueOrDefault, 6);

        Assert.Equal([11, 13, 12], ranked.Select(r => r.Id));
    }

    [Fact]
    public void Text_scores_are_reset_between_stories_and_the_best_matches_are_capped()
    {
        var postings = Enumerable.Range(1, 100).Select(i => (Id: i, Count: 1)).ToList();
        var terms = new[] { new Closeness.Term("word", 1, 1) };
        var text = new Closeness.TextMatches();

        text.Score(terms, _ => postings);
        text.Score(terms, _ => [(500, 2)]);

        Assert.Equal([500], text.Matched);
        Assert.Equal(0, text[1]);
        Assert.Equal(Closeness.TextCandidates, new Closeness.TextMatches().Score(terms, _ => postings).Best(storyId: 100).Count);
    }
}
