using Microsoft.AspNetCore.OutputCaching;

namespace Masthead.Shared;

/// <summary>
/// An output cache policy that serves a cached copy whenever there is one but stores an answer only when the same
/// address (path, query and encoding) was asked for recently. Most searches are asked once: storing each filled the
/// cache with pages nobody came back for, pushed out the pages readers do come back to, and kept tens of megabytes of
/// them alive for the collector. A search readers repeat (a breaking story's name) is stored on its second request.
/// </summary>
public sealed class StoreOnSecondRequest(RecentAddresses recent) : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheStorage && !recent.SeenBefore(Address(context)))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>
    /// The address as the cache tells answers apart: a 32-bit hash is enough here, since two addresses sharing one
    /// only means a page asked for once is stored.
    /// </summary>
    private static int Address(OutputCacheContext context)
    {
        var request = context.HttpContext.Request;
        context.CacheVaryByRules.VaryByValues.TryGetValue("encoding", out var encoding);
        return HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(request.Path.Value ?? ""),
            StringComparer.Ordinal.GetHashCode(request.QueryString.Value ?? ""),
            encoding);
    }
}

/// <summary>
/// The addresses asked for lately, as hashes: two generations of at most <paramref name="remembered"/> each, the older
/// dropped when the newer is full or older than <paramref name="window"/>. A few hundred kilobytes at most.
/// </summary>
public sealed class RecentAddresses(int remembered, TimeSpan window)
{
    private readonly Lock _gate = new();
    private HashSet<int> _current = new(remembered);
    private HashSet<int> _previous = new(remembered);
    private long _currentStarted = Environment.TickCount64;

    /// <summary>Remembers the address and says whether it was already remembered.</summary>
    public bool SeenBefore(int address)
    {
        lock (_gate)
        {
            if (_current.Count >= remembered || Environment.TickCount64 - _currentStarted > window.TotalMilliseconds)
            {
                (_previous, _current) = (_current, _previous);
                _current.Clear();
                _currentStarted = Environment.TickCount64;
            }
            return _previous.Contains(address) | !_current.Add(address);
        }
    }
}
