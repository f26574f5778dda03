using Spectre.Console;

namespace Masthead.Shared;

/// <summary>
/// Long work on the command line (imports, restores, fetching pictures): plain progress lines when the output is not
/// a terminal (a log, a pipe); on a terminal, a progress bar with the time left, its label the latest line.
/// </summary>
public static class ConsoleProgress
{
    /// <param name="title">The bar's label until the first line.</param>
    /// <param name="total">What the bar counts to: bytes of a file, or pictures.</param>
    /// <param name="position">Where the work is (e.g. the stream's position); when null, each line counts one.</param>
    /// <param name="work">The work, given the callback that reports a line.</param>
    public static async Task RunAsync(string title, long total, Func<long>? position, Func<Action<string>, Task> work)
    {
        if (Console.IsOutputRedirected)
        {
            await work(Console.WriteLine);
            return;
        }
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: Math.Max(1, total));
                var gate = new Lock();
                await work(line =>
                {
                    // Lines may come from several workers at once.
                    lock (gate)
                    {
                        task.Description = Markup.Escape(line.Length > 60 ? line[..59] + "\u2026" : line);
                        if (position is null)
                        {
                            task.Increment(1);
                        }
                        else
                        {
                            task.Value = position();
                        }
                    }
                });
                task.Value = task.MaxValue;
            });
    }
}
