using System.Runtime.InteropServices;

namespace Masthead.Shared;

/// <summary>
/// Keeps glibc's malloc, which the runtime, the JIT and SQLite allocate native memory through, from holding on to
/// memory it no longer uses. On other C libraries (musl) or systems both calls do nothing.
/// </summary>
public static class NativeHeap
{
    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>False where there is no glibc to call (other systems, or a first call that found none).</summary>
    public static bool CanTrim => !_unavailable;

    /// <summary>
    /// Caps glibc's malloc arenas at two. By default glibc gives each thread that allocates its own arena, up to eight
    /// per core, and keeps their free pages: SQLite's connections and the thread pool left about 40 MB resident that way
    /// on a busy site. Two arenas on this workload cost no measurable speed. Same effect as MALLOC_ARENA_MAX=2 for the
    /// threads started from here on; arenas made before Main (the runtime's own threads, five or so) stay.
    /// </summary>
    public static void LimitArenas()
    {
        // Whoever set the arenas in the environment keeps their choice.
        if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null
            || Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("arena_max", StringComparison.Ordinal) == true)
        {
            return;
        }
        Call(() => MallOpt(ArenaMax, 2));
    }

    /// <summary>
    /// Hands the free pages inside every arena back to the system. glibc returns memory by itself only from the top of
    /// an arena: the pages a burst of work freed in the middle stayed resident (22 MB after a minute of comment posting,
    /// with 16 MB of 43 MB in use). Takes about a millisecond; see <see cref="NativeHeapTrimmer"/>.
    /// </summary>
    public static void Trim() => Call(() => MallocTrim(0));

    private static void Call(Func<int> call)
    {
        if (_unavailable)
        {
            return;
        }
        try
        {
            call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: nothing to tune.
            _unavailable = true;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

/// <summary>
/// Trims the native heap (<see cref="NativeHeap.Trim"/>) every two seconds, from two seconds after start-up: often
/// enough that a burst of posting or searching does not leave its freed pages resident for long, rarely enough that
/// the call itself costs next to nothing (pages handed back and then reused do fault in again: see the README).
/// </summary>
public sealed class NativeHeapTrimmer(IServiceScopeFactory scopes, TimeProvider time, ILogger<NativeHeapTrimmer> logger)
    : PeriodicWork(scopes, time, logger)
{
    protected override int IntervalSeconds => NativeHeap.CanTrim ? 2 : 0;

    protected override TimeSpan FirstRoundDelay => TimeSpan.FromSeconds(IntervalSeconds);

    protected override Task RunRoundAsync(IServiceProvider services, CancellationToken ct)
    {
        NativeHeap.Trim();
        return Task.CompletedTask;
    }
}
