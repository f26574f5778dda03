using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Data.Sqlite;

/// <summary>
/// Keeps SQLite's statistics about the tables and indexes current (<c>PRAGMA optimize</c>: 20 seconds after start-up,
/// then every six hours, and at the end of every one-off command that succeeded). Without them the query planner cannot tell a selective index from a poor one: asked whether an email
/// address has an approved comment, it walked every approved comment by status (0.1 s at 100,000 comments) instead
/// of looking the address up. SQLite analyzes only tables never analyzed or much changed since, within its own time
/// limit (about 50 ms for a 10,000-story site that was never analyzed, next to nothing after that).
/// </summary>
public sealed class SqliteStatistics(IServiceScopeFactory scopes, TimeProvider time, ILogger<SqliteStatistics> logger)
    : PeriodicWork(scopes, time, logger)
{
    protected override int IntervalSeconds => 6 * 60 * 60;

    // Not in the way of the first requests: the statistics are kept in the file, so only a database never analyzed waits.
    protected override TimeSpan FirstRoundDelay => TimeSpan.FromSeconds(20);

    protected override Task RunRoundAsync(IServiceProvider services, CancellationToken ct) =>
        RefreshAsync(services.GetRequiredService<MastheadDb>(), ct);

    /// <summary>
    /// Analyzes what needs it: 0x10000 looks at every table, not only those this connection has queried; 0x02 runs
    /// ANALYZE where it helps; 0x10 limits how much of each index it reads (the write lock is held meanwhile).
    /// </summary>
    public static Task RefreshAsync(MastheadDb db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10012;", ct);

    /// <summary>
    /// For a one-off command that has just filled the database (an import, a restore, load-test data): the site that
    /// starts on it then plans its first queries with statistics, instead of waiting for the first round.
    /// </summary>
    public static async Task RefreshAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await RefreshAsync(scope.ServiceProvider.GetRequiredService<MastheadDb>(), ct);
    }
}
