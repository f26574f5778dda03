using Masthead.Data;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Pages;

public sealed record PageLink(string Title, string Path);

/// <summary>
/// The published top-level pages in menu order, held in memory: every public page's footer lists them and they
/// change rarely. Whoever changes pages calls <see cref="Invalidate"/>.
/// </summary>
public sealed class PageDirectory(IServiceScopeFactory scopes)
{
    private volatile IReadOnlyList<PageLink>? _pages;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async ValueTask<IReadOnlyList<PageLink>> FooterAsync(CancellationToken ct = default)
    {
        if (_pages is { } cached)
        {
            return cached;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_pages is null)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<MastheadDb>();
                var rows = await db.SitePages.AsNoTracking().Where(p => p.ParentId == null && p.Status == SitePageStatus.Published)
                    .OrderBy(p => p.MenuOrder).ThenBy(p => p.Title).Select(p => new { p.Title, p.Slug }).ToListAsync(ct);
                _pages = [.. rows.Select(r => new PageLink(r.Title, SitePagePaths.For(r.Slug, null)))];
            }
            return _pages;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _pages = null;
}
