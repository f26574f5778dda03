using System.Data.Common;
using System.Globalization;
using System.Net;
using Masthead.Articles;
using Masthead.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Search;

/// <summary>
/// FTS5 over published stories: ArticleSearch (porter-stemmed, ranked with BM25, the headline weighing most) and
/// ArticleWords (unstemmed, the words of spelling suggestions, prefixes and related stories). Both tables are made by a
/// migration; ArticleSearch's row id is the story's <see cref="SearchKey"/> (ArticleSearchKeys maps ids to keys),
/// ArticleWords' the story's id. ArticleWords is contentless (the index without a copy of the text, which
/// ArticleSearch holds). SearchWords counts the stories having each of ArticleWords' words: it changes with every
/// story indexed or removed, in the same transaction. Every statement is parameterised.
/// </summary>
public sealed class SqliteSearchIndex(MastheadDb db, ArticleRenderer renderer, TimeProvider time, SearchOptions options, SearchCache cache,
    SectionDirectory sectionDirectory) : ISearchIndex, IArticleIndexer
{
    public Task ArticleChangedAsync(int articleId, bool isPublic, CancellationToken ct) =>
        isPublic ? IndexAsync(articleId, ct) : RemoveAsync(articleId, ct);

    public async Task WordsChangedAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        foreach (var id in articleIds)
        {
            await IndexAsync(id, ct);
        }
    }

    /// <summary>Search hits show the section a story is kept with in <see cref="SearchCache"/>: searches kept so far start over.</summary>
    public Task SectionMergedAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync(NewVersion, ct);

    private const char HitStart = '\u0002';
    private const char HitEnd = '\u0003';

    public async Task IndexAsync(int articleId, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId && a.Status == ArticleStatus.Published)
            .Select(a => new
            {
                a.Headline, a.Standfirst, a.BodyMarkdown, a.PublishedAt, a.CreatedAt,
                Tags = a.Tags.Select(t => t.Name).ToList(),
                Bylines = a.Bylines.Select(b => b.Author.Name).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            await RemoveAsync(articleId, ct);
            return;
        }
        await UnindexAsync(articleId, ct);
        var key = SearchKey.Of(article.PublishedAt ?? article.CreatedAt, articleId);
        var body = renderer.PlainText(article.BodyMarkdown);
        var tags = string.Join(", ", article.Tags);
        var bylines = string.Join(", ", article.Bylines);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines) VALUES ({key}, {article.Headline}, {article.Standfirst}, {body}, {tags}, {bylines})", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearchKeys(ArticleId, SearchKey) VALUES ({articleId}, {key})", ct);
        var words = $"{article.Headline} {article.Standfirst} {tags} {body}";
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleWords(rowid, words) VALUES ({articleId}, {words})", ct);
        await CountWordsAsync(words, added: true, ct);
        await db.Database.ExecuteSqlRawAsync(NewVersion, ct);
    }

    public async Task RemoveAsync(int articleId, CancellationToken ct)
    {
        if (await UnindexAsync(articleId, ct))
        {
            await db.Database.ExecuteSqlRawAsync(NewVersion, ct);
        }
    }

    /// <summary>
    /// Every change of the index, and of what its hits show (a section merge), gives it a new version, after the change
    /// and in its transaction, so that searches kept in <see cref="SearchCache"/> are of exactly the index and stories a
    /// search's snapshot reads. A story that was not in the index and is not put in it (a draft) leaves the version as
    /// it is.
    /// </summary>
    private const string NewVersion = "UPDATE SearchIndexVersion SET Version = Version + 1;";

    /// <summary>Takes the story out of the index; false when it was not in it.</summary>
    private async Task<bool> UnindexAsync(int articleId, CancellationToken ct)
    {
        // The story's words as they were indexed (IndexAsync gives ArticleWords these columns, in this order).
        var indexed = await db.Database.SqlQuery<string>($"""
            SELECT headline || ' ' || standfirst || ' ' || tags || ' ' || body AS Value FROM ArticleSearch
            WHERE rowid = (SELECT SearchKey FROM ArticleSearchKeys WHERE ArticleId = {articleId})
            """).FirstOrDefaultAsync(ct);
        if (indexed is null)
        {
            return false;
        }
        await CountWordsAsync(indexed, added: false, ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid IN (SELECT SearchKey FROM ArticleSearchKeys WHERE ArticleId = {articleId})", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearchKeys WHERE ArticleId = {articleId}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleWords WHERE rowid = {articleId}", ct);
        return true;
    }

    /// <summary>
    /// Adds one story to the count of each of its words in SearchWords, or takes it off (a word no story has any more
    /// goes). The words are split by ArticleWords' own tokenizer: the text is indexed alone in a contentless table of the
    /// connection's temporary schema, whose vocabulary lists its distinct words; the table is emptied again, so the
    /// connection goes back to the pool without them.
    /// </summary>
    private async Task CountWordsAsync(string words, bool added, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var create = db.CreateCommand("""
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.StoryWords USING fts5(words, content = '', tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.StoryWordsVocab USING fts5vocab(temp, StoryWords, 'row');
                INSERT INTO temp.StoryWords(StoryWords) VALUES ('delete-all');
                INSERT INTO temp.StoryWords(rowid, words) VALUES (1, $words);
                """))
            {
                create.AddParameter("$words", words);
                await create.ExecuteNonQueryAsync(ct);
            }
            await using var count = db.CreateCommand((added
                ? """
                  INSERT INTO SearchWords (Word, Length, Stories) SELECT term, length(term), 1 FROM temp.StoryWordsVocab WHERE true
                  ON CONFLICT (Word) DO UPDATE SET Stories = Stories + 1;
                  """
                : """
                  UPDATE SearchWords SET Stories = Stories - 1 WHERE Word IN (SELECT term FROM temp.StoryWordsVocab);
                  DELETE FROM SearchWords WHERE Stories <= 0 AND Word IN (SELECT term FROM temp.StoryWordsVocab);
                  """) + "INSERT INTO temp.StoryWords(StoryWords) VALUES ('delete-all');");
            await count.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task RebuildAsync(CancellationToken ct)
    {
        // Inside a caller's transaction (an import) the rebuild joins it; otherwise it is one of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // ArticleWords is contentless: 'delete-all' empties it at once, where a DELETE would mark each row deleted.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ArticleSearch; DELETE FROM ArticleSearchKeys; INSERT INTO ArticleWords(ArticleWords) VALUES ('delete-all');", ct);
        // One read of every published story and prepared inserts reused for all of them: a rebuild after an import of
        // thousands of stories is not thousands of round trips through EF. The index takes them in key order.
        var articles = (await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new
            {
                a.Id, a.Headline, a.Standfirst, a.BodyMarkdown, a.PublishedAt, a.CreatedAt,
                Tags = a.Tags.Select(t => t.Name).ToList(),
                Bylines = a.Bylines.Select(b => b.Author.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct))
            .Select(a => (Key: SearchKey.Of(a.PublishedAt ?? a.CreatedAt, a.Id), Article: a))
            .OrderBy(a => a.Key)
            .ToList();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var search = db.CreateCommand("INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines) VALUES ($key, $headline, $standfirst, $body, $tags, $bylines)");
            await using var keys = db.CreateCommand("INSERT INTO ArticleSearchKeys(ArticleId, SearchKey) VALUES ($id, $key)");
            await using var words = db.CreateCommand("INSERT INTO ArticleWords(rowid, words) VALUES ($id, $words)");
            foreach (var (key, article) in articles)
            {
                var body = renderer.PlainText(article.BodyMarkdown);
                var tags = string.Join(", ", article.Tags);
                Parameters(search, ("$key", key), ("$headline", article.Headline), ("$standfirst", article.Standfirst), ("$body", body),
                    ("$tags", tags), ("$bylines", string.Join(", ", article.Bylines)));
                await search.ExecuteNonQueryAsync(ct);
                Parameters(keys, ("$id", article.Id), ("$key", key));
                await keys.ExecuteNonQueryAsync(ct);
                Parameters(words, ("$id", article.Id), ("$words", $"{article.Headline} {article.Standfirst} {tags} {body}"));
                await words.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // The words' counts from the new index's vocabulary, in one pass over it.
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM SearchWords; INSERT INTO SearchWords (Word, Length, Stories) SELECT term, length(term), doc FROM ArticleWordsVocab WHERE doc > 0;" + NewVersion, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private static void Parameters(DbCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.AddParameter(name, value);
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        // Not count(*): a full-text table has no row count to read, and counting scans it (0.2 s at 100,000 stories,
        // on every start).
        var rows = await ReadAsync("SELECT EXISTS (SELECT 1 FROM ArticleSearch)", [], r => r.GetInt64(0), ct);
        return rows[0] == 0;
    }

    /// <summary>FTS5's BM25 weights: the headline weighs most, then the standfirst, tags, bylines and body.</summary>
    private const string Bm25 = "bm25(ArticleSearch, 10.0, 4.0, 1.0, 3.0, 2.0)";

    /// <summary>Relevance is nudged towards recent stories: a day's age costs 2% of a BM25 point.</summary>
    internal const double AgeCostPerSecond = 0.02 / 86400;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parsed = SearchText.Parse(query.Text);
        if (parsed.Phrases.Count == 0)
        {
            return new SearchResults([], 0, 1, 1, []);
        }
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside a caller's transaction, which may change the index and roll back (and its version with it), nothing
            // is read from the cache or kept.
            return await SearchAsync(parsed, query, keep: false, ct);
        }
        // The count, the ranking and the hits read one snapshot (a deferred transaction takes no lock), so a story
        // published or withdrawn meanwhile cannot make them disagree or loosen the ranking's bound. The snapshot is read
        // on a pooled connection of its own that EF never opens: opening EF's registers EF's SQL functions again and
        // closing it removes them, which was a tenth of the CPU of a search answered from the cache.
        // One search at a time in a scope: the statements below find the snapshot through _snapshot.
        if (_snapshot is not null)
        {
            throw new InvalidOperationException("A search is already reading in this scope.");
        }
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var snapshot = connection.BeginTransaction(deferred: true);
        _snapshot = snapshot;
        try
        {
            return await SearchAsync(parsed, query, keep: cache.Enabled, ct);
        }
        finally
        {
            _snapshot = null;
        }
    }

    /// <summary>The snapshot a search is reading, if any (see <see cref="SearchAsync(SearchQuery, CancellationToken)"/>).</summary>
    private SqliteTransaction? _snapshot;

    private async Task<SearchResults> SearchAsync(SearchText.Parsed parsed, SearchQuery query, bool keep, CancellationToken ct)
    {
        var (match, phraseStories) = await ExpandPrefixesAsync(parsed.Phrases, ct);
        // A date filter is a range of keys the index seeks to. Only section and author need the article: it is read
        // through a narrow covering index (the table's row holds the body before the filtered columns). The index
        // holds published stories only (it changes in the transaction that publishes or withdraws one).
        var section = string.IsNullOrWhiteSpace(query.Section) ? null : query.Section;
        var author = string.IsNullOrWhiteSpace(query.Author) ? null : query.Author;
        var join = section is null && author is null ? "" : $"""
            CROSS JOIN Articles a INDEXED BY {MastheadDb.SearchFilterIndex} ON a.Id = (ArticleSearch.rowid & {SearchKey.IdMask})
            JOIN Sections s ON s.Id = a.SectionId
            """;
        var matches = $"""
            FROM ArticleSearch {join}
            WHERE ArticleSearch MATCH $match AND ArticleSearch.rowid >= $low AND ArticleSearch.rowid < $high
              {(section is null ? "" : "AND s.Slug = $section")}
              {(author is null ? "" : "AND EXISTS (SELECT 1 FROM Bylines b JOIN Authors au ON au.Id = b.AuthorId WHERE b.ArticleId = a.Id AND au.Slug = $author)")}
            """;
        var low = query.From is { } from ? SearchKey.AtSecond(from) : long.MinValue;
        var high = query.To is { } to ? SearchKey.AtSecond(to) : long.MaxValue;
        var parameters = new Dictionary<string, object?> { ["$match"] = match, ["$low"] = low, ["$high"] = high };
        if (section is not null)
        {
            parameters["$section"] = section;
        }
        if (author is not null)
        {
            parameters["$author"] = author;
        }
        // Without a section or an author, a query asked before is counted, filtered and ranked from its cached matches.
        var version = keep && section is null && author is null ? await VersionAsync(ct) : (long?)null;
        var cached = version is { } v ? await CachedMatchesAsync(v, match, ct) : null;
        // The positions of the range's matches in the cached ones.
        var (first, end) = cached?.Range(low, high) ?? (0, 0);
        var total = cached is not null ? end - first : (int)(await ReadAsync($"SELECT count(*) {matches}", parameters, r => r.GetInt64(0), ct))[0];
        if (total == 0)
        {
            return new SearchResults([], 0, 1, 1, await SuggestAsync(parsed.Words, ct));
        }
        // Relevance pages through the matches it ranked: all of them, or the newest RankedMatches.
        int? rankedNewest = !query.NewestFirst && total > options.RankedMatches ? options.RankedMatches : null;
        var pages = ((rankedNewest ?? total) + query.PageSize - 1) / query.PageSize;
        // A page past the last shows the last.
        var page = Math.Clamp(query.Page, 1, pages);
        var skip = (page - 1) * query.PageSize;
        List<long> keys;
        if (cached is not null && query.NewestFirst)
        {
            keys = cached.Newest(first, end, skip, query.PageSize);
        }
        else if (cached?.Rank(first, end, skip + query.PageSize, options.RankedMatches) is { } ranked)
        {
            keys = [.. ranked.Skip(skip)];
        }
        else if (query.NewestFirst)
        {
            parameters["$take"] = query.PageSize;
            parameters["$skip"] = skip;
            keys = await ReadAsync($"SELECT ArticleSearch.rowid {matches} ORDER BY ArticleSearch.rowid DESC LIMIT $take OFFSET $skip", parameters, r => r.GetInt64(0), ct);
        }
        else
        {
            keys = [.. (await RankAsync(matches, parameters, phraseStories, total, skip + query.PageSize, ct)).Skip(skip)];
        }
        var hits = await HitsAsync(match, keys, cached is null ? null : version, ct);
        return new SearchResults(hits, total, page, pages, [], rankedNewest);
    }

    /// <summary>The index's version in the search's snapshot (see <see cref="NewVersion"/>).</summary>
    private async Task<long> VersionAsync(CancellationToken ct) =>
        (await ReadAsync("SELECT Version FROM SearchIndexVersion", [], r => r.GetInt64(0), ct))[0];

    /// <summary>
    /// The query's matches from the cache, or read into it when the query is asked the second time at this version and
    /// has at most <see cref="SearchCache.MaxMatches"/>; otherwise null (the statements read the index instead).
    /// </summary>
    private async Task<CachedMatches?> CachedMatchesAsync(long version, string match, CancellationToken ct)
    {
        if (cache.TryGetMatches(version, match, out var cached))
        {
            return cached;
        }
        if (!cache.AskedBefore(version, match) || !cache.TryStartFilling())
        {
            return null;
        }
        try
        {
            // Another search may have read them while this one waited for its turn.
            return cache.TryGetMatches(version, match, out cached) ? cached : await FillAsync(version, match, ct);
        }
        finally
        {
            cache.EndFilling();
        }
    }

    private async Task<CachedMatches?> FillAsync(long version, string match, CancellationToken ct)
    {
        var parameters = new Dictionary<string, object?> { ["$match"] = match };
        var count = (await ReadAsync("SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $match", parameters, r => r.GetInt64(0), ct))[0];
        var kept = Math.Min(BestKept, options.RankedMatches);
        if (count > cache.MaxMatches || !cache.HasRoom(version, SearchCache.MatchesBytes(match, count, Math.Min(count, kept))))
        {
            // Marked as not to be kept at this version (too many matches, or the cache is full), so that it is not counted again.
            cache.SetMatches(version, match, null);
            return null;
        }
        // The index's own order is the keys' (the snapshot cannot change the count in between). A story's BM25 score
        // plus its age at any time is its score minus its publication second's cost, plus the same for every story.
        var matches = new CachedMatches.Builder((int)count, kept);
        await ReadEachAsync($"SELECT rowid, {Bm25} FROM ArticleSearch WHERE ArticleSearch MATCH $match ORDER BY rowid", parameters, reader =>
        {
            matches.Add(reader.GetInt64(0), reader.GetDouble(1));
            return matches.Read < count;
        }, ct);
        if (matches.Read != count)
        {
            return null;
        }
        var cached = matches.Build();
        if (!cache.SetMatches(version, match, cached))
        {
            // No room after all (snippets kept meanwhile): not read again at this version.
            cache.SetMatches(version, match, null);
            return null;
        }
        return cached;
    }

    /// <summary>
    /// How many of a query's matches are kept in rank order (or RankedMatches, if fewer): relevance pages up to the
    /// 25th come from them.
    /// </summary>
    private const int BestKept = 500;

    /// <summary>What a story's age at the second <paramref name="now"/> adds to its BM25 score.</summary>
    internal static double Age(long now, long key) => (now - SearchKey.SecondOf(key)) * AgeCostPerSecond;

    /// <summary>At most this many indexed words stand for the prefixes (word*) of one search, shared between them.</summary>
    internal const int PrefixWords = 32;

    /// <summary>
    /// The FTS5 query with each prefix (word*) replaced by the indexed words that begin with it, the most common first,
    /// at most <see cref="PrefixWords"/> in all, and by the bylines' words that begin with it (the words index, and so
    /// SearchWords, leaves bylines out): FTS5 answers a prefix by merging the postings of every word it begins, on every
    /// statement, before the first row (0.7 s for "th*" at 100,000 stories, 4 s for a dozen such prefixes). The words are
    /// quoted, so the search index's stemmer still applies ("runni*" stands for "running", which finds "run" too). A
    /// prefix that begins no word stands for itself as a word. With the query, for each of its phrases, how many stories
    /// have it at least (-1: every match has it).
    /// </summary>
    private async Task<(string Match, List<long> PhraseStories)> ExpandPrefixesAsync(IReadOnlyList<string> phrases, CancellationToken ct)
    {
        var prefixes = phrases.Count(IsPrefix);
        var bylineWords = prefixes == 0 ? [] : (await ReadAsync("SELECT DISTINCT Name FROM Authors", [], r => r.GetString(0), ct))
            .SelectMany(SearchText.IndexedWords).Distinct(StringComparer.Ordinal).ToList();
        var parts = new List<string>(phrases.Count);
        var stories = new List<long>(phrases.Count);
        foreach (var phrase in phrases)
        {
            if (!IsPrefix(phrase))
            {
                parts.Add(phrase);
                stories.Add(-1);
                continue;
            }
            // The prefix as the tokenizer folds the words it indexes (no accents), then the range of words it begins.
            var prefix = SearchText.Fold(phrase[1..^2]);
            var words = await ReadAsync(
                "SELECT Word, Stories FROM SearchWords WHERE Word >= $prefix AND Word < $after ORDER BY Stories DESC, Word LIMIT $limit",
                new()
                {
                    ["$prefix"] = prefix,
                    ["$after"] = prefix[..^1] + (char)(prefix[^1] + 1),
                    ["$limit"] = Math.Max(2, PrefixWords / prefixes),
                },
                r => (Word: r.GetString(0), Stories: r.GetInt64(1)), ct);
            // A byline's word is in at least one story (or none: then it matches nothing).
            words.AddRange(bylineWords.Where(w => w.StartsWith(prefix, StringComparison.Ordinal) && !words.Exists(x => x.Word == w))
                .Order(StringComparer.Ordinal).Take(PrefixBylineWords).Select(w => (w, 1L)));
            if (words.Count <= 1)
            {
                // One word, or the prefix itself as a word: each match has it.
                parts.Add(Quote(words.Count == 1 ? words[0].Word : prefix));
                stories.Add(-1);
                continue;
            }
            parts.Add($"({string.Join(" OR ", words.Select(w => Quote(w.Word)))})");
            stories.AddRange(words.Select(w => w.Stories));
        }
        // FTS5 takes no implicit AND before a parenthesis.
        return (string.Join(" AND ", parts), stories);

        static bool IsPrefix(string phrase) => phrase.Length > 3 && phrase.EndsWith("\"*", StringComparison.Ordinal);
        static string Quote(string word) => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>At most this many words of bylines stand for a prefix, besides the indexed words.</summary>
    private const int PrefixBylineWords = 8;

    /// <summary>
    /// The keys of the <paramref name="count"/> most relevant matches, best first: BM25 plus the story's age, ties to
    /// the newer id. The matches are read newest first, and reading stops once even the best score a story could have
    /// (BM25 is never below minus 2.2 times the sum of its phrases' IDF) plus the age of the story just read cannot
    /// beat the worst of those kept: every story after it is as old or older. A common word's page is then ranked from
    /// its last few weeks of matches instead of all of them. Reading stops in any case after
    /// <see cref="SearchOptions.RankedMatches"/> matches.
    /// </summary>
    private async Task<List<long>> RankAsync(string matches, Dictionary<string, object?> parameters, List<long> phraseStories, int total, int count, CancellationToken ct)
    {
        // FTS5's IDF of a phrase is ln((N - n + 0.5) / (n + 0.5)), at least 1e-6, for N stories of which n have it: the
        // fewer stories have it, the higher. A phrase every match has is in at least as many stories as there are
        // matches; a word standing for a prefix in at least as many as SearchWords counts (its stem is in each of
        // them). N is at most the highest story id.
        var stories = (await ReadAsync("SELECT coalesce(max(ArticleId), 0) FROM ArticleSearchKeys", [], r => r.GetInt64(0), ct))[0];
        var highestIdf = phraseStories.Sum(n =>
        {
            var having = n < 0 ? total : Math.Max(n, 1);
            var all = Math.Max(stories, Math.Max(total, having));
            return Math.Max(Math.Log((all - having + 0.5) / (having + 0.5)), 1e-6);
        });
        var bestPossible = -2.2 * highestIdf * (1 + 1e-9) - 1e-9;
        var now = SearchKey.Second(time.GetUtcNow().UtcDateTime);
        var best = new BestRanks(count);
        var read = 0;
        await ReadEachAsync($"SELECT ArticleSearch.rowid, {Bm25} {matches} ORDER BY ArticleSearch.rowid DESC", parameters, reader =>
        {
            if (read++ == options.RankedMatches)
            {
                return false;
            }
            var key = reader.GetInt64(0);
            var age = Age(now, key);
            if (best.Worst is { } worst && worst < bestPossible + age)
            {
                return false;
            }
            best.Offer(key, reader.GetDouble(1) + age);
            return true;
        }, ct);
        return best.BestFirst();
    }

    /// <summary>
    /// The page's stories, in the order of <paramref name="keys"/>, with their snippets; with a <paramref name="version"/>,
    /// the snippets and stories are read from the cache and kept in it. A story's section (name and address) comes from
    /// <see cref="SectionDirectory"/>, or from the snapshot for a section it does not list.
    /// </summary>
    private async Task<List<SearchHit>> HitsAsync(string ftsQuery, List<long> keys, long? version, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        // The index reads the range of the keys missing and keeps those asked for ("+" keeps SQLite from asking the index
        // for each key on its own, which starts the whole query over for every one).
        var snippets = await KeptOrReadAsync(keys, version, (v, key) => cache.Snippet(v, ftsQuery, key), async missing =>
        {
            var parameters = new Dictionary<string, object?> { ["$match"] = ftsQuery, ["$first"] = missing.Min(), ["$last"] = missing.Max() };
            return await ReadAsync(
                $"""
                SELECT rowid, snippet(ArticleSearch, -1, char(2), char(3), '…', 24) FROM ArticleSearch
                WHERE ArticleSearch MATCH $match AND rowid BETWEEN $first AND $last AND +rowid IN ({InList(missing, "k", parameters)})
                """,
                parameters, r => (r.GetInt64(0), Highlight(r.IsDBNull(1) ? "" : r.GetString(1))), ct);
        }, (v, key, snippet) => cache.SetSnippet(v, ftsQuery, key, snippet));
        var stories = await KeptOrReadAsync(keys, version, cache.Story, async missing =>
        {
            var parameters = new Dictionary<string, object?> { ["$published"] = (int)ArticleStatus.Published };
            var keyOf = missing.ToDictionary(SearchKey.ArticleId);
            return await ReadAsync(
                $"""
                SELECT Id, Headline, Slug, PublishedAt, SectionId FROM Articles
                WHERE Id IN ({InList(keyOf.Keys.Select(id => (long)id), "id", parameters)}) AND Status = $published
                """,
                parameters,
                r => (keyOf[r.GetInt32(0)], new SearchStory(r.GetInt32(0), r.GetString(1), r.GetString(2),
                    DateTime.SpecifyKind(DateTime.Parse(r.GetString(3), CultureInfo.InvariantCulture), DateTimeKind.Utc), r.GetInt32(4))),
                ct);
        }, cache.SetStory);
        // A story's section by the directory; one it does not list yet or any more (changed in the meantime) as this
        // snapshot has it.
        var sections = (await sectionDirectory.AllAsync(ct)).ToDictionary(s => s.Id, s => (s.Name, s.Slug));
        var unlisted = stories.Values.Select(s => s.SectionId).Where(id => !sections.ContainsKey(id)).Distinct().ToList();
        if (unlisted.Count > 0)
        {
            var parameters = new Dictionary<string, object?>();
            foreach (var (id, name, slug) in await ReadAsync($"SELECT Id, Name, Slug FROM Sections WHERE Id IN ({InList(unlisted.Select(id => (long)id), "s", parameters)})",
                parameters, r => (r.GetInt32(0), r.GetString(1), r.GetString(2)), ct))
            {
                sections[id] = (name, slug);
            }
        }
        var hits = new List<SearchHit>(keys.Count);
        foreach (var key in keys)
        {
            if (stories.TryGetValue(key, out var story) && snippets.TryGetValue(key, out var snippet)
                && sections.TryGetValue(story.SectionId, out var section))
            {
                hits.Add(new SearchHit(story.ArticleId, story.Headline, story.Slug, story.PublishedAt, section.Name, section.Slug, snippet));
            }
        }
        return hits;
    }

    /// <summary>
    /// The values of <paramref name="keys"/>: with a <paramref name="version"/>, those the cache keeps for it; the others
    /// read together by <paramref name="read"/>, and kept (a key it finds nothing for is left out).
    /// </summary>
    private static async Task<Dictionary<long, T>> KeptOrReadAsync<T>(List<long> keys, long? version, Func<long, long, T?> kept,
        Func<List<long>, Task<List<(long Key, T Value)>>> read, Action<long, long, T> keep) where T : class
    {
        var found = new Dictionary<long, T>(keys.Count);
        foreach (var key in keys)
        {
            if (version is { } v && kept(v, key) is { } value)
            {
                found[key] = value;
            }
        }
        var missing = keys.Where(k => !found.ContainsKey(k)).ToList();
        if (missing.Count == 0)
        {
            return found;
        }
        foreach (var (key, value) in await read(missing))
        {
            found[key] = value;
            if (version is { } v)
            {
                keep(v, key, value);
            }
        }
        return found;
    }

    /// <summary>"$name0, $name1, …" for the values, added to <paramref name="parameters"/>.</summary>
    private static string InList(IEnumerable<long> values, string name, Dictionary<string, object?> parameters)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            names.Add($"${name}{names.Count}");
            parameters[names[^1]] = value;
        }
        return string.Join(", ", names);
    }

    /// <summary>The snippet as safe HTML: the text encoded, FTS5's hit markers turned into &lt;mark&gt;.</summary>
    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(HitStart.ToString(), "<mark>", StringComparison.Ordinal).Replace(HitEnd.ToString(), "</mark>", StringComparison.Ordinal);

    /// <summary>For words the index has never seen, the closest indexed word (by edit distance, then frequency).</summary>
    private async Task<IReadOnlyList<string>> SuggestAsync(IReadOnlyList<string> words, CancellationToken ct)
    {
        if (words.Count == 0)
        {
            return [];
        }
        var corrected = new List<string>();
        var changed = false;
        foreach (var word in words)
        {
            var known = await ReadAsync("SELECT EXISTS (SELECT 1 FROM SearchWords WHERE Word = $w)", new() { ["$w"] = word }, r => r.GetInt64(0), ct);
            if (known[0] > 0 || word.Length < 3)
            {
                corrected.Add(word);
                continue;
            }
            // Words of the same first letter and about the same length: a range of the (Length, Word) index per length.
            var candidates = await ReadAsync(
                """
                SELECT Word, Stories FROM SearchWords
                WHERE Length IN ($length - 2, $length - 1, $length, $length + 1, $length + 2) AND Word >= $lo AND Word < $hi
                """,
                new() { ["$lo"] = word[..1], ["$hi"] = ((char)(word[0] + 1)).ToString(), ["$length"] = word.Length },
                r => (Term: r.GetString(0), Docs: r.GetInt64(1)), ct);
            var limit = word.Length <= 5 ? 1 : 2;
            var best = candidates.Select(c => (c.Term, c.Docs, Distance: SearchText.Distance(word, c.Term)))
                .Where(c => c.Distance <= limit).OrderBy(c => c.Distance).ThenByDescending(c => c.Docs).FirstOrDefault();
            corrected.Add(best.Term ?? word);
            changed |= best.Term is not null;
        }
        return changed ? [string.Join(' ', corrected)] : [];
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Dictionary<string, object?> parameters, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var rows = new List<T>();
        await ReadEachAsync(sql, parameters, r =>
        {
            rows.Add(read(r));
            return true;
        }, ct);
        return rows;
    }

    /// <summary>
    /// Hands each row to <paramref name="read"/> until it returns false (the statement stops there): in the search's
    /// snapshot, or else on the context's connection, in its transaction if it has one.
    /// </summary>
    private async Task ReadEachAsync(string sql, Dictionary<string, object?> parameters, Func<DbDataReader, bool> read, CancellationToken ct)
    {
        var opened = _snapshot is null && db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        try
        {
            await using var command = Command(sql);
            foreach (var (name, value) in parameters)
            {
                command.AddParameter(name, value);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct) && read(reader))
            {
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private DbCommand Command(string sql)
    {
        if (_snapshot is not { } snapshot)
        {
            return db.CreateCommand(sql);
        }
        var command = snapshot.Connection!.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = sql;
        return command;
    }
}
