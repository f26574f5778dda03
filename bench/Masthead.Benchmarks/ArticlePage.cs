using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Masthead.Demo;
using Masthead.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.Benchmarks;

/// <summary>
/// The story with 50 approved comments, fetched through the whole app: routing, the page model's queries (the
/// article, related stories, neighbours, comments), Razor rendering of the body and the comment threads, and the
/// output cache storing the result (the page carries no form tokens: the form's script asks for them). A miss is made by evicting the story's cache
/// tag first, as a new comment does; the hit is there for scale.
/// </summary>
[MemoryDiagnoser]
public partial class ArticlePage
{
    private HttpClient _reader = null!;
    private SiteCache _cache = null!;
    private string _path = "";
    private int _articleId;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var newsroom = await Newsroom.OpenAsync();
        _reader = newsroom.Reader();
        _cache = newsroom.Services.GetRequiredService<SiteCache>();
        _path = newsroom.Summary.ArticlePath;
        _articleId = newsroom.Summary.ArticleId;

        // Measure nothing that is not the real page: a 200 with every comment, from the database when missed and
        // from the cache when hit.
        var before = newsroom.Commands.Count;
        var html = await GetAsync(miss: true);
        var comments = CommentItem().Count(html);
        if (comments != LoadTestData.BenchArticleComments || newsroom.Commands.Count == before)
        {
            throw new InvalidOperationException($"{_path}: expected a page built from the database with {LoadTestData.BenchArticleComments} comments, got {comments}.");
        }
        before = newsroom.Commands.Count;
        await GetAsync(miss: false);
        if (newsroom.Commands.Count != before)
        {
            throw new InvalidOperationException($"{_path}: a second read queried the database; the output cache did not answer it.");
        }
    }

    [GlobalCleanup]
    public void CleanUp() => _reader.Dispose();

    [Benchmark(Description = "Article page, 50 comments, cache miss")]
    public async Task<int> CacheMiss() => (await GetAsync(miss: true)).Length;

    [Benchmark(Description = "Article page, 50 comments, cache hit")]
    public async Task<int> CacheHit() => (await GetAsync(miss: false)).Length;

    private async Task<string> GetAsync(bool miss)
    {
        if (miss)
        {
            await _cache.EvictArticleAsync(_articleId);
        }
        using var response = await _reader.GetAsync(_path);
        var html = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? html : throw new InvalidOperationException($"{_path} answered {(int)response.StatusCode}");
    }

    [GeneratedRegex("<li id=\"comment-[0-9]+\"")]
    private static partial Regex CommentItem();
}
