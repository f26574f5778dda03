using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Masthead.Search;

/// <summary>
/// Lets a few full-text searches run at once (<see cref="SearchOptions.ConcurrentSearches"/>); the others wait their
/// turn without holding a thread, oldest first, for at most <see cref="SearchOptions.WaitSeconds"/>. SQLite runs a
/// search on the thread that asked, so a flood of uncached searches would otherwise take every thread and core from the
/// pages readers are reading. Cached searches never come here: the output cache answers them first.
/// </summary>
public sealed class SearchGate(SearchOptions options)
{
    private readonly SemaphoreSlim _turns = new(Turns(options), Turns(options));

    private static int Turns(SearchOptions options) => options.ConcurrentSearches > 0 ? options.ConcurrentSearches : Environment.ProcessorCount;

    /// <summary>Runs <paramref name="work"/> in its turn; false when no turn came in time (and it did not run).</summary>
    public async Task<bool> RunAsync(Func<Task> work, CancellationToken ct)
    {
        if (!await _turns.WaitAsync(TimeSpan.FromSeconds(options.WaitSeconds), ct))
        {
            return false;
        }
        try
        {
            await work();
            return true;
        }
        finally
        {
            _turns.Release();
        }
    }
}

/// <summary>
/// Runs a search page (one with words in ?q=) in its turn at the <see cref="SearchGate"/>: all of it, from reading the
/// query to the rendered page, which goes to memory (the site's pages with an output cache policy are sent whole, see
/// <c>ContentValidators</c>), so a slow reader never holds a turn. Searches waiting for a turn hold nothing else, not
/// even a database connection (this filter runs before <see cref="Data.OneConnectionPerRequest"/>). Admitting whole
/// pages oldest first, rather than only their full-text reads, keeps a burst of searches in the order they came: with
/// only the reads gated, the pages around them competed for the cores in no particular order, and the slowest
/// hundredth took twice as long as the median. A page that gets no turn in time runs without one and says search is
/// busy (<see cref="Missed"/>).
/// </summary>
public sealed class SearchTurn(SearchGate gate) : IAsyncResourceFilter
{
    /// <summary>Before every filter of the site's own (they are at 0).</summary>
    public const int Order = -1;

    private static readonly object NoTurn = new();

    /// <summary>Whether this request asked for a turn and got none in time.</summary>
    public static bool Missed(HttpContext context) => context.Items.ContainsKey(NoTurn);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (SearchModel.Field(context.HttpContext.Request, "q") is null)
        {
            await next();
            return;
        }
        if (!await gate.RunAsync(() => next(), context.HttpContext.RequestAborted))
        {
            context.HttpContext.Items[NoTurn] = true;
            await next();
        }
    }
}
