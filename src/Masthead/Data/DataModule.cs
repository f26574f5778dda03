using Masthead.Articles;
using Masthead.Data.Sqlite;
using Masthead.Demo;
using Masthead.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Data;

public static class DataModule
{
    /// <summary>The embedded default: one SQLite file, masthead.db, in the data folder.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new OneConnectionPerRequest()));
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, OneConnectionPerRequest.Interceptor>();
        builder.Services.AddDbContextPool<MastheadDb, SqliteMastheadDb>((sp, options) =>
        {
            var site = sp.GetRequiredService<SiteOptions>();
            options.UseSqlite(SqliteConnectionString(site.DataPath));
            // The model as compiled code (`dotnet ef dbcontext optimize`): building it from the configuration took
            // most of a cold start. DatabaseTests fails when it no longer matches the configuration.
            options.UseModel(Sqlite.CompiledModel.SqliteMastheadDbModel.Instance);
            // Migrating a new database would otherwise first diff the whole model against the last migration's snapshot,
            // up to a second of every first start and every import into a new folder; DatabaseTests makes that check instead.
            options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
            foreach (var interceptor in sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>())
            {
                options.AddInterceptors(interceptor);
            }
        });
        builder.Services.AddHostedService<SqliteStatistics>();
        // Two connections a core: the reads are short, and a post waiting for one costs no CPU.
        builder.Services.AddSingleton(sp => new PreparedReads(SqliteConnectionString(sp.GetRequiredService<SiteOptions>().DataPath), 2 * Environment.ProcessorCount));
        return builder;
    }

    public static string SqliteConnectionString(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "masthead.db"),
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Brings the database to the current schema and, when demo content is asked for and the database has no
    /// articles yet, fills it. A database that already has content is never touched by the demo.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var site = scope.ServiceProvider.GetRequiredService<SiteOptions>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Masthead.Data");
        Directory.CreateDirectory(site.DataPath);
        Directory.CreateDirectory(site.MediaPath);

        var db = scope.ServiceProvider.GetRequiredService<MastheadDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a comment or an edit is being written; the setting sticks to the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        // Migrating compares the whole model with the last migration's snapshot, seconds of a cold start; a database
        // that is already up to date (every start but the first after an upgrade) skips it.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }

        if (site.Demo && !await db.Articles.AnyAsync(ct))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var renderer = scope.ServiceProvider.GetRequiredService<ArticleRenderer>();
            var clock = scope.ServiceProvider.GetRequiredService<SiteClock>();
            await DemoContent.SeedAsync(db, renderer, site.MediaPath, clock.UtcNow, ct: ct);
            logger.LogInformation("Demo content added in {Elapsed}", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        else if (site.Demo)
        {
            logger.LogInformation("The database already has articles; demo content was not added");
        }

        // Content added outside the publishing service (the demo, an import, an older database) gets indexed once.
        var search = scope.ServiceProvider.GetRequiredService<Search.ISearchIndex>();
        if (await search.IsEmptyAsync(ct) && await db.Articles.AnyAsync(a => a.Status == ArticleStatus.Published, ct))
        {
            await search.RebuildAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Search.RelatedStories>().RebuildAsync(ct);
            logger.LogInformation("Search index and related stories built");
        }
    }
}
