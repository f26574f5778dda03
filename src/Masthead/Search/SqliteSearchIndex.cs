using System.Data.Common;
using System.Globalization;
using System.Net;
using Masthead.Articles;
using Masthead.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Masthead.Search;

/// <summary>
/// FTS5 over published stories: ArticleSearch (porter-stemmed, ranked with BM25, the headline weighing most) and
/// ArticleWords (unstemmed, for spelling suggestions through its fts5vocab view). Both tables are made by a
/// migration; the row id is the article's id. Every statement is parameterised.
/// </summary>
public sealed class SqliteSearchIndex(MastheadDb db, ArticleRenderer renderer, TimeProvider time) : ISearchIndex, IArticleIndexer
{
    public Task ArticleChangedAsync(int articleId, bool isPublic, CancellationToken ct) =>
        isPublic ? IndexAsync(articleId, ct) : RemoveAsync(articleId, ct);

    private const char HitStart = '\u0002';
    private const char HitEnd = '\u0003';

    public async Task IndexAsync(int articleId, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId && a.Status == ArticleStatus.Published)
            .Select(a => new
            {
                a.Headline, a.Standfirst, a.BodyMarkdown,
                Tags = a.Tags.Select(t => t.Name).ToList(),
                Bylines = a.Bylines.Select(b => b.Author.Name).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        await RemoveAsync(articleId, ct);
        if (article is null)
        {
            return;
        }
        var body = renderer.PlainText(article.BodyMarkdown);
        var tags = string.Join(", ", article.Tags);
        var bylines = string.Join(", ", article.Bylines);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines) VALUES ({articleId}, {article.Headline}, {article.Standfirst}, {body}, {tags}, {bylines})", ct);
        var words = $"{article.Headline} {article.Standfirst} {tags} {body}";
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleWords(rowid, words) VALUES ({articleId}, {words})", ct);
    }

    public async Task RemoveAsync(int articleId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleWords WHERE rowid = {articleId}", ct);
    }

    public async Task RebuildAsync(CancellationToken ct)
    {
        // Inside a caller's transaction (an import) the rebuild joins it; otherwise it is one of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ArticleSearch; DELETE FROM ArticleWords;", ct);
        // One read of every published story and two prepared inserts reused for all of them: a rebuild after an
        // import of thousands of stories is not thousands of round trips through EF.
        var articles = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new
            {
                a.Id, a.Headline, a.Standfirst, a.BodyMarkdown,
                Tags = a.Tags.Select(t => t.Name).ToList(),
                Bylines = a.Bylines.Select(b => b.Author.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var search = connection.CreateCommand();
            search.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            search.CommandText = "INSERT INTO ArticleSearch(rowid, headline, standfirst, body, tags, bylines) VALUES ($id, $headline, $standfirst, $body, $tags, $bylines)";
            await using var words = connection.CreateCommand();
            words.Transaction = search.Transaction;
            words.CommandText = "INSERT INTO ArticleWords(rowid, words) VALUES ($id, $words)";
            foreach (var article in articles)
            {
                var body = renderer.PlainText(article.BodyMarkdown);
                var tags = string.Join(", ", article.Tags);
                Parameters(search, ("$id", article.Id), ("$headline", article.Headline), ("$standfirst", article.Standfirst), ("$body", body),
                    ("$tags", tags), ("$bylines", string.Join(", ", article.Bylines)));
                await search.ExecuteNonQueryAsync(ct);
                Parameters(words, ("$id", article.Id), ("$words", $"{article.Headline} {article.Standfirst} {tags} {body}"));
                await words.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        // Not count(*): a full-text table has no row count to read, and counting scans it (0.2 s at 100,000 stories,
        // on every start).
        var rows = await ReadAsync("SELECT EXISTS (SELECT 1 FROM ArticleSearch)", [], r => r.GetInt64(0), ct);
        return rows[0] == 0;
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parsed = SearchText.Parse(query.Text);
        if (parsed.FtsQuery is null)
        {
            return new SearchResults([], 0, 1, 1, []);
        }
        // CROSS JOIN keeps the full-text match first: left to itself, SQLite's planner started from every published
        // article and asked the index about each one (360 ms for a count at 10,000 stories instead of 8 ms). The
        // filters read the article through a narrow covering index: the table's row holds the body before them, so
        // each match read the body (17 against 5 ms for a common word's count at 100,000 stories).
        var filters = $"""
            FROM ArticleSearch
            CROSS JOIN Articles a INDEXED BY {MastheadDb.SearchFilterIndex} ON a.Id = ArticleSearch.rowid
            JOIN Sections s ON s.Id = a.SectionId
            WHERE ArticleSearch MATCH $match AND a.Status = $published
              AND ($section IS NULL OR s.Slug = $section)
              AND ($author IS NULL OR EXISTS (SELECT 1 FROM Bylines b JOIN Authors au ON au.Id = b.AuthorId WHERE b.ArticleId = a.Id AND au.Slug = $author))
              AND ($from IS NULL OR a.PublishedAt >= $from)
              AND ($to IS NULL OR a.PublishedAt < $to)
            """;
        var parameters = new Dictionary<string, object?>
        {
            ["$match"] = parsed.FtsQuery,
            ["$published"] = (int)ArticleStatus.Published,
            ["$section"] = string.IsNullOrWhiteSpace(query.Section) ? null : query.Section,
            ["$author"] = string.IsNullOrWhiteSpace(query.Author) ? null : query.Author,
            ["$from"] = query.From?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["$to"] = query.To?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["$now"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["$take"] = query.PageSize,
        };
        // Relevance is BM25 with the headline weighing most, nudged towards recent stories (a day costs 2% of a point).
        // Every match is ranked, but only the page's hits are read whole: a sort carries each row's columns, and the
        // headline, standfirst and snippet of every match made it twice as slow. The matches are found once for both
        // the count and the page (a materialized CTE): counting them in a statement of its own found them all again,
        // a third of the CPU of a search (FTS5's ranking functions cannot be used with a window function instead).
        var (key, order) = query.NewestFirst
            ? ("a.PublishedAt", "Key DESC, Id DESC")
            : ("bm25(ArticleSearch, 10.0, 4.0, 1.0, 3.0, 2.0) + (julianday($now) - julianday(a.PublishedAt)) * 0.02", "Key, Id DESC");
        var sql = $"""
            WITH Matches AS MATERIALIZED (SELECT a.Id AS Id, {key} AS Key {filters})
            SELECT NULL, count(*) FROM Matches
            UNION ALL
            SELECT * FROM (SELECT Id, NULL FROM Matches ORDER BY {order} LIMIT $take OFFSET $skip)
            """;
        // The count comes as the row without an id.
        async Task<(int Total, List<int> Ids)> PageAsync(int page)
        {
            parameters["$skip"] = (page - 1) * query.PageSize;
            var rows = await ReadAsync(sql, parameters, r => (Id: r.IsDBNull(0) ? (int?)null : r.GetInt32(0), Count: r.IsDBNull(1) ? 0 : r.GetInt64(1)), ct);
            return ((int)rows.Single(r => r.Id is null).Count, [.. rows.Select(r => r.Id).OfType<int>()]);
        }
        var page = Math.Max(1, query.Page);
        var (total, ids) = await PageAsync(page);
        var pages = Math.Max(1, (total + query.PageSize - 1) / query.PageSize);
        if (page > pages)
        {
            // Asked for a page past the last: the last is shown instead.
            page = pages;
            (_, ids) = await PageAsync(page);
        }
        var idNames = ids.Select((_, i) => $"$id{i}").ToList();
        var found = new Dictionary<string, object?> { ["$match"] = parsed.FtsQuery };
        foreach (var (name, id) in idNames.Zip(ids))
        {
            found[name] = id;
        }
        // An imported picture has no size until its file is fetched: hits show no picture until then.
        var rows = ids.Count == 0 ? [] : await ReadAsync(
            $"""
            SELECT a.Id, a.Headline, a.Standfirst, a.Slug, a.PublishedAt, s.Name, s.Slug,
                   snippet(ArticleSearch, -1, char(2), char(3), '…', 24), CASE WHEN i.Width > 0 THEN i.FileName END
            FROM ArticleSearch
            CROSS JOIN Articles a ON a.Id = ArticleSearch.rowid
            JOIN Sections s ON s.Id = a.SectionId
            LEFT JOIN Images i ON i.Id = a.ImageId
            WHERE ArticleSearch MATCH $match AND ArticleSearch.rowid IN ({string.Join(", ", idNames)})
            """,
            found,
            r => new SearchHit(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3),
                DateTime.SpecifyKind(DateTime.Parse(r.GetString(4), CultureInfo.InvariantCulture), DateTimeKind.Utc),
                r.GetString(5), r.GetString(6), Highlight(r.IsDBNull(7) ? "" : r.GetString(7)), r.IsDBNull(8) ? null : r.GetString(8)),
            ct);
        var hits = rows.OrderBy(h => ids.IndexOf(h.ArticleId)).ToList();
        var suggestions = total == 0 ? await SuggestAsync(parsed.Words, ct) : [];
        return new SearchResults(hits, total, page, pages, suggestions);
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
            var known = await ReadAsync("SELECT count(*) FROM ArticleWordsVocab WHERE term = $w", new() { ["$w"] = word }, r => r.GetInt64(0), ct);
            if (known[0] > 0 || word.Length < 3)
            {
                corrected.Add(word);
                continue;
            }
            var candidates = await ReadAsync(
                "SELECT term, doc FROM ArticleWordsVocab WHERE term >= $lo AND term < $hi AND length(term) BETWEEN $min AND $max",
                new() { ["$lo"] = word[..1], ["$hi"] = ((char)(word[0] + 1)).ToString(), ["$min"] = word.Length - 2, ["$max"] = word.Length + 2 },
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
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        try
        {
            await using var command = db.CreateCommand(sql);
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
