using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Masthead.IntegrationTests.Infrastructure;

/// <summary>A reader with a browser's cookie jar and no JavaScript: reads pages, fills in the comment form, posts it.</summary>
public sealed class Reader(MastheadApp app) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    public CookieContainer Cookies { get; } = new();
    private HttpClient? _http;

    public HttpClient Http => _http ??= new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
    {
        BaseAddress = app.BaseAddress,
    };

    public async Task<FetchedPage> OpenAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return new FetchedPage(response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The fields the form would send as served, overlaid with what the reader types.</summary>
    public static Dictionary<string, string> FormFields(FetchedPage page, IReadOnlyDictionary<string, string> typed)
    {
        var form = (IHtmlFormElement?)page.One("form#commentform") ?? throw new Xunit.Sdk.XunitException("The page has no comment form.");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input, textarea"))
        {
            var name = input.GetAttribute("name");
            if (name is null || input.GetAttribute("type") == "checkbox" && !input.HasAttribute("checked"))
            {
                continue;
            }
            fields[name] = input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? "";
        }
        foreach (var (key, value) in typed)
        {
            fields[key] = value;
        }
        return fields;
    }

    /// <summary>
    /// What a browser would send for the form matching <paramref name="selector"/> as served (text, hidden, checked
    /// boxes, selected options), with each name in <paramref name="typed"/> replaced by the typed values.
    /// </summary>
    public static List<KeyValuePair<string, string>> Form(FetchedPage page, string selector, params (string Name, string Value)[] typed)
    {
        var form = (IHtmlFormElement?)page.One(selector) ?? throw new Xunit.Sdk.XunitException($"The page has no form {selector}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            var type = element.GetAttribute("type");
            if (name is null || type is "submit" or "button" or "file" || (type is "checkbox" or "radio" && !element.HasAttribute("checked")))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        fields.Add(new(name, option.Value));
                    }
                    break;
                default:
                    fields.Add(new(name, element.GetAttribute("value") ?? (type == "checkbox" ? "on" : "")));
                    break;
            }
        }
        foreach (var name in typed.Select(t => t.Name).Distinct())
        {
            fields.RemoveAll(f => f.Key == name);
        }
        fields.AddRange(typed.Select(t => new KeyValuePair<string, string>(t.Name, t.Value)));
        return fields;
    }

    /// <summary>
    /// The comment form's fields as its script sends them: a cached story page carries no tokens, so when the served
    /// form has none, this reader's are asked for at the form's data-tokens address, as the script does when a reader
    /// starts writing.
    /// </summary>
    public async Task<Dictionary<string, string>> CommentFieldsAsync(FetchedPage page, IReadOnlyDictionary<string, string> typed)
    {
        var fields = FormFields(page, typed);
        if (fields.GetValueOrDefault("token") is { Length: > 0 } && fields.GetValueOrDefault("__RequestVerificationToken") is { Length: > 0 })
        {
            return fields;
        }
        var address = page.One("form#commentform")!.GetAttribute("data-tokens") ?? throw new Xunit.Sdk.XunitException("The comment form names no token address.");
        using var response = await Http.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        fields["__RequestVerificationToken"] = json.RootElement.GetProperty("antiforgery").GetString()!;
        fields["token"] = json.RootElement.GetProperty("token").GetString()!;
        return fields;
    }

    /// <summary>Opens the article, takes <paramref name="thinkTime"/> (default 20 s of app time, past the flood limit) to write, and posts.</summary>
    public async Task<FetchedPage> CommentAsync(string articlePath, IReadOnlyDictionary<string, string> typed, TimeSpan? thinkTime = null, bool json = false)
    {
        var page = await OpenAsync(articlePath);
        var fields = await CommentFieldsAsync(page, typed);
        app.Clock.Advance(thinkTime ?? TimeSpan.FromSeconds(20));
        return await PostAsync(page.One("form#commentform")!.GetAttribute("action")!, fields, json);
    }

    public Task<FetchedPage> PostAsync(string action, IReadOnlyDictionary<string, string> fields, bool json = false) =>
        PostAsync(action, fields.ToList(), json);

    /// <summary>Posts fields as a browser does, repeated names included (checkbox lists).</summary>
    public async Task<FetchedPage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, bool json = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }
        var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new FetchedPage(response, await Parser.ParseDocumentAsync(json ? "" : body)) { Body = body };
    }

    public void Dispose() => _http?.Dispose();
}
