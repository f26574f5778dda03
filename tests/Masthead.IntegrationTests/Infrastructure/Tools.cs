using System.Diagnostics;

namespace Masthead.IntegrationTests.Infrastructure;

/// <summary>Real clients outside .NET: Debian's feedparser, the Nu Html Checker.</summary>
public static class Tools
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Masthead.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Masthead.slnx not found above the test folder.");
        }
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, IEnumerable<string> args, string? stdin = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Parses a feed with Debian's python3-feedparser; returns its verdict as JSON (bozo, version, entries).</summary>
    public static async Task<System.Text.Json.JsonElement> FeedparserAsync(string feed, string contentType)
    {
        const string script = """
            import sys, json, feedparser
            d = feedparser.parse(sys.stdin.buffer.read(), response_headers={"content-type": sys.argv[1]})
            print(json.dumps({
                "bozo": d.bozo, "error": str(d.get("bozo_exception", "")), "version": d.version,
                "title": d.feed.get("title"),
                "entries": [{"title": e.get("title"), "link": e.get("link"), "author": e.get("author"),
                             "content": (e.get("content") or [{}])[0].get("value", e.get("summary", "")),
                             "tags": [t.get("term") for t in e.get("tags", [])],
                             "enclosures": [x.get("href") for x in e.get("enclosures", [])],
                             "published": e.get("published")} for e in d.entries]}))
            """;
        var (exit, output, errors) = await RunAsync("/usr/bin/python3", ["-c", script, contentType], feed);
        Assert.True(exit == 0, errors);
        return System.Text.Json.JsonDocument.Parse(output).RootElement;
    }

    /// <summary>The Nu Html Checker's errors for each file (empty when valid).</summary>
    public static async Task<string> HtmlErrorsAsync(IEnumerable<string> files)
    {
        var jar = Path.Combine(RepositoryRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        var (_, output, errors) = await RunAsync("java", ["-jar", jar, "--errors-only", "--stdout", .. files]);
        return (output + errors).Trim();
    }
}
