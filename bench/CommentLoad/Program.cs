using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

// Posts reader comments to one article as fast as the site takes them, for a fixed time, and reports what came
// back. Each worker is a reader with its own cookies; every post comes from a different reader address (sent as
// X-Forwarded-For, which the site trusts from loopback) and email, as when a breaking story draws many readers.
// Each worker opens the story's page, then asks for form tokens where the form's script does (the cached page
// carries none) and uses them once they are old enough for the site's robot check; when the run outlasts the pool,
// tokens are used again (the site does not refuse a form used twice). Only ever loads 127.0.0.1.
//   CommentLoad --url http://127.0.0.1:5180 --path /2026/01/01/story/ --seconds 10 --workers 32 --forms 64 --out result.json
var options = Options.Parse(args);
var baseUri = new Uri(options.Url);
if (!IPAddress.IsLoopback(IPAddress.Parse(baseUri.Host)))
{
    Console.Error.WriteLine("Only 127.0.0.1 may be loaded.");
    return 2;
}

var workers = Enumerable.Range(0, options.Workers).Select(i => new Worker(i, baseUri)).ToArray();
var fetchStarted = Stopwatch.GetTimestamp();
await Task.WhenAll(workers.Select(w => w.FetchFormsAsync(options.Path, options.Forms)));
var fetchTime = Stopwatch.GetElapsedTime(fetchStarted);
// The site refuses a form posted within MinFormSeconds (3 s) of being served.
await Task.Delay(TimeSpan.FromSeconds(options.FormAgeSeconds));

var latencies = new List<double>[options.Workers];
var started = Stopwatch.GetTimestamp();
var deadline = started + (long)(options.Seconds * Stopwatch.Frequency);
await Task.WhenAll(workers.Select((w, i) => Task.Run(async () => latencies[i] = await w.PostUntilAsync(options.Path, deadline))));
var elapsed = Stopwatch.GetElapsedTime(started);

var ok = workers.Sum(w => w.Succeeded);
var statuses = workers.SelectMany(w => w.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Sum(x => x.Value));
var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];

// The last comment each reader posted must be on the article page at once, with no cache standing in the way.
var last = workers.Where(w => w.LastLocation is not null).MaxBy(w => w.LastId);
var visible = false;
if (last is not null)
{
    var page = await last.Http.GetStringAsync(last.LastLocation!.Split('#')[0]);
    visible = page.Contains($"id=\"comment-{last.LastId}\"", StringComparison.Ordinal);
}

var result = new
{
    seconds = Math.Round(elapsed.TotalSeconds, 2),
    workers = options.Workers,
    forms_fetched = workers.Sum(w => w.FormCount),
    forms_fetch_seconds = Math.Round(fetchTime.TotalSeconds, 2),
    forms_reused = workers.Sum(w => w.Reused),
    posted = workers.Sum(w => w.Attempts),
    succeeded = ok,
    failed = workers.Sum(w => w.Attempts) - ok,
    statuses,
    comments_per_second = Math.Round(ok / elapsed.TotalSeconds, 1),
    p50_ms = Math.Round(Percentile(0.50), 2),
    p99_ms = Math.Round(Percentile(0.99), 2),
    last_comment_id = last?.LastId,
    last_comment_visible = visible,
};
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(json);
if (options.Out is not null)
{
    await File.WriteAllTextAsync(options.Out, json);
}
return 0;

internal sealed record Options(string Url, string Path, double Seconds, int Workers, int Forms, double FormAgeSeconds, string? Out)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        double Number(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var seconds = Number("--seconds", 10);
        if (seconds is <= 0 or > 600)
        {
            throw new ArgumentException("--seconds must be between 0 and 600");
        }
        return new Options(Get("--url") ?? "http://127.0.0.1:5180", Get("--path") ?? throw new ArgumentException("--path is required"),
            seconds, (int)Number("--workers", 32), (int)Number("--forms", 64), Number("--form-age", 3.2), Get("--out"));
    }
}

internal sealed partial class Worker(int number, Uri baseUri)
{
    /// <summary>Each form's token fields and the fields left empty, URL-encoded once: the driver shares the cores it loads.</summary>
    private readonly List<string> _forms = [];
    private readonly Dictionary<int, int> _statuses = [];
    /// <summary>Keeps a second run on the same database from posting the first run's comments again (refused as duplicates).</summary>
    private static readonly string RunId = DateTime.UtcNow.Ticks.ToString("x", CultureInfo.InvariantCulture);

    public HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

    public int FormCount => _forms.Count;
    public int Attempts { get; private set; }
    public int Succeeded { get; private set; }
    public int Reused { get; private set; }
    public int LastId { get; private set; }
    public string? LastLocation { get; private set; }
    public IEnumerable<KeyValuePair<int, int>> Statuses => _statuses;

    public async Task FetchFormsAsync(string path, int count)
    {
        var html = await Http.GetStringAsync(path);
        if (TokenAddress().Match(html) is not { Success: true } address)
        {
            throw new InvalidOperationException($"No comment form on {path}");
        }
        for (var i = 0; i < count; i++)
        {
            using var tokens = JsonDocument.Parse(await Http.GetStringAsync(WebUtility.HtmlDecode(address.Groups[1].Value)));
            _forms.Add($"__RequestVerificationToken={Uri.EscapeDataString(tokens.RootElement.GetProperty("antiforgery").GetString()!)}" +
                $"&token={Uri.EscapeDataString(tokens.RootElement.GetProperty("token").GetString()!)}&parent=&url=&phone=");
        }
    }

    public async Task<List<double>> PostUntilAsync(string path, long deadline)
    {
        var latencies = new List<double>(4096);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var n = Attempts++;
            if (n >= _forms.Count)
            {
                Reused++;
            }
            var form = _forms[n % _forms.Count];
            var reader = Uri.EscapeDataString($"{number}-{n}-{RunId}");
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(
                    $"{form}&comment=Reader%20{reader}{CommentRest}&author=Reader%20{reader}&email=reader{reader}%40load.example",
                    System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("X-Forwarded-For", $"10.{number}.{n / 250 % 250}.{1 + n % 250}");
            var sent = Stopwatch.GetTimestamp();
            using var response = await Http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            var status = (int)response.StatusCode;
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            if (status is >= 200 and < 300 or 303)
            {
                Succeeded++;
                if (response.Headers.Location?.OriginalString is { } location && CommentId().Match(location) is { Success: true } id)
                {
                    var value = int.Parse(id.Groups[1].Value, CultureInfo.InvariantCulture);
                    if (value > LastId)
                    {
                        (LastId, LastLocation) = (value, location);
                    }
                }
            }
        }
        return latencies;
    }

    private static readonly string CommentRest = Uri.EscapeDataString(" thinks the council should publish the figures before the vote, not after it.");

    [GeneratedRegex("id=\"commentform\"[^>]*data-tokens=\"([^\"]+)\"")]
    private static partial Regex TokenAddress();

    [GeneratedRegex("#comment-([0-9]+)$")]
    private static partial Regex CommentId();
}
