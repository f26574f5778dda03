using System.Text.Json;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Search;

/// <summary>
/// Finds each story's closest neighbours (<see cref="Closeness"/>) and stores them, so the article page only reads a
/// list. Refreshed in the publishing transaction for the story and for the neighbours it now has; rebuilt for every
/// story after an import or the demo.
/// </summary>
/// <remarks>
/// Both are one computation over a set of stories, in a fixed number of queries whatever the set's size: the
/// stories, the index's document counts of their words, every story's count of each story's most distinctive words
/// (the index's postings), the stories sharing their tags and the candidates' facts. The scoring is done in memory,
/// so a rebuild of thousands of stories takes a couple of seconds, not a full-text match per story, and it gives
/// the same neighbours as refreshing each story alone.
/// </remarks>
public sealed class RelatedStories(MastheadDb db) : IArticleIndexer
{
    public const int Stored = 6;

    /// <summary>
    /// Every word occurrence in ArticleWords, by word then story (fts5vocab 'instance'). A table of the connection's
    /// temporary schema: it holds no data of its own, so the words' postings need no migration.
    /// </summary>
    private const string Instances = "temp.ArticleWordsInstances";

    public async Task ArticleChangedAsync(int articleId, bool isPublic, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (isPublic)
        {
            var neighbours = await RefreshAsync([articleId], ct);
            if (neighbours.Count > 0)
            {
                await RefreshAsync(neighbours, ct);
            }
        }
        else
        {
            // A story that is not public has no neighbours and is no one's.
            await db.RelatedArticles.Where(r => r.ArticleId == articleId || r.RelatedId == articleId).ExecuteDeleteAsync(ct);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Recomputes every published story's neighbours, e.g. after the demo or an import.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        // Inside a caller's transaction (an import) the rebuild joins it; otherwise it is one of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await RefreshAsync(null, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private sealed record Source(int Id, string Headline, string Standfirst, int SectionId, DateTime PublishedAt, List<int> Tags)
    {
        public Closeness.Story Story => new(new(Id, SectionId, PublishedAt), Tags);
    }

    /// <summary>
    /// Stores the neighbours of the given published stories (every one when <paramref name="ids"/> is null) in place
    /// of their old ones, and returns the neighbours found.
    /// </summary>
    private async Task<IReadOnlyList<int>> RefreshAsync(IReadOnlyList<int>? ids, CancellationToken ct)
    {
        var published = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);
        var stories = await (ids is null ? published : published.Where(a => ids.Contains(a.Id)))
            .Select(a => new Source(a.Id, a.Headline, a.Standfirst, a.SectionId, a.PublishedAt!.Value, a.Tags.Select(t => t.Id).ToList()))
            .ToListAsync(ct);
        var documents = ids is null ? stories.Count : await published.CountAsync(ct);
        await OpenAsync(ct);

        // The story's own words, the headline counting three times: it says what the story is about. The body's plain
        // text is the search index's copy, so that a rebuild does not render every story's Markdown a second time.
        var bodies = await BodiesAsync(ids, ct);
        // The per-story work below reads only what was loaded above, so it runs on every core.
        string Text(Source s) => $"{s.Headline} {s.Headline} {s.Headline} {s.Standfirst} {bodies.GetValueOrDefault(s.Id)}";
        Dictionary<int, IReadOnlyList<Closeness.Term>> terms;
        if (ids is null)
        {
            // Every word's document count is known up front, so each story's words are counted and weighed in one
            // pass, in a dictionary each worker reuses.
            var frequencies = await DocumentFrequenciesAsync(null, ct);
            var weighed = new IReadOnlyList<Closeness.Term>[stories.Count];
            Parallel.For(0, stories.Count, () => new Dictionary<string, int>(StringComparer.Ordinal), (i, _, counts) =>
            {
                weighed[i] = Closeness.DistinctiveTerms(Closeness.Words(Text(stories[i]), counts), documents, frequencies.GetValueOrDefault);
                return counts;
            }, _ => { });
            terms = stories.Select((s, i) => (s.Id, Terms: weighed[i])).ToDictionary(t => t.Id, t => t.Terms);
        }
        else
        {
            var words = stories.ToDictionary(s => s.Id, s => Closeness.Words(Text(s)));
            var frequencies = await DocumentFrequenciesAsync(Distinct(words.Values.SelectMany(w => w.Keys)), ct);
            terms = words.ToDictionary(w => w.Key, w => Closeness.DistinctiveTerms(w.Value, documents, frequencies.GetValueOrDefault));
        }
        var postings = await PostingsAsync(Distinct(terms.Values.SelectMany(t => t).Select(t => t.Word)), ct);
        IReadOnlyList<(int Id, int Count)> Postings(string word) => postings.GetValueOrDefault(word) ?? [];

        // For a rebuild every published story was read above, and each worker reuses one set of text scores story
        // after story; a refresh keeps each story's scores to know which candidates to read.
        ILookup<int, int> byTag;
        Dictionary<int, Closeness.Candidate> candidates;
        Func<Closeness.TextMatches, int, Closeness.TextMatches> text;
        if (ids is null)
        {
            byTag = stories.SelectMany(s => s.Tags.Select(t => (Tag: t, s.Id))).ToLookup(x => x.Tag, x => x.Id);
            candidates = stories.ToDictionary(s => s.Id, s => s.Story.Facts);
            text = (scratch, id) => scratch.Score(terms[id], Postings);
        }
        else
        {
            var matches = terms.ToDictionary(t => t.Key, t => new Closeness.TextMatches().Score(t.Value, Postings));
            text = (_, id) => matches[id];
            byTag = await TaggedAsync(stories.SelectMany(s => s.Tags).Distinct().ToList(), ct);
            var wanted = matches.SelectMany(m => m.Value.Best(m.Key)).Concat(byTag.SelectMany(g => g)).Distinct().ToList();
            // One JSON parameter: a few hundred ids as as many SQL parameters would cost more to bind than to read.
            candidates = await published.Where(a => EF.Parameter(wanted).Contains(a.Id))
                .Select(a => new Closeness.Candidate(a.Id, a.SectionId, a.PublishedAt!.Value)).ToDictionaryAsync(c => c.Id, ct);
        }

        var ranked = new List<(int Id, double Score)>[stories.Count];
        Parallel.For(0, stories.Count, () => (Text: new Closeness.TextMatches(), Tags: new Dictionary<int, int>()), (i, _, scratch) =>
        {
            var story = stories[i].Story;
            ranked[i] = Closeness.Rank(story, text(scratch.Text, story.Id), Closeness.SharedTags(story, byTag, scratch.Tags), candidates.GetValueOrDefault, Stored);
            return scratch;
        }, _ => { });
        var rows = stories.SelectMany((source, s) => ranked[s].Select((r, i) =>
            new RelatedArticle { ArticleId = source.Id, RelatedId = r.Id, Rank = i + 1, Score = Math.Round(r.Score, 4) })).ToList();

        await (ids is null ? db.RelatedArticles : db.RelatedArticles.Where(r => ids.Contains(r.ArticleId))).ExecuteDeleteAsync(ct);
        await InsertAsync(rows, ct);
        return rows.Select(r => r.RelatedId).Distinct().ToList();
    }

    /// <summary>The plain text of the stories' bodies as the search index holds it (every story's when <paramref name="ids"/> is null).</summary>
    private async Task<Dictionary<int, string>> BodiesAsync(IReadOnlyList<int>? ids, CancellationToken ct)
    {
        var bodies = new Dictionary<int, string>();
        // The index's row id is the story's search key; its low bits are the story's id.
        await using var command = db.CreateCommand(ids is null
            ? $"SELECT rowid & {SearchKey.IdMask}, coalesce(body, '') FROM ArticleSearch"
            : $"SELECT rowid & {SearchKey.IdMask}, coalesce(body, '') FROM ArticleSearch WHERE rowid IN (SELECT SearchKey FROM ArticleSearchKeys WHERE ArticleId IN (SELECT value FROM json_each($ids)))");
        if (ids is not null)
        {
            command.AddParameter("$ids", JsonSerializer.Serialize(ids));
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            bodies[reader.GetInt32(0)] = reader.GetString(1);
        }
        return bodies;
    }

    private static List<string> Distinct(IEnumerable<string> words) => words.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// How many stories in the index have each word: of the given words, or of every word. SearchWords holds the counts
    /// of ArticleWords' vocabulary, which would read every posting of the words to count them.
    /// </summary>
    private async Task<Dictionary<string, long>> DocumentFrequenciesAsync(List<string>? words, CancellationToken ct)
    {
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = db.CreateCommand(words is null
            ? "SELECT Word, Stories FROM SearchWords"
            : "SELECT Word, Stories FROM SearchWords WHERE Word IN (SELECT value FROM json_each($words))");
        if (words is not null)
        {
            command.AddParameter("$words", JsonSerializer.Serialize(words));
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            frequencies[reader.GetString(0)] = reader.GetInt64(1);
        }
        return frequencies;
    }

    /// <summary>For each word, the stories that have it and how many times.</summary>
    private async Task<Dictionary<string, List<(int Id, int Count)>>> PostingsAsync(List<string> words, CancellationToken ct)
    {
        var lists = new List<(int Id, int Count)>[words.Count];
        var unordered = new bool[words.Count];
        if (words.Count > 0)
        {
            await using (var create = db.CreateCommand($"CREATE VIRTUAL TABLE IF NOT EXISTS {Instances} USING fts5vocab(main, ArticleWords, 'instance')"))
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            // One row per occurrence, the word as its index in the list: grouping or sorting them in SQL would cost more
            // than counting them here, and no string is read per row. They come by word, then story.
            await using var command = db.CreateCommand($"SELECT w.key, i.doc FROM json_each($words) w JOIN {Instances} i ON i.term = w.value");
            command.AddParameter("$words", JsonSerializer.Serialize(words));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var word = reader.GetInt32(0);
                var id = reader.GetInt32(1);
                var list = lists[word] ??= [];
                if (list.Count > 0 && list[^1].Id == id)
                {
                    list[^1] = (id, list[^1].Count + 1);
                }
                else
                {
                    unordered[word] |= list.Count > 0 && list[^1].Id > id;
                    list.Add((id, 1));
                }
            }
        }
        var postings = new Dictionary<string, List<(int Id, int Count)>>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (lists[i] is not { } list)
            {
                continue;
            }
            // Should SQLite ever hand the rows over in another order, a story's occurrences are still counted once.
            postings[words[i]] = unordered[i]
                ? list.GroupBy(p => p.Id).Select(g => (g.Key, g.Sum(p => p.Count))).OrderBy(p => p.Key).ToList()
                : list;
        }
        return postings;
    }

    /// <summary>The published stories having each of the tags.</summary>
    private async Task<ILookup<int, int>> TaggedAsync(List<int> tags, CancellationToken ct)
    {
        var pairs = new List<(int Tag, int Id)>();
        if (tags.Count == 0)
        {
            return pairs.ToLookup(p => p.Tag, p => p.Id);
        }
        await using var command = db.CreateCommand("""
            SELECT t.TagsId, t.ArticlesId FROM ArticleTags t JOIN Articles a ON a.Id = t.ArticlesId
            WHERE t.TagsId IN (SELECT value FROM json_each($tags)) AND a.Status = $published
            """);
        command.AddParameter("$tags", JsonSerializer.Serialize(tags));
        command.AddParameter("$published", (int)ArticleStatus.Published);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pairs.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }
        return pairs.ToLookup(p => p.Tag, p => p.Id);
    }

    /// <summary>One prepared insert for every row: EF's per-row work would be most of a rebuild.</summary>
    private async Task InsertAsync(List<RelatedArticle> rows, CancellationToken ct)
    {
        await using var insert = await SqliteRowInserter.OpenAsync<RelatedArticle>(db, ct);
        foreach (var row in rows)
        {
            insert.Insert(row);
        }
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
    }
}
