namespace Masthead.Search;

/// <summary>
/// Lets a few full-text searches run at once (<see cref="SearchOptions.ConcurrentSearches"/>); the others wait their
/// turn without holding a thread, for at most <see cref="SearchOptions.WaitSeconds"/>. SQLite runs a search on the
/// thread that asked, so a flood of uncached searches would otherwise take every thread and core from the pages
/// readers are reading. Cached searches never come here: the output cache answers them first.
/// </summary>
public sealed class SearchGate(SearchOptions options)
{
    private readonly SemaphoreSlim _turns = new(Turns(options), Turns(options));

    private static int Turns(SearchOptions options) => options.ConcurrentSearches > 0 ? options.ConcurrentSearches : Environment.ProcessorCount;

    /// <summary>Runs <paramref name="search"/> in its turn; null when no turn came in time.</summary>
    public async Task<T?> RunAsync<T>(Func<Task<T>> search, CancellationToken ct) where T : class
    {
        if (!await _turns.WaitAsync(TimeSpan.FromSeconds(options.WaitSeconds), ct))
        {
            return null;
        }
        try
        {
            return await search();
        }
        finally
        {
            _turns.Release();
        }
    }
}
