using Microsoft.AspNetCore.OutputCaching;

namespace Masthead.Shared;

/// <summary>
/// An output cache policy that serves a cached copy whenever there is one but stores an answer only when the same
/// address (path, the query values the cache varies by, and encoding) was asked for recently (see
/// <see cref="RecentAddresses"/>). Most searches are asked once: storing each filled the
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
    /// The address as the cache tells answers apart: the path, the values of the query keys the cache varies by (in
    /// the policy's order, so neither the order of the query nor keys the page ignores, such as a campaign tag, make
    /// another address), and the encoding. A 32-bit hash is enough here: two addresses sharing one only means a page
    /// asked for once is stored.
    /// </summary>
    private static int Address(OutputCacheContext context)
    {
        var request = context.HttpContext.Request;
        var hash = new HashCode();
        hash.Add(request.Path.Value ?? "", StringComparer.OrdinalIgnoreCase);
        foreach (var key in context.CacheVaryByRules.QueryKeys)
        {
            hash.Add(request.Query[key ?? ""].ToString(), StringComparer.Ordinal);
        }
        context.CacheVaryByRules.VaryByValues.TryGetValue("encoding", out var encoding);
        hash.Add(encoding, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}

/// <summary>
/// The addresses asked for lately, as hashes: two generations of at most <paramref name="remembered"/> each, the older
/// dropped when the newer is full or older than <paramref name="window"/>, both after two windows without a request.
/// An address counts as recent for at most two windows, and under a stream of new ones for the last
/// <paramref name="remembered"/> to twice that many. A few hundred kilobytes at most.
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
            var age = Environment.TickCount64 - _currentStarted;
            if (_current.Count >= remembered || age > window.TotalMilliseconds)
            {
                (_previous, _current) = (_current, _previous);
                _current.Clear();
                if (age > 2 * window.TotalMilliseconds)
                {
                    _previous.Clear();
                }
                _currentStarted = Environment.TickCount64;
            }
            return _previous.Contains(address) | !_current.Add(address);
        }
    }
}
