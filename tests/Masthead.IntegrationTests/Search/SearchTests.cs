using System.Net;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Search;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Search;

public sealed class SearchTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    /// <summary>
    /// A made-up word no other test uses, so each test searches its own stories. Its tail has no vowels, so the
    /// porter stemmer leaves it whole (a tail such as "ement" would be stemmed away and break prefix searches).
    /// </summary>
    internal static string Word(string stem)
    {
        const string consonants = "bcdfghjkmnpqrtvwxz";
        var bytes = Guid.NewGuid().ToByteArray();
        return stem + new string(bytes.Take(6).Select(b => consonants[b % consonants.Length]).ToArray());
    }

    private Task<List<string>> ResultsAsync(string query) => ResultsAsync(app, query);

    /// <summary>The headlines of a search's results, in order.</summary>
    internal static async Task<List<string>> ResultsAsync(MastheadApp app, string query)
    {
        var page = await app.GetPageAsync($"/search?{query}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.All(".search-hit .card-headline a").Select(a => a.TextContent).ToList();
    }

    [Fact]
    public async Task Headline_matches_rank_above_matches_in_the_body_and_snippets_highlight_the_words()
    {
        var word = Word("zephyr");
        var section = await _newsroom.SectionAsync();
        await _newsroom.PublishAsync(section, "Body mention", $"Long text about other things.\n\nOnly here does {word} appear.", publishedAt: DateTime.UtcNow.AddHours(-1));
        await _newsroom.PublishAsync(section, $"The {word} headline", "Nothing else.", publishedAt: DateTime.UtcNow.AddDays(-5));

        var page = await app.GetPageAsync($"/search?q={word}");

        Assert.Equal([$"The {word} headline", "Body mention"], page.All(".search-hit .card-headline a").Select(a => a.TextContent));
        Assert.Contains($"<mark>{word}</mark>", page.One(".search-hit:nth-child(2) .search-snippet")!.InnerHtml);
        Assert.Equal("2 stories match \u201c" + word + "\u201d.", page.Text(".search-summary"));
    }

    [Fact]
    public async Task Blank_fields_of_the_query_string_count_as_absent()
    {
        var word = Word("quayside");
        var section = await _newsroom.SectionAsync();
        await _newsroom.PublishAsync(section, $"The {word} story");

        var page = await app.GetPageAsync($"/search?q={word}&author=%20&section=&sort=%20&from=%20");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([$"The {word} story"], page.All(".search-hit .card-headline a").Select(a => a.TextContent));
        Assert.Null(page.One("input[name=author]"));
        Assert.Equal(word, page.One("#search-q")!.GetAttribute("value"));
        Assert.Null(page.One("#search-from")!.GetAttribute("value"));
        Assert.Empty(page.All("select option[selected]"));
        // A blank first value is no search, whatever follows (repeated values reach the page sorted: the output cache
        // sorts them in place for its key).
        var blank = await app.GetPageAsync($"/search?q=%20&q={word}");
        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Empty(blank.All(".search-hit"));
        Assert.Null(blank.One(".search-summary"));
    }

    [Fact]
    public async Task A_search_is_kept_in_the_cache_only_once_it_is_asked_for_again()
    {
        var word = Word("encore");
        var section = await _newsroom.SectionAsync();
        var story = await _newsroom.PublishAsync(section, $"The {word} story");
        using var http = app.Http();
        // The output cache marks the copies it serves with their age.
        async Task<bool> ServedFromCacheAsync(string path)
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"The {word} story", await response.Content.ReadAsStringAsync());
            return response.Headers.Age is not null;
        }

        // Query keys the page ignores (a newsletter's campaign tag) make no other address.
        Assert.False(await ServedFromCacheAsync($"/search?q={word}&utm_source=newsletter"));
        Assert.False(await ServedFromCacheAsync($"/search?q={word}"));
        Assert.True(await ServedFromCacheAsync($"/search?utm_source=social&q={word}"));
        // Another sort of the same words is another address, asked for the first time.
        Assert.False(await ServedFromCacheAsync($"/search?q={word}&sort=date"));
        Assert.False(await ServedFromCacheAsync($"/search?q={word}&sort=date"));
        Assert.True(await ServedFromCacheAsync($"/search?q={word}&sort=date"));
        // A story's page is still stored on its first request.
        Assert.False(await ServedFromCacheAsync(story.Path));
        Assert.True(await ServedFromCacheAsync(story.Path));
    }

    [Fact]
    public async Task Filters_by_section_author_and_dates_and_sorting_by_date_work()
    {
        var word = Word("quill");
        var politics = await _newsroom.SectionAsync("Politics desk");
        var sport = await _newsroom.SectionAsync("Sport desk");
        var author = await _newsroom.AuthorAsync("Filter Author");
        await _newsroom.PublishAsync(politics, $"{word} in politics", publishedAt: new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), authors: [author]);
        await _newsroom.PublishAsync(sport, $"{word} in sport", publishedAt: new DateTime(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc));
        await _newsroom.PublishAsync(sport, $"{word} {word} {word} sport again", publishedAt: new DateTime(2026, 2, 10, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal([$"{word} in politics"], await ResultsAsync($"q={word}&section={politics.Slug}"));
        Assert.Equal([$"{word} in politics"], await ResultsAsync($"q={word}&author={author.Slug}"));
        Assert.Equal([$"{word} in sport"], await ResultsAsync($"q={word}&from=2026-04-01&to=2026-04-30"));
        Assert.Equal([$"{word} in sport", $"{word} in politics", $"{word} {word} {word} sport again"], await ResultsAsync($"q={word}&sort=date"));
        var bad = await app.GetPageAsync($"/search?q={word}&from=yesterday");
        Assert.Contains("was not understood", bad.Text(".comment-notice"));
    }

    [Fact]
    public async Task Phrases_and_prefixes_work_and_stemming_finds_other_forms()
    {
        var word = Word("flint");
        var section = await _newsroom.SectionAsync();
        await _newsroom.PublishAsync(section, $"Dockworkers strike in {word}", "The strikers marched.");
        await _newsroom.PublishAsync(section, $"A strike of luck for dockworkers near {word}", "Unrelated.");

        Assert.Equal([$"Dockworkers strike in {word}"], await ResultsAsync($"q=%22dockworkers+strike%22+{word}"));
        Assert.Equal(2, (await ResultsAsync($"q={word[..7]}*")).Count);
        Assert.Contains($"Dockworkers strike in {word}", await ResultsAsync($"q=striking+{word}"));
    }

    /// <summary>
    /// Ranking reads the newest matches first and stops once no older story can make the page: its pages must be
    /// exactly those of ranking every match (BM25 with the site's weights plus 2% of a point a day), for stories whose
    /// strength and age pull against each other. The filler words make the stories' lengths differ.
    /// </summary>
    /// <remarks>
    /// Page 1 of each search is ranked by the index's statements; from the second time a search is asked its matches are
    /// kept (<see cref="SearchCache"/>) and its later pages and date filters are ranked from them. A site keeping none
    /// runs this test too (<see cref="UncachedRankingTests"/>).
    /// </remarks>
    [Fact]
    public Task Relevance_pages_are_those_of_ranking_every_match_and_dates_filter_exactly() => RelevancePagesAsync(app);

    internal static async Task RelevancePagesAsync(MastheadApp app)
    {
        var newsroom = new Newsroom(app);
        var word = Word("ranker");
        var section = await newsroom.SectionAsync();
        var random = new Random(20261128);
        string[] filler = ["harbour", "council", "ferry", "market", "river", "schedule", "bridge", "lantern", "orchard", "pavement"];
        string Filler(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => filler[random.Next(filler.Length)]));
        var today = DateTime.UtcNow.Date;
        var stories = new List<(string Headline, DateTime PublishedAt)>();
        async Task PublishAsync(string kind, int count, int fromDay, int toDay, Func<string> headline, Func<string> body, bool matches = true)
        {
            for (var i = 0; i < count; i++)
            {
                var title = $"{headline()} {kind} {i:000}";
                var publishedAt = today.AddDays(-random.Next(fromDay, toDay)).AddSeconds(random.Next(0, 86_400) - 86_400);
                await newsroom.PublishAsync(section, title, body(), publishedAt: publishedAt);
                if (matches)
                {
                    stories.Add((title, publishedAt));
                }
            }
        }
        // Recent stories that mention the word once in a long text; stronger ones weeks older (the word in the
        // headline and three times in a short text), which outrank some of them; weak ones years old; and stories
        // without the word, so that it is rare enough to weigh.
        await PublishAsync("recent", 16, 0, 20, () => Filler(3), () => $"{Filler(random.Next(150, 250))}\n\n{word} {Filler(random.Next(50, 100))}");
        await PublishAsync("strong", 12, 30, 110, () => $"{word} {Filler(2)}", () => $"{Filler(random.Next(20, 40))} {word} {word} {word}");
        await PublishAsync("old", 8, 400, 900, () => Filler(3), () => $"{Filler(random.Next(150, 250))}\n\n{word}");
        await PublishAsync("other", 100, 0, 900, () => Filler(3), () => Filler(random.Next(20, 200)), matches: false);

        // Stories at the edges of the date range below: the first day's midnight is in it, the midnight after the last day not.
        foreach (var edge in new[] { today.AddDays(-100), today.AddDays(-24) })
        {
            var title = $"{Filler(3)} edge {edge:yyyy-MM-dd}";
            await newsroom.PublishAsync(section, title, $"{Filler(60)} {word}", publishedAt: edge);
            stories.Add((title, edge));
        }

        Task<List<string>> EveryMatchAsync(string match) => EveryMatchRankedAsync(app, match);
        async Task<List<string>> AllPagesAsync(string query, int count)
        {
            var paged = new List<string>();
            for (var page = 1; page <= (count + 19) / 20; page++)
            {
                paged.AddRange(await ResultsAsync(app, $"{query}&page={page}"));
            }
            return paged;
        }

        var everyMatch = await EveryMatchAsync($"\"{word}\"");
        Assert.Equal(stories.Count, everyMatch.Count);
        // The order is not simply newest first: relevance moves some older stories up.
        Assert.NotEqual(stories.OrderByDescending(s => s.PublishedAt).Select(s => s.Headline), everyMatch);
        Assert.Equal(everyMatch, await AllPagesAsync($"q={word}", everyMatch.Count));
        // Two phrases (the second one common) and a prefix.
        var withHarbour = await EveryMatchAsync($"\"{word}\" \"harbour\"");
        Assert.InRange(withHarbour.Count, 21, stories.Count);
        Assert.Equal(withHarbour, await AllPagesAsync($"q={word}+harbour", withHarbour.Count));
        Assert.Equal(everyMatch, await AllPagesAsync($"q={word[..8]}*", everyMatch.Count));
        // A prefix standing for two words, the second rarer (so weighing more), in strong old stories that outrank
        // recent ones of the first.
        var sibling = word[..8] + "qq";
        await PublishAsync("sibling", 7, 150, 900, () => $"{sibling} {Filler(2)}", () => $"{Filler(random.Next(20, 40))} {sibling} {sibling} {sibling}");
        var eitherWord = await EveryMatchAsync($"(\"{word}\" OR \"{sibling}\")");
        Assert.Equal(stories.Count, eitherWord.Count);
        Assert.Equal(eitherWord, await AllPagesAsync($"q={word[..8]}*", eitherWord.Count));
        // The plain word's ranking, with more stories in the index.
        everyMatch = await EveryMatchAsync($"\"{word}\"");
        Assert.Equal(everyMatch, await AllPagesAsync($"q={word}", everyMatch.Count));

        var from = today.AddDays(-100);
        var to = today.AddDays(-25);
        stories.RemoveAll(s => s.Headline.Contains(" sibling ", StringComparison.Ordinal));
        var inRange = stories.Where(s => s.PublishedAt >= from && s.PublishedAt < to.AddDays(1)).OrderByDescending(s => s.PublishedAt).Select(s => s.Headline).ToList();
        Assert.Contains($"edge {from:yyyy-MM-dd}", inRange.Last());
        Assert.DoesNotContain(inRange, h => h.Contains($"edge {to.AddDays(1):yyyy-MM-dd}", StringComparison.Ordinal));
        Assert.Equal(inRange, await ResultsAsync(app, $"q={word}&sort=date&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        Assert.Equal(inRange.Order(), (await ResultsAsync(app, $"q={word}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).Order());
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("NEAR(a b")]
    [InlineData("a AND OR NOT")]
    [InlineData("*")]
    [InlineData("col:value -minus ^caret")]
    [InlineData("\u0001\u0002\u0007")]
    [InlineData("'; DROP TABLE Articles; --")]
    public async Task Malformed_queries_give_a_normal_page(string query)
    {
        var page = await app.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.One("#search-q"));
    }

    [Fact]
    public async Task A_ten_thousand_character_query_gives_a_normal_page()
    {
        var page = await app.GetPageAsync($"/search?q={new string('x', 10_000)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task The_index_follows_publishing_updates_and_withdrawals_and_drafts_never_appear()
    {
        var word = Word("umber");
        var later = Word("ochre");
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, $"Story about {word}");
        await app.WithDbAsync(async db =>
        {
            db.Articles.Add(new Article { Slug = Newsroom.Unique("draft"), Headline = $"Draft about {word}", SectionId = section.Id, CreatedAt = DateTime.UtcNow, ModifiedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal([$"Story about {word}"], await ResultsAsync($"q={word}"));

        await _newsroom.WithPublisherAsync(article.Id, (p, a) => { a.BodyMarkdown = $"Now it mentions {later}."; return p.UpdateAsync(a); });
        Assert.Equal([$"Story about {word}"], await ResultsAsync($"q={later}"));

        await _newsroom.WithPublisherAsync(article.Id, (p, a) => p.WithdrawAsync(a, "Withdrawn."));
        Assert.Empty(await ResultsAsync($"q={word}"));
        Assert.Empty(await ResultsAsync($"q={later}"));
    }

    [Fact]
    public async Task With_no_match_the_page_suggests_a_spelling_and_shows_the_latest_stories()
    {
        var section = await _newsroom.SectionAsync();
        await _newsroom.PublishAsync(section, "Parliament debates the referendum", "A long referendum campaign.");

        var page = await app.GetPageAsync("/search?q=referendom");

        Assert.Contains("No stories match", page.Text(".no-results"));
        Assert.Equal("referendum", page.Text(".did-you-mean a"));
        Assert.NotEmpty(page.All(".article-list .card"));
    }

    [Fact]
    public async Task A_prefix_stands_for_the_most_common_words_it_begins()
    {
        // More words with the prefix than a search takes: one story each, and the alphabetically last in two stories
        // (more common, so taken first). Of those in one story each, the alphabetically first are taken.
        var prefix = Word("quill");
        // Made of consonants other than s and y, so that the stemmer leaves each word whole and distinct.
        const string consonants = "bcdfghjkmnpqrtvwxz";
        var words = Enumerable.Range(0, SqliteSearchIndex.PrefixWords + 2)
            .Select(i => $"{prefix}{consonants[i / consonants.Length]}{consonants[i % consonants.Length]}").ToList();
        var common = $"{prefix}zz";
        Assert.True(string.CompareOrdinal(words[^1], common) < 0);
        var section = await _newsroom.SectionAsync();
        foreach (var word in words.Append(common).Append(common))
        {
            await _newsroom.PublishAsync(section, $"Story of {word}");
        }

        var found = await ResultsAsync($"q={prefix}*&sort=date");
        var pageTwo = await ResultsAsync($"q={prefix}*&sort=date&page=2");

        var taken = words.Take(SqliteSearchIndex.PrefixWords - 1).Select(w => $"Story of {w}").Append($"Story of {common}").Append($"Story of {common}");
        Assert.Equal(taken.Order(), found.Concat(pageTwo).Order());
        // Two prefixes share the words: half each. The first stands for the common word and the first 15 others, the
        // second (one letter longer: the first 18 words begin with it) for the first 16: the stories having one of each
        // are those of the first 15.
        var half = SqliteSearchIndex.PrefixWords / 2;
        Assert.Equal(words.Take(half - 1).Select(w => $"Story of {w}").Order(),
            (await ResultsAsync($"q={prefix}*+{words[0][..^1]}*")).Order());
    }

    [Fact]
    public async Task A_prefix_finds_words_with_accents_and_bylines_words()
    {
        var accented = Word("crème");
        var name = Word("Okafr");
        var section = await _newsroom.SectionAsync();
        var author = await _newsroom.AuthorAsync($"Ada {name}");
        await _newsroom.PublishAsync(section, $"Pastry with {accented}");
        await _newsroom.PublishAsync(section, "Harbour dues rise", authors: [author]);
        // A word of the text sharing the byline's prefix: the prefix still finds the byline too.
        await _newsroom.PublishAsync(section, $"The {name.ToLowerInvariant()[..7]}qq affair");

        Assert.Equal([$"Pastry with {accented}"], await ResultsAsync($"q={Uri.EscapeDataString(accented[..7])}*"));
        Assert.Equal([$"Pastry with {accented}"], await ResultsAsync($"q={Uri.EscapeDataString("creme" + accented[5..7])}*"));
        Assert.Equal(["Harbour dues rise", $"The {name.ToLowerInvariant()[..7]}qq affair"],
            (await ResultsAsync($"q={name[..7]}*")).Order());
    }

    [Fact]
    public async Task Spelling_suggestions_follow_publishing_edits_and_withdrawals()
    {
        var word = Word("kestrel");
        var misspelt = word.Remove(3, 1);
        var section = await _newsroom.SectionAsync();
        async Task<string?> SuggestionAsync()
        {
            var page = await app.GetPageAsync($"/search?q={misspelt}");
            Assert.Contains("No stories match", page.Text(".no-results"));
            return page.One(".did-you-mean a")?.TextContent;
        }
        Assert.Null(await SuggestionAsync());

        var first = await _newsroom.PublishAsync(section, $"Sighting of a {word} near the harbour");
        var second = await _newsroom.PublishAsync(section, "A second sighting", $"The {word} was seen again.");
        Assert.Equal(word, await SuggestionAsync());

        // Edited out of one story, the word is still in the other; withdrawn from that one too, it is no longer suggested.
        await _newsroom.WithPublisherAsync(first.Id, (p, a) =>
        {
            (a.Headline, a.Standfirst) = ("Sighting of a gull near the harbour", "A gull.");
            return p.UpdateAsync(a);
        });
        Assert.Equal(["A second sighting"], await ResultsAsync($"q={word}"));
        Assert.Equal(word, await SuggestionAsync());
        await _newsroom.WithPublisherAsync(second.Id, (p, a) => p.WithdrawAsync(a, "Withdrawn."));
        Assert.Null(await SuggestionAsync());
    }

    [Fact]
    public async Task The_word_counts_agree_with_the_words_index_after_publishing_editing_withdrawing_and_a_rebuild()
    {
        var shared = Word("tallow");
        var editedOut = Word("vellum");
        var withdrawn = Word("sconce");
        var section = await _newsroom.SectionAsync();
        var first = await _newsroom.PublishAsync(section, $"{shared} prices rise", $"Candle makers blame {editedOut} and {shared}.");
        var second = await _newsroom.PublishAsync(section, $"More {shared} news", $"Shops say {shared} and {withdrawn} are scarce.");
        Assert.Equal(2, (await app.WithDbAsync(WordCountsAsync)).GetValueOrDefault(shared));
        await _newsroom.WithPublisherAsync(first.Id, (p, a) => { a.BodyMarkdown = $"Candle makers and CAFÉ owners ({withdrawn}) blame the weather."; return p.UpdateAsync(a); });
        await _newsroom.WithPublisherAsync(second.Id, (p, a) => p.WithdrawAsync(a, "Withdrawn."));

        var kept = await app.WithDbAsync(WordCountsAsync);
        Assert.Equal(await app.WithDbAsync(VocabularyAsync), kept);
        Assert.Equal(1, kept.GetValueOrDefault(shared));
        Assert.Equal(1, kept.GetValueOrDefault(withdrawn));
        Assert.False(kept.ContainsKey(editedOut));
        Assert.True(kept.ContainsKey("cafe"), "Words are kept as the index folds them.");

        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ISearchIndex>().RebuildAsync(CancellationToken.None);
            return 0;
        });
        Assert.Equal(kept, await app.WithDbAsync(WordCountsAsync));
    }

    /// <summary>The headlines of every match, ranked as the site ranked before it read newest first (BM25 with the site's
    /// weights plus 2% of a point a day, ties to the newer id).</summary>
    internal static Task<List<string>> EveryMatchRankedAsync(MastheadApp app, string match) => app.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.CreateCommand($"""
            SELECT a.Headline FROM ArticleSearch JOIN Articles a ON a.Id = (ArticleSearch.rowid & {SearchKey.IdMask})
            WHERE ArticleSearch MATCH $match
            ORDER BY bm25(ArticleSearch, 10.0, 4.0, 1.0, 3.0, 2.0) + (julianday('now') - julianday(a.PublishedAt)) * 0.02, a.Id DESC
            """);
        command.AddParameter("$match", match);
        var headlines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            headlines.Add(reader.GetString(0));
        }
        return headlines;
    });

    /// <summary>SearchWords: each word and how many stories have it.</summary>
    internal static async Task<Dictionary<string, long>> WordCountsAsync(MastheadDb db)
    {
        var words = await db.Database.SqlQuery<WordCount>($"SELECT Word, Stories, Length FROM SearchWords").ToListAsync();
        // SQLite's length() counts characters.
        Assert.All(words, w => Assert.Equal(w.Word.EnumerateRunes().Count(), w.Length));
        return words.ToDictionary(w => w.Word, w => w.Stories);
    }

    /// <summary>The same from the words index's own vocabulary, which reads every posting.</summary>
    internal static async Task<Dictionary<string, long>> VocabularyAsync(MastheadDb db) =>
        (await db.Database.SqlQuery<WordCount>($"SELECT term AS Word, doc AS Stories, length(term) AS Length FROM ArticleWordsVocab WHERE doc > 0").ToListAsync())
            .ToDictionary(w => w.Word, w => w.Stories);

    internal sealed record WordCount(string Word, long Stories, long Length);

    [Fact]
    public async Task Results_are_paged()
    {
        var word = Word("pager");
        var section = await _newsroom.SectionAsync();
        for (var i = 0; i < 23; i++)
        {
            await _newsroom.PublishAsync(section, $"{word} number {i:00}", publishedAt: DateTime.UtcNow.AddMinutes(-i));
        }
        var first = await app.GetPageAsync($"/search?q={word}&sort=date");
        var second = await app.GetPageAsync($"/search?q={word}&sort=date&page=2");

        Assert.Equal(20, first.All(".search-hit").Count);
        Assert.Equal(3, second.All(".search-hit").Count);
        Assert.Equal($"/search?q={word}&sort=date&page=2", first.One(".pager a[rel=next]")!.GetAttribute("href"));
        var beyond = await app.GetPageAsync($"/search?q={word}&sort=date&page=99");
        Assert.Equal(3, beyond.All(".search-hit").Count);
        Assert.Equal("Page 2 of 2", beyond.Text(".pager-position"));
    }
}

/// <summary>A site whose relevance ranking takes only the newest 20 matches, and which runs one search at a time.</summary>
public sealed class LimitedSearchApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Search:RankedMatches"] = "20",
        ["Search:ConcurrentSearches"] = "1",
        ["Search:WaitSeconds"] = "1",
    };
}

public sealed class SearchLimitsTests(LimitedSearchApp app) : IClassFixture<LimitedSearchApp>
{
    [Fact]
    public async Task A_search_without_a_turn_in_time_is_asked_to_try_again_while_cached_searches_still_answer()
    {
        var newsroom = new Newsroom(app);
        await newsroom.PublishAsync(await newsroom.SectionAsync(), "Lighthouse keeper retires after forty years");
        // Asked twice, the first search is kept in the output cache.
        await app.GetPageAsync("/search?q=lighthouse");
        await app.GetPageAsync("/search?q=lighthouse");

        // A search that holds the site's only turn until it is let go (a free turn is taken at once, before RunAsync returns).
        var letGo = new TaskCompletionSource<string>();
        var holding = app.Services.GetRequiredService<SearchGate>().RunAsync(() => letGo.Task, CancellationToken.None);
        var busy = await app.GetPageAsync("/search?q=keeper");
        var cached = await app.GetPageAsync("/search?q=lighthouse");
        letGo.SetResult("");
        await holding;
        var later = await app.GetPageAsync("/search?q=keeper");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), busy.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("Search is busy right now: please try again in a few seconds.", busy.Text(".search-busy"));
        Assert.Empty(busy.All(".search-hit"));
        Assert.Equal(HttpStatusCode.OK, cached.Status);
        Assert.Single(cached.All(".search-hit"));
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Single(later.All(".search-hit"));
    }

    [Fact]
    public async Task Relevance_ranks_only_the_newest_matches_it_is_allowed_and_says_so_while_date_order_pages_through_all()
    {
        var newsroom = new Newsroom(app);
        var section = await newsroom.SectionAsync();
        // Stories without the word, so that it is rare enough to weigh; five strong stories a few days old, which lead a
        // full ranking; then 20 weak recent ones.
        for (var i = 0; i < 60; i++)
        {
            await newsroom.PublishAsync(section, $"Coastal survey {i}", "Sand moves along the coast.", publishedAt: DateTime.UtcNow.AddDays(-10));
        }
        for (var i = 0; i < 5; i++)
        {
            await newsroom.PublishAsync(section, $"Marram grass {i}", "Marram marram marram.", publishedAt: DateTime.UtcNow.AddDays(-3 - i * 0.1));
        }
        for (var i = 0; i < 20; i++)
        {
            await newsroom.PublishAsync(section, $"Dune report {i:00}", $"{string.Join(' ', Enumerable.Repeat("Sand moves along the coast.", 20))} Some marram.",
                publishedAt: DateTime.UtcNow.AddHours(-i));
        }
        var fullRanking = (await SearchTests.EveryMatchRankedAsync(app, "marram")).Take(5);
        Assert.All(fullRanking, h => Assert.StartsWith("Marram grass", h));

        var relevance = await app.GetPageAsync("/search?q=marram");
        var byDate = await app.GetPageAsync("/search?q=marram&sort=date&page=2");

        Assert.Equal("25 stories match \u201cmarram\u201d.", relevance.Text(".search-summary"));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Dune report {i:00}").Order(),
            relevance.All(".search-hit .card-headline a").Select(a => a.TextContent).Order());
        Assert.Null(relevance.One(".pager"));
        Assert.Contains("among the newest 20 of them", relevance.Text(".search-ranked"));
        Assert.Equal("/search?q=marram&sort=date&page=1", relevance.One(".search-ranked a")!.GetAttribute("href"));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Marram grass {i}"), byDate.All(".search-hit .card-headline a").Select(a => a.TextContent));
        Assert.Null((await app.GetPageAsync("/search?q=marram&sort=date")).One(".search-ranked"));
        // Asked again (another address), relevance ranks the kept matches with the same limit.
        var again = await app.GetPageAsync("/search?q=marram&page=1");
        Assert.Equal(relevance.All(".search-hit .card-headline a").Select(a => a.TextContent), again.All(".search-hit .card-headline a").Select(a => a.TextContent));
        Assert.Contains("among the newest 20 of them", again.Text(".search-ranked"));
    }
}
