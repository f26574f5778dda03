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
public sealed class ArticleScheduler(IServiceScopeFactory scopes, TimeProvider time, ArticleOptions options, ILogger<ArticleScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SchedulerIntervalSeconds == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SchedulerIntervalSeconds), time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var done = await scope.ServiceProvider.GetRequiredService<EditorialWorkflow>().RunDueAsync(stoppingToken);
                if (done > 0)
                {
                    logger.LogInformation("Scheduler published or withdrew {Count} stories", done);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scheduler round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
