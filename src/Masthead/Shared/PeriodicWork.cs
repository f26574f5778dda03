namespace Masthead.Shared;

/// <summary>
/// Background work done in rounds: one round at start-up (after <see cref="FirstRoundDelay"/>), then one every
/// <see cref="IntervalSeconds"/>, each in a fresh service scope. A failed round is logged and the next one comes on time; an interval of 0 turns it off.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected IServiceScopeFactory Scopes { get; } = scopes;
    protected TimeProvider Time { get; } = time;
    protected ILogger Logger { get; } = logger;

    protected abstract int IntervalSeconds { get; }

    /// <summary>How long the first round waits after start-up: work that can wait leaves the first requests the CPU.</summary>
    protected virtual TimeSpan FirstRoundDelay => TimeSpan.Zero;

    /// <summary>What one round does, with the services of its own scope.</summary>
    protected abstract Task RunRoundAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (IntervalSeconds == 0)
        {
            return;
        }
        if (FirstRoundDelay > TimeSpan.Zero)
        {
            await Task.Delay(FirstRoundDelay, Time, stoppingToken);
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(IntervalSeconds), Time);
        do
        {
            try
            {
                using var scope = Scopes.CreateScope();
                await RunRoundAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "{Work} round failed", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
