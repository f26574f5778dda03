using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

// Readers' comment forms for bench/post.lua, which posts them with wrk. Each reader has cookies of their own: it
// opens the story's page, then asks for form tokens where the form's script does (the cached page carries none).
// One line per reader: the Cookie header the site set, a tab, and the form's token fields URL-encoded (the fields a
// reader leaves empty included). The site refuses a form posted within MinFormSeconds (3 s) of being served: the
// caller waits that long before posting. Only ever loads 127.0.0.1.
//   CommentLoad --url http://127.0.0.1:5180 --path /2026/01/01/story/ --readers 64 --out forms.tsv
var options = Options.Parse(args);
var baseUri = new Uri(options.Url);
if (!IPAddress.IsLoopback(IPAddress.Parse(baseUri.Host)))
{
    Console.Error.WriteLine("Only 127.0.0.1 may be loaded.");
    return 2;
}

var lines = await Task.WhenAll(Enumerable.Range(0, options.Readers).Select(_ => Reader.FormAsync(baseUri, options.Path)));
await File.WriteAllLinesAsync(options.Out, lines, new UTF8Encoding(false));
Console.WriteLine($"{lines.Length} forms for {options.Path} written to {options.Out}");
return 0;

internal sealed record Options(string Url, string Path, int Readers, string Out)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var readers = int.Parse(Get("--readers") ?? "64", CultureInfo.InvariantCulture);
        if (readers is < 1 or > 10_000)
        {
            throw new ArgumentException("--readers must be between 1 and 10,000");
        }
        return new Options(Get("--url") ?? "http://127.0.0.1:5180", Get("--path") ?? throw new ArgumentException("--path is required"),
            readers, Get("--out") ?? throw new ArgumentException("--out is required"));
    }
}

internal static partial class Reader
{
    public static async Task<string> FormAsync(Uri baseUri, string path)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var html = await http.GetStringAsync(path);
        if (TokenAddress().Match(html) is not { Success: true } address)
        {
            throw new InvalidOperationException($"No comment form on {path}");
        }
        using var tokens = JsonDocument.Parse(await http.GetStringAsync(WebUtility.HtmlDecode(address.Groups[1].Value)));
        var cookie = cookies.GetCookieHeader(baseUri);
        if (cookie.Length == 0)
        {
            throw new InvalidOperationException("The form's tokens came without the antiforgery cookie.");
        }
        return $"{cookie}\t__RequestVerificationToken={Uri.EscapeDataString(tokens.RootElement.GetProperty("antiforgery").GetString()!)}" +
            $"&token={Uri.EscapeDataString(tokens.RootElement.GetProperty("token").GetString()!)}&parent=&url=&phone=";
    }

    [GeneratedRegex("id=\"commentform\"[^>]*data-tokens=\"([^\"]+)\"")]
    private static partial Regex TokenAddress();
}
