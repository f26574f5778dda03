using Masthead.Data;

namespace Masthead.Shared;

/// <summary>
/// A short list that every public page shows (sections, footer pages), read from the database once and held in memory
/// until whoever changes what it lists calls <see cref="Invalidate"/>.
/// </summary>
public abstract class CachedList<T>(IServiceScopeFactory scopes)
{
    private volatile IReadOnlyList<T>? _items;
    private readonly SemaphoreSlim _loading = new(1, 1);
    /// <summary>Counts invalidations: a load that began before one returns what it read but does not keep it.</summary>
    private int _generation;

    protected abstract Task<IReadOnlyList<T>> LoadAsync(MastheadDb db, CancellationToken ct);

    protected async ValueTask<IReadOnlyList<T>> ItemsAsync(CancellationToken ct)
    {
        if (_items is { } cached)
        {
            return cached;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_items is { } loaded)
            {
                return loaded;
            }
            var generation = Volatile.Read(ref _generation);
            using var scope = scopes.CreateScope();
            var items = await LoadAsync(scope.ServiceProvider.GetRequiredService<MastheadDb>(), ct);
            if (generation == Volatile.Read(ref _generation))
            {
                _items = items;
            }
            return items;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _items = null;
    }
}
