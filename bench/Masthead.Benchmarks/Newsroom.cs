using System.Data.Common;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Demo;
using Masthead.Search;
using Masthead.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.Benchmarks;

/// <summary>
/// The real Masthead (its own Program, every middleware and service) hosted in this process on an in-memory server,
/// over a fresh SQLite file in a temporary folder filled by the load-test generator, as `generate` fills it for
/// bench/run.sh. Made once per process and shared by every benchmark: generating takes seconds, the benchmarks
/// only read it or add rows they own.
/// </summary>
public sealed class Newsroom : IAsyncDisposable
{
    public const int Articles = 2_000;
    public const int Comments = 20_000;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Newsroom? _shared;

    private readonly Site _site;

    private Newsroom(Site site, LoadTestSummary summary)
    {
        _site = site;
        Summary = summary;
    }

    /// <summary>What the generator made: the 50-comment story's id and path among it.</summary>
    public LoadTestSummary Summary { get; }

    public IServiceProvider Services => _site.Services;

    /// <summary>Counts the SQL commands the app sends, to check that a cache miss reaches the database and a hit does not.</summary>
    public CommandCounter Commands => _site.Commands;

    /// <summary>A reader with no cookies, who sees redirects as they are.</summary>
    public HttpClient Reader() => _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static async Task<Newsroom> OpenAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _shared ??= await CreateAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task CloseAsync()
    {
        if (_shared is { } open)
        {
            _shared = null;
            await open.DisposeAsync();
        }
    }

    private static async Task<Newsroom> CreateAsync()
    {
        var site = new Site();
        try
        {
            return await GenerateAsync(site);
        }
        catch
        {
            await DeleteAsync(site);
            throw;
        }
    }

    private static async Task<Newsroom> GenerateAsync(Site site)
    {
        Console.WriteLine($"// Masthead: generating {Articles:N0} articles and {Comments:N0} comments in {site.DataDirectory}");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = site.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var summary = await LoadTestData.GenerateAsync(sp.GetRequiredService<MastheadDb>(), sp.GetRequiredService<ArticleRenderer>(),
            sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<RelatedStories>(), allRelated: false,
            sp.GetRequiredService<SiteClock>().UtcNow, Articles, Comments);
        Console.WriteLine($"// Masthead: generated in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; benchmark story {summary.ArticlePath}");
        return new Newsroom(site, summary);
    }

    public ValueTask DisposeAsync() => DeleteAsync(_site);

    private static async ValueTask DeleteAsync(Site site)
    {
        await site.DisposeAsync();
        try
        {
            Directory.Delete(site.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file a moment; the temporary folder is the OS's to clean.
        }
    }

    private sealed class Site : WebApplicationFactory<Program>
    {
        public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "masthead-microbench", Guid.NewGuid().ToString("n"));
        public CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(Path.Combine(Repository.Root, "src", "Masthead"));
            builder.UseSetting("Masthead:DataDirectory", DataDirectory);
            builder.UseSetting("Masthead:Demo", "false");
            // Request logging would be measured with every page.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Background rounds (scheduler, wire poller) would run and allocate in the middle of measurements.
            builder.UseSetting("Articles:SchedulerIntervalSeconds", "0");
            builder.UseSetting("Syndication:PollIntervalSeconds", "0");
            // Posted comments take the published path (count update and cache eviction), as in bench/run.sh;
            // with the default HoldFirst every new commenter would be held.
            builder.UseSetting("Comments:Moderation", "PublishAtOnce");
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Commands));
        }
    }
}

/// <summary>The checkout this program was built in: Masthead's content root and the results folder are found from it.</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Masthead.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}

public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
