using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Masthead.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Infrastructure;

/// <summary>
/// The real Masthead on a real loopback port, with its own data folder and SQLite file. Tests talk to it over HTTP
/// and reach into its services only to arrange data or to count queries.
/// </summary>
public class MastheadApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Set to an earlier app's folder to start the site again on the same data, as after a restart.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "masthead-tests", Guid.NewGuid().ToString("n"));
    /// <summary>Leave the data folder in place when the app stops, for an app that reopens it.</summary>
    public bool KeepData { get; init; }
    public QueryCounter Queries { get; } = new();
    public ConnectionCounter Connections { get; } = new();
    /// <summary>The app's clock: real time plus whatever a test has moved it on by.</summary>
    public TestClock Clock { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;
    /// <summary>What the server logged at warning level and above, to explain a failing answer.</summary>
    public ServerLog Log { get; } = new();

    /// <summary>Start with the demo newsroom instead of an empty site.</summary>
    protected virtual bool Demo => false;

    /// <summary>Settings a fixture changes from the defaults, as an operator would in appsettings.json.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Masthead:DataDirectory", DataDirectory);
        builder.UseSetting("Masthead:Demo", Demo ? "true" : "false");
        // The scheduler's rounds would add queries to every count a test pins; the newsroom's tests turn it on.
        builder.UseSetting("Articles:SchedulerIntervalSeconds", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log);
            services.AddSingleton<IInterceptor>(Queries);
            services.AddSingleton<IInterceptor>(Connections);
            // Lets ConnectionCounter tell which request a connection was opened for.
            services.AddHttpContextAccessor();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public Task InitializeAsync()
    {
        var port = FreePort();
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        return Task.CompletedTask;
    }

    /// <summary>A client that shows redirects and status codes as they are, like a crawler would see them.</summary>
    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>Runs <paramref name="work"/> with the app's own services in a fresh scope.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<MastheadDb, Task<T>> work) =>
        WithServicesAsync(sp => work(sp.GetRequiredService<MastheadDb>()));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepData)
        {
            return;
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Keeps the server's warnings and errors (with exceptions) for tests to show or check.</summary>
public sealed class ServerLog : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}

/// <summary>The site as a new user sees it after `--demo`.</summary>
public sealed class DemoApp : MastheadApp
{
    protected override bool Demo => true;
}

/// <summary>Real time, moved on by tests that need time to pass (form timing, flood limits) without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>Counts the SQL commands the app sends, to pin the number of queries behind a page.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;
    private readonly List<string> _recent = [];

    public int Count => Volatile.Read(ref _count);
    public IReadOnlyList<string> Recent { get { lock (_recent) { return [.. _recent]; } } }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (_recent) { _recent.Clear(); }
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        lock (_recent) { _recent.Add(command.CommandText); }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }
}

/// <summary>
/// The database connections EF opens for a request's own context (the one its page or handler was given), by
/// "METHOD /path", and whether each was closed again. Work a request hands elsewhere (the comment writer) is not counted.
/// </summary>
public sealed class ConnectionCounter : DbConnectionInterceptor
{
    private readonly Microsoft.AspNetCore.Http.HttpContextAccessor _requests = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<Opening> _openings = new();

    public sealed class Opening(string request)
    {
        private int _closed;
        public string Request { get; } = request;
        public bool Closed => Volatile.Read(ref _closed) == 1;
        internal void Close() => Volatile.Write(ref _closed, 1);
    }

    public IReadOnlyList<Opening> For(string request) => [.. _openings.Where(o => o.Request == request)];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Record(connection, eventData);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(connection, eventData);
        return Task.CompletedTask;
    }

    private void Record(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (_requests.HttpContext is not { } http || http.RequestServices.GetService<MastheadDb>() != eventData.Context)
        {
            return;
        }
        var opening = new Opening($"{http.Request.Method} {http.Request.Path}");
        void Closed(object? sender, System.Data.StateChangeEventArgs e)
        {
            if (e.CurrentState == System.Data.ConnectionState.Closed)
            {
                opening.Close();
                connection.StateChange -= Closed;
            }
        }
        connection.StateChange += Closed;
        _openings.Enqueue(opening);
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoApp>
{
    public const string Name = "demo site";
}
