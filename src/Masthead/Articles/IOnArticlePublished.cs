namespace Masthead.Articles;

/// <summary>
/// Implemented by features that react after a story went public, changed or was taken down (feeds pinging a WebSub
/// hub). Registered explicitly; <see cref="ArticlePublisher"/> calls every one after the change is committed.
/// </summary>
public interface IOnArticlePublished
{
    void ArticlePublished(int articleId);
}

/// <summary>
/// Implemented by indexes that must agree with what is public (search). Called inside the publishing transaction,
/// so a story is in the index exactly when it is published.
/// </summary>
public interface IArticleIndexer
{
    Task ArticleChangedAsync(int articleId, bool isPublic, CancellationToken ct);

    /// <summary>
    /// Words shown with these stories changed though the stories did not (a tag was renamed or merged): an index of
    /// their text reads them again. Called inside the change's transaction.
    /// </summary>
    Task WordsChangedAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Every story of one section moved to another (a merge), though the stories themselves did not change: whatever an
    /// index keeps of their sections is out of date. Called inside the change's transaction.
    /// </summary>
    Task SectionMergedAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class ArticleIndexers
{
    /// <summary>Tells every index that words shown with these stories changed (see <see cref="IArticleIndexer.WordsChangedAsync"/>).</summary>
    public static Task WordsChangedAsync(this IEnumerable<IArticleIndexer> indexers, IReadOnlyCollection<int> articleIds, CancellationToken ct) =>
        indexers.EachAsync(indexer => indexer.WordsChangedAsync(articleIds, ct));

    /// <summary>Tells every index that a section's stories moved to another (see <see cref="IArticleIndexer.SectionMergedAsync"/>).</summary>
    public static Task SectionMergedAsync(this IEnumerable<IArticleIndexer> indexers, CancellationToken ct) =>
        indexers.EachAsync(indexer => indexer.SectionMergedAsync(ct));

    /// <summary>One index after the other, in their registered order (search before related stories).</summary>
    private static async Task EachAsync(this IEnumerable<IArticleIndexer> indexers, Func<IArticleIndexer, Task> tell)
    {
        foreach (var indexer in indexers)
        {
            await tell(indexer);
        }
    }
}
