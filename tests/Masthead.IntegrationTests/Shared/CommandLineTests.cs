using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Masthead.IntegrationTests.Shared;

/// <summary>The README's first command, as a user runs it: a real process with --demo, --data and --urls.</summary>
public sealed class CommandLineTests
{
    private static string ProjectDirectory => Path.Combine(Infrastructure.Tools.RepositoryRoot, "src", "Masthead");

    /// <summary>The site's own build output, next to this test's copy of it.</summary>
    private static string MastheadDll => Path.Combine(AppContext.BaseDirectory, "Masthead.dll");

    private sealed class RunningSite : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public RunningSite(params string[] args) : this(args, input: null)
        {
        }

        /// <summary>Starts Masthead and types <paramref name="input"/> into it, as a user at the terminal would.</summary>
        public static RunningSite Typing(string input, params string[] args) => new(args, input);

        private RunningSite(string[] args, string? input)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ProjectDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
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
            if (input is not null)
            {
                _process.StandardInput.WriteLine(input);
                _process.StandardInput.Close();
            }
        }

        public string Output { get { lock (_output) { return _output.ToString(); } } }

        public async Task<int> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Masthead did not exit within a minute:\n{Output}");
            }
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
    public async Task Users_add_creates_a_staff_account_with_the_password_from_standard_input()
    {
        var data = Path.Combine(Path.GetTempPath(), "masthead-tests", Guid.NewGuid().ToString("n"));
        try
        {
            using (var add = RunningSite.Typing("a long enough passphrase", "users", "add", "--email", "chief@masthead.example", "--name", "Chief Editor", "--role", "admin", "--data", data))
            {
                Assert.Equal(0, await add.WaitForExitAsync());
                Assert.Contains("Added chief@masthead.example as admin.", add.Output);
            }
            using (var again = RunningSite.Typing("a long enough passphrase", "users", "add", "--email", "chief@masthead.example", "--name", "Chief Editor", "--role", "admin", "--data", data))
            {
                Assert.Equal(1, await again.WaitForExitAsync());
                Assert.Contains("is already taken", again.Output);
            }
            using (var weak = RunningSite.Typing("short", "users", "add", "--email", "weak@masthead.example", "--name", "Weak", "--role", "editor", "--data", data))
            {
                Assert.Equal(1, await weak.WaitForExitAsync());
                Assert.Contains("at least 12 characters", weak.Output);
            }
            using var badRole = RunningSite.Typing("a long enough passphrase", "users", "add", "--email", "x@masthead.example", "--name", "X", "--role", "emperor", "--data", data);
            Assert.NotEqual(0, await badRole.WaitForExitAsync());
            Assert.Contains("emperor", badRole.Output);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Import_wxr_brings_in_a_wordpress_export_and_says_what_it_did()
    {
        var data = Path.Combine(Path.GetTempPath(), "masthead-tests", Guid.NewGuid().ToString("n"));
        var file = Path.Combine(AppContext.BaseDirectory, "TestData", "wordpress-export-small.xml");
        try
        {
            using var import = new RunningSite("import", "wxr", file, "--data", data);
            Assert.Equal(0, await import.WaitForExitAsync());
            Assert.Contains("6 articles imported, 0 updated, 15 comments", import.Output);
            // The site started on the imported data has SQLite's statistics from its first request.
            Assert.Contains("Comments", await AnalyzedTablesAsync(data));

            using var missing = new RunningSite("import", "wxr", Path.Combine(data, "nope.xml"), "--data", data);
            Assert.NotEqual(0, await missing.WaitForExitAsync());
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<List<string>> AnalyzedTablesAsync(string data)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "masthead.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT tbl FROM sqlite_stat1";
        var tables = new List<string>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    [Fact]
    public async Task Export_json_and_import_json_move_a_site_into_a_new_data_folder_unchanged()
    {
        var root = Path.Combine(Path.GetTempPath(), "masthead-tests", Guid.NewGuid().ToString("n"));
        var (old, fresh) = (Path.Combine(root, "old"), Path.Combine(root, "new"));
        var (backup, again) = (Path.Combine(root, "backup.json"), Path.Combine(root, "again.json"));
        try
        {
            using (var wxr = new RunningSite("import", "wxr", Path.Combine(AppContext.BaseDirectory, "TestData", "wordpress-export-small.xml"), "--data", old))
            {
                Assert.Equal(0, await wxr.WaitForExitAsync());
            }
            using (var export = new RunningSite("export", "json", backup, "--data", old))
            {
                Assert.Equal(0, await export.WaitForExitAsync());
                Assert.Contains("6 articles, 15 comments", export.Output);
            }
            using (var import = new RunningSite("import", "json", backup, "--data", fresh))
            {
                Assert.Equal(0, await import.WaitForExitAsync());
                Assert.Contains("6 articles, 15 comments", import.Output);
            }
            using (var export = new RunningSite("export", "json", again, "--data", fresh))
            {
                Assert.Equal(0, await export.WaitForExitAsync());
            }
            Assert.Equal(await File.ReadAllTextAsync(backup), await File.ReadAllTextAsync(again));

            using var twice = new RunningSite("import", "json", backup, "--data", fresh);
            Assert.Equal(1, await twice.WaitForExitAsync());
            Assert.Contains("already has content", twice.Output);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
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
