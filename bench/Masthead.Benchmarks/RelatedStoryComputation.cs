using BenchmarkDotNet.Attributes;
using Masthead.Data;
using Masthead.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.Benchmarks;

/// <summary>
/// Related stories (Search/RelatedStories) as publishing one story computes them: the story's neighbours, then each
/// neighbour's own list refreshed.
/// </summary>
[MemoryDiagnoser]
public class RelatedStoryComputation
{
    private IServiceScopeFactory _scopes = null!;
    private int _articleId;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var newsroom = await Newsroom.OpenAsync();
        _scopes = newsroom.Services.GetRequiredService<IServiceScopeFactory>();
        _articleId = newsroom.Summary.ArticleId;
        await OneStory();
        await using var scope = _scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<MastheadDb>().RelatedArticles.CountAsync(r => r.ArticleId == _articleId);
        if (stored != RelatedStories.Stored)
        {
            throw new InvalidOperationException($"Story {_articleId} has {stored} related stories, not {RelatedStories.Stored}.");
        }
    }

    [Benchmark(Description = "Related stories: one story published (story + its neighbours)")]
    public async Task OneStory()
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RelatedStories>().ArticleChangedAsync(_articleId, isPublic: true, CancellationToken.None);
    }
}

/// <summary>The rebuild of every story's related list that follows an import or the demo.</summary>
[MemoryDiagnoser]
[FewCalls]
public class RelatedStoriesRebuild
{
    private IServiceScopeFactory _scopes = null!;

    [GlobalSetup]
    public async Task SetUpAsync() => _scopes = (await Newsroom.OpenAsync()).Services.GetRequiredService<IServiceScopeFactory>();

    [Benchmark(Description = "Related stories: rebuild all 2,000")]
    public async Task RebuildAll()
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RelatedStories>().RebuildAsync(CancellationToken.None);
    }
}
