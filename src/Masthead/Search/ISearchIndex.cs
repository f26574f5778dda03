namespace Masthead.Search;

/// <summary>What a reader asked for on /search.</summary>
public sealed record SearchQuery(string Text, string? Section = null, string? Author = null, DateTime? From = null, DateTime? To = null,
    bool NewestFirst = false, int Page = 1, int PageSize = 20);

/// <summary>One found story, with a snippet of the matching text (HTML: encoded text with &lt;mark&gt; around the hits).</summary>
public sealed record SearchHit(int ArticleId, string Headline, string Slug, DateTime PublishedAt, string SectionName, string SectionSlug,
    string SnippetHtml)
{
    public string Path => Articles.ArticlePaths.For(PublishedAt, Slug);
}

/// <param name="RankedNewest">Set when relevance ranked only the newest matches (see <see cref="SearchOptions.RankedMatches"/>): how many.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int TotalPages, IReadOnlyList<string> Suggestions,
    int? RankedNewest = null);

/// <summary>
/// The full-text index of published stories. SQLite's FTS5 implements it here; PostgreSQL's text search can take
/// over behind the same interface. Index and removal run inside the caller's transaction, so the index never
/// disagrees with what is published.
/// </summary>
public interface ISearchIndex
{
    Task IndexAsync(int articleId, CancellationToken ct);
    Task RemoveAsync(int articleId, CancellationToken ct);
    Task RebuildAsync(CancellationToken ct);
    Task<bool> IsEmptyAsync(CancellationToken ct);
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);
}
