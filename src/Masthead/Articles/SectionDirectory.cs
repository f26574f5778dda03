using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

public sealed record SectionLink(int Id, string Slug, string Name, string Description)
{
    public string Path => $"/section/{Slug}/";
}

/// <summary>The sections in navigation order, for every page's navigation. Whoever changes sections calls Invalidate.</summary>
public sealed class SectionDirectory(IServiceScopeFactory scopes) : CachedList<SectionLink>(scopes)
{
    public ValueTask<IReadOnlyList<SectionLink>> AllAsync(CancellationToken ct = default) => ItemsAsync(ct);

    protected override async Task<IReadOnlyList<SectionLink>> LoadAsync(MastheadDb db, CancellationToken ct) =>
        await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new SectionLink(s.Id, s.Slug, s.Name, s.Description)).ToListAsync(ct);
}
