using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Masthead.Benchmarks;

/// <summary>
/// Micro-benchmarks of Masthead's hot paths. BenchmarkDotNet's command line works (--filter, --list flat, ...);
/// --job default|dry|short|medium|long picks the job, and --quick is short for --job short (3 warm-up and 3 measured
/// iterations), a comparison in minutes.
/// </summary>
/// <remarks>
/// The benchmarks run in this process rather than in a generated child project: the app under test is hosted here
/// and WebApplicationFactory needs Masthead's content root and deps file next to this project's output, which a
/// child project's output would not have; and one generated newsroom then serves every benchmark.
/// </remarks>
public static class Runner
{
    /// <summary>The job of this run (default, dry, short, medium or long).</summary>
    public static string JobName { get; private set; } = "default";

    public static async Task<int> Main(string[] args)
    {
        // The job is chosen here: BenchmarkDotNet's own --job did not combine with the in-process job below (it was ignored).
        var rest = args.ToList();
        var quick = rest.Remove("--quick");
        JobName = TakeJob(rest) ?? (quick ? "short" : "default");
        var job = JobName switch
        {
            "default" => Job.Default,
            "dry" => Job.Dry,
            "short" => Job.ShortRun,
            "medium" => Job.MediumRun,
            "long" => Job.LongRun,
            var other => throw new ArgumentException($"Unknown job '{other}': use default, dry, short, medium or long."),
        };
        // The related-stories rebuild takes tens of seconds per call: the timeout must not cut a long job short.
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)))
            .WithArtifactsPath(Path.Combine(Repository.Root, "bench", "results", "micro"))
            // One table for all of them; the newsroom is generated once either way.
            .WithOptions(ConfigOptions.JoinSummary)
            // Microseconds to tens of seconds in one table: one unit keeps the column comparable at a glance.
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond).WithSizeUnit(SizeUnit.KB));
        args = [.. rest];
        try
        {
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Runner).Assembly).Run(args, config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
        finally
        {
            await Newsroom.CloseAsync();
        }
    }

    private static string? TakeJob(List<string> args)
    {
        var at = args.FindIndex(a => a is "--job" or "-j");
        if (at < 0 || at + 1 >= args.Count)
        {
            return null;
        }
        var name = args[at + 1].ToLowerInvariant();
        args.RemoveRange(at, 2);
        return name;
    }
}

/// <summary>
/// For benchmarks whose one call takes many seconds (the related-stories rebuild: 15-35 s on 2 shared cores). The
/// default, medium and long jobs make 1 warm-up and 5 measured calls, where BenchmarkDotNet would otherwise repeat
/// them until the spread settles (up to an hour). The short job makes one measured call, its first (the JIT's share
/// of a call this long is negligible), so that --quick stays within minutes; the memory diagnoser adds one more call
/// in every job. The dry job is left as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FewCallsAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = Runner.JobName switch
    {
        "dry" => ManualConfig.CreateEmpty(),
        "short" => ManualConfig.CreateEmpty().AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithWarmupCount(0).WithIterationCount(1).AsMutator()),
        _ => ManualConfig.CreateEmpty().AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(5).AsMutator()),
    };
}
