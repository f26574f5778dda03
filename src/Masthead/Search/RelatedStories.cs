using System.Text.RegularExpressions;
using Masthead.Articles;
using Masthead.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Masthead.Search;

/// <summary>
/// Finds each story's closest neighbours and stores them, so the article page only reads a list. Closeness mixes
/// text similarity (the story's most distinctive words, TF-IDF over the index's own vocabulary, matched back with
/// BM25), shared tags, the same section, and nearness in time. Refreshed in the publishing transaction for the story
/// and for the neighbours it now has.
/// </summary>
public sealed partial class RelatedStories(MastheadDb db, ArticleRenderer renderer) : IArticleIndexer
{
    public const int Stored = 6;
    private const int Candidates = 40;
    private const int QueryTerms = 12;

    public async Task ArticleChangedAsync(int articleId, bool isPublic, CancellationToken ct)
    {
        var neighbours = await RefreshAsync(articleId, isPublic, ct);
        foreach (var neighbour in neighbours)
        {
            await RefreshAsync(neighbour, true, ct);
        }
    }

    /// <summary>
    /// Recomputes every published story's neighbours, e.g. after the demo or an import. The stories, their tags and
    /// the index's vocabulary are read once; per story only the full-text match is a query, so a rebuild of
    /// thousands of stories takes seconds rather than one round trip per word.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        // Inside a caller's transaction (an import) the rebuild joins it; otherwise it is one of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.RelatedArticles.ExecuteDeleteAsync(ct);
        var stories = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new Story(a.Id, a.Headline, a.Standfirst, a.BodyMarkdown, a.SectionId, a.PublishedAt!.Value, a.Tags.Select(t => t.Id).ToList()))
            .ToDictionaryAsync(a => a.Id, ct);
        var byTag = stories.Values.SelectMany(a => a.Tags.Select(t => (Tag: t, a.Id))).ToLookup(x => x.Tag, x => x.Id);
        var documents = await ScalarAsync("SELECT count(*) FROM ArticleWords", [], ct);
        var vocabulary = new Dictionary<string, long>();
        await using (var command = await CommandAsync("SELECT term, max(doc) FROM ArticleWordsVocab GROUP BY term", ct))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                vocabulary[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        var rows = new List<RelatedArticle>();
        foreach (var story in stories.Values)
        {
            var terms = DistinctiveTerms(Text(story), documents, term => vocabulary.GetValueOrDefault(term));
            var textScores = terms.Count == 0 ? new Dictionary<int, double>() : await TextMatchesAsync(story.Id, terms, ct);
            var byTags = story.Tags.SelectMany(t => byTag[t]).Where(id => id != story.Id)
                .GroupBy(id => id).Select(g => (Id: g.Key, Shared: g.Count()))
                .OrderByDescending(x => x.Shared).Take(Candidates).ToDictionary(x => x.Id, x => x.Shared);
            var facts = textScores.Keys.Union(byTags.Keys).Where(stories.ContainsKey).Select(id => stories[id]);
            rows.AddRange(Rank(story, textScores, byTags, facts.Select(f => (f.Id, f.SectionId, f.PublishedAt))));
        }
        // One prepared insert for every row: EF's per-row work would be most of a rebuild.
        await using (var insert = await CommandAsync("INSERT INTO RelatedArticles (ArticleId, RelatedId, Rank, Score) VALUES ($a, $r, $rank, $score)", ct))
        {
            foreach (var row in rows)
            {
                insert.Parameters.Clear();
                AddParameter(insert, "$a", row.ArticleId);
                AddParameter(insert, "$r", row.RelatedId);
                AddParameter(insert, "$rank", row.Rank);
                AddParameter(insert, "$score", row.Score);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private sealed record Story(int Id, string Headline, string Standfirst, string BodyMarkdown, int SectionId, DateTime PublishedAt, List<int> Tags);

    private string Text(Story a) => $"{a.Headline} {a.Headline} {a.Headline} {a.Standfirst} {renderer.PlainText(a.BodyMarkdown)}";

    /// <summary>Stores the story's neighbours and returns them; a story that is not public has none and is no one's.</summary>
    private async Task<IReadOnlyList<int>> RefreshAsync(int articleId, bool isPublic, CancellationToken ct)
    {
        await db.RelatedArticles.Where(r => r.ArticleId == articleId).ExecuteDeleteAsync(ct);
        if (!isPublic)
        {
            await db.RelatedArticles.Where(r => r.RelatedId == articleId).ExecuteDeleteAsync(ct);
            return [];
        }
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId && a.Status == ArticleStatus.Published)
            .Select(a => new Story(a.Id, a.Headline, a.Standfirst, a.BodyMarkdown, a.SectionId, a.PublishedAt!.Value, a.Tags.Select(t => t.Id).ToList()))
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return [];
        }

        var terms = await DistinctiveTermsAsync(Text(article), ct);
        var textScores = terms.Count == 0 ? new Dictionary<int, double>() : await TextMatchesAsync(articleId, terms, ct);

        var tagIds = article.Tags;
        var byTags = await db.Articles.AsNoTracking()
            .Where(a => a.Id != articleId && a.Status == ArticleStatus.Published && a.Tags.Any(t => tagIds.Contains(t.Id)))
            .Select(a => new { a.Id, Shared = a.Tags.Count(t => tagIds.Contains(t.Id)) })
            .OrderByDescending(x => x.Shared).Take(Candidates).ToDictionaryAsync(x => x.Id, x => x.Shared, ct);

        var ids = textScores.Keys.Union(byTags.Keys).ToList();
        var facts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.SectionId, PublishedAt = a.PublishedAt!.Value }).ToListAsync(ct);
        var rows = Rank(article, textScores, byTags, facts.Select(f => (f.Id, f.SectionId, f.PublishedAt)));
        db.RelatedArticles.AddRange(rows);
        await db.SaveChangesAsync(ct);
        // Later refreshes delete these rows with ExecuteDelete: the context must not hold on to them.
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
        return rows.Select(r => r.RelatedId).ToList();
    }

    /// <summary>The closest candidates, best first: text similarity, shared tags, same section, nearness in time.</summary>
    private static List<RelatedArticle> Rank(Story article, Dictionary<int, double> textScores, Dictionary<int, int> byTags,
        IEnumerable<(int Id, int SectionId, DateTime PublishedAt)> facts)
    {
        var tagIds = article.Tags;
        var best = textScores.Count == 0 ? 1 : textScores.Values.Max();
        var ranked = facts.Select(f =>
            {
                var similarity = textScores.GetValueOrDefault(f.Id) / best;
                var tags = tagIds.Count == 0 ? 0 : (double)byTags.GetValueOrDefault(f.Id) / tagIds.Count;
                var section = f.SectionId == article.SectionId ? 1 : 0;
                var nearness = Math.Exp(-Math.Abs((f.PublishedAt - article.PublishedAt).TotalDays) / 30);
                return (f.Id, Score: 0.5 * similarity + 0.3 * tags + 0.1 * section + 0.1 * nearness);
            })
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Id)
            .Take(Stored)
            .ToList();
        return ranked.Select((r, i) => new RelatedArticle { ArticleId = article.Id, RelatedId = r.Id, Rank = i + 1, Score = Math.Round(r.Score, 4) }).ToList();
    }

    /// <summary>The story's words that are frequent in it and rare in the other stories (TF-IDF, document counts from the index).</summary>
    private async Task<IReadOnlyList<string>> DistinctiveTermsAsync(string text, CancellationToken ct)
    {
        var documents = await ScalarAsync("SELECT count(*) FROM ArticleWords", [], ct);
        var frequency = new Dictionary<string, long>();
        foreach (var term in Counts(text).Keys)
        {
            frequency[term] = await ScalarAsync("SELECT coalesce(max(doc), 0) FROM ArticleWordsVocab WHERE term = $t", [("$t", term)], ct);
        }
        return DistinctiveTerms(text, documents, frequency.GetValueOrDefault);
    }

    private static IReadOnlyList<string> DistinctiveTerms(string text, long documents, Func<string, long> frequency) =>
        Counts(text).Select(c => (Term: c.Key, Weight: c.Value * Math.Log((documents + 1.0) / (frequency(c.Key) + 1.0))))
            .Where(x => x.Weight > 0)
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Term)
            .Take(QueryTerms).Select(x => x.Term).ToList();

    private static Dictionary<string, int> Counts(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length >= 4 && !StopWords.Contains(w))
            .GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());

    private async Task<System.Data.Common.DbCommand> CommandAsync(string sql, CancellationToken ct)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        await OpenAsync(ct);
        return command;
    }

    /// <summary>Published stories matching any of the terms, with BM25 (higher is closer).</summary>
    private async Task<Dictionary<int, double>> TextMatchesAsync(int articleId, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var match = string.Join(" OR ", terms.Select(t => $"\"{t}\""));
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            SELECT a.Id, -bm25(ArticleSearch, 3.0, 2.0, 1.0, 2.0, 0.5)
            FROM ArticleSearch JOIN Articles a ON a.Id = ArticleSearch.rowid
            WHERE ArticleSearch MATCH $match AND a.Id <> $id AND a.Status = $published
            ORDER BY bm25(ArticleSearch, 3.0, 2.0, 1.0, 2.0, 0.5) LIMIT $limit
            """;
        AddParameter(command, "$match", match);
        AddParameter(command, "$id", articleId);
        AddParameter(command, "$published", (int)ArticleStatus.Published);
        AddParameter(command, "$limit", Candidates);
        var scores = new Dictionary<int, double>();
        await OpenAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            scores[reader.GetInt32(0)] = reader.GetDouble(1);
        }
        return scores;
    }

    private async Task<long> ScalarAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }
        await OpenAsync(ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static readonly HashSet<string> StopWords =
    [
        "that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "there", "which", "about", "after",
        "said", "says", "also", "into", "than", "them", "they", "more", "over", "some", "when", "what", "where", "while",
        "other", "could", "should", "being", "these", "those", "because", "before", "under", "since", "between", "through",
    ];

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")]
    private static partial Regex Word();
}
