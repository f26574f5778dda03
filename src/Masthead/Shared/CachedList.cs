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
            if (_items is null)
            {
                using var scope = scopes.CreateScope();
                _items = await LoadAsync(scope.ServiceProvider.GetRequiredService<MastheadDb>(), ct);
            }
            return _items;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _items = null;
}
