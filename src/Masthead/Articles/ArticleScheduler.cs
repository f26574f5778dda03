using System.ComponentModel.DataAnnotations;

namespace Masthead.Articles;

/// <summary>Section "Articles".</summary>
public sealed class ArticleOptions
{
    /// <summary>How often scheduled stories and embargo ends are checked; 0 turns the scheduler off.</summary>
    [Range(0, 3600)]
    public int SchedulerIntervalSeconds { get; set; } = 10;
}

/// <summary>
/// Publishes scheduled stories when their time comes and withdraws stories whose embargo ended. It checks at
/// start-up first, so a story that fell due while the site was down goes out as soon as it is back.
/// </summary>
public sealed class ArticleScheduler(IServiceScopeFactory scopes, TimeProvider time, ArticleOptions options, ILogger<ArticleScheduler> logger)
    : Shared.PeriodicWork(scopes, time, logger)
{
    protected override int IntervalSeconds => options.SchedulerIntervalSeconds;

    protected override async Task RunRoundAsync(IServiceProvider services, CancellationToken ct)
    {
        var done = await services.GetRequiredService<EditorialWorkflow>().RunDueAsync(ct);
        if (done > 0)
        {
            Logger.LogInformation("Scheduler published or withdrew {Count} stories", done);
        }
    }
}
