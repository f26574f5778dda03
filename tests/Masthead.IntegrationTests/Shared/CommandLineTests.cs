using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Masthead.IntegrationTests.Shared;

/// <summary>The README's first command, as a user runs it: a real process with --demo, --data and --urls.</summary>
public sealed class CommandLineTests
{
    private static string ProjectDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Masthead.slnx")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir!.FullName, "src", "Masthead");
        }
    }

    /// <summary>The site's own build output, next to this test's copy of it.</summary>
    private static string MastheadDll => Path.Combine(AppContext.BaseDirectory, "Masthead.dll");

    private sealed class RunningSite : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public RunningSite(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ProjectDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(MastheadDll);
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output { get { lock (_output) { return _output.ToString(); } } }

        public async Task<int> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async Task WaitUntilHealthyAsync(HttpClient http)
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(_process.HasExited, $"Masthead exited early:\n{Output}");
                try
                {
                    if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(250);
            }
            Assert.Fail($"Masthead did not become healthy:\n{Output}");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Demo_flag_fills_an_empty_data_folder_and_never_touches_a_filled_one()
    {
        var data = Path.Combine(Path.GetTempPath(), "masthead-tests", Guid.NewGuid().ToString("n"));
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            string firstFront;
            using (var site = new RunningSite("--demo", "--data", data, "--urls", $"http://127.0.0.1:{port}"))
            {
                await site.WaitUntilHealthyAsync(http);
                firstFront = await http.GetStringAsync("/");
                Assert.Contains("class=\"lead-story\"", firstFront);
                Assert.True(File.Exists(Path.Combine(data, "masthead.db")));
                Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "media"), "*.jpg", SearchOption.AllDirectories));
            }

            using (var again = new RunningSite("--demo", "--data", data, "--urls", $"http://127.0.0.1:{port}"))
            {
                await again.WaitUntilHealthyAsync(http);
                Assert.Equal(firstFront, await http.GetStringAsync("/"));
                Assert.Contains("already has articles", again.Output);
            }
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Help_lists_the_options_and_starts_nothing()
    {
        using var site = new RunningSite("--help");
        Assert.Equal(0, await site.WaitForExitAsync());
        var help = site.Output;
        Assert.Contains("--demo", help);
        Assert.Contains("--data", help);
        Assert.Contains("--urls", help);
    }

    [Fact]
    public async Task Unknown_time_zone_stops_the_start_with_a_clear_message()
    {
        using var site = new RunningSite("--data", Path.Combine(Path.GetTempPath(), "masthead-tests", Guid.NewGuid().ToString("n")),
            "--urls", $"http://127.0.0.1:{FreePort()}", "--Masthead:TimeZone=Mars/Base");
        Assert.NotEqual(0, await site.WaitForExitAsync());
        Assert.Contains("Masthead:TimeZone is not a known time zone id", site.Output);
    }
}
