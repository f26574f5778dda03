using BenchmarkDotNet.Attributes;
using Masthead.Comments;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.Benchmarks;

/// <summary>
/// A reader's comment with a link and some Markdown, through <see cref="CommentPoster"/> as the article page's post
/// handler calls it: the story's read and check, cleaning and validation, the signed form token, the flood and hourly limits,
/// the duplicate check, the spam filter, Markdown rendering and sanitizing, the insert with the article's comment
/// count in one transaction, and the cache eviction. Each post comes from a new email address and a new IP address,
/// so the per-commenter limits stay at their defaults and still pass; comments go to the second-newest story so the
/// article page benchmark's story keeps exactly 50.
/// </summary>
[MemoryDiagnoser]
public class CommentPosting
{
    private const string Body = """
        I was at the meeting and **this** is not what the council said. The minutes are at
        https://example.org/council/minutes/2026-11 if anyone wants to check; see _section 4_ in particular.

        > The budget will be reviewed in the spring.

        That is a `promise`, not a plan.
        """;

    private IServiceScopeFactory _scopes = null!;
    private CommentText _text = null!;
    private string _formToken = "";
    private int _articleId;
    // Every benchmark case makes a new instance; the addresses must stay new across all of them.
    private static int _posted;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var newsroom = await Newsroom.OpenAsync();
        _scopes = newsroom.Services.GetRequiredService<IServiceScopeFactory>();
        _text = newsroom.Services.GetRequiredService<CommentText>();
        _articleId = newsroom.Summary.ArticleId + 1;
        // One form, served once and posted from many times: the token is signed and timed, not single-use. Waiting
        // out the robot check here keeps MinFormSeconds at its default.
        _formToken = newsroom.Services.GetRequiredService<CommentFormToken>().Issue(_articleId);
        var options = newsroom.Services.GetRequiredService<CommentOptions>();
        await Task.Delay(TimeSpan.FromSeconds(options.MinFormSeconds + 0.5));
        await Post();
    }

    [Benchmark(Description = "Post a comment (validate, sanitize, insert)")]
    public async Task<int> Post()
    {
        var n = Interlocked.Increment(ref _posted);
        await using var scope = _scopes.CreateAsyncScope();
        // The story is read for every post, as the page's post handler reads it (there by its address).
        var story = await CommentStory.ByIdAsync(scope.ServiceProvider.GetRequiredService<Masthead.Data.Sqlite.PreparedReads>(), _articleId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Story {_articleId} does not take comments");
        var result = await scope.ServiceProvider.GetRequiredService<CommentPoster>().PostAsync(story, new CommentSubmission
        {
            Body = Body,
            Name = $"Reader {n}",
            Email = $"reader{n}@example.org",
            Url = "https://example.org/reader",
            FormToken = _formToken,
            IpAddress = $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
        });
        // A rejected post is cheaper than a stored one; it must never be what is measured.
        return result is { Outcome: CommentOutcome.Published, Comment: { } comment }
            ? comment.Id
            : throw new InvalidOperationException($"Comment {n} was not published: {result.Outcome} {result.Message} {string.Join("; ", result.Errors.Values)}");
    }

    [Benchmark(Description = "Comment text: Markdown + sanitizer only")]
    public string Render() => _text.Render(Body);
}
