using Masthead.Data;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

public sealed record SectionLink(int Id, string Slug, string Name, string Description)
{
    public string Path => $"/section/{Slug}/";
}

/// <summary>
/// The sections in navigation order, held in memory: every page's navigation needs them and they change rarely.
/// Whoever changes sections calls <see cref="Invalidate"/>.
/// </summary>
public sealed class SectionDirectory(IServiceScopeFactory scopes)
{
    private volatile IReadOnlyList<SectionLink>? _sections;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async ValueTask<IReadOnlyList<SectionLink>> AllAsync(CancellationToken ct = default)
    {
        if (_sections is { } cached)
        {
            return cached;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_sections is null)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<MastheadDb>();
                _sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
                    .Select(s => new SectionLink(s.Id, s.Slug, s.Name, s.Description)).ToListAsync(ct);
            }
            return _sections;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _sections = null;
}
