using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Masthead.IntegrationTests.Infrastructure;

public sealed record FetchedPage(HttpResponseMessage Response, IDocument Document)
{
    public System.Net.HttpStatusCode Status => Response.StatusCode;
    public IElement? One(string selector) => Document.QuerySelector(selector);
    public IReadOnlyList<IElement> All(string selector) => [.. Document.QuerySelectorAll(selector)];
    public string Text(string selector) => One(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}'.");
    public string? Canonical => One("link[rel=canonical]")?.GetAttribute("href");
    /// <summary>The raw body, kept for answers that are not HTML (JSON).</summary>
    public string Body { get; init; } = "";
}

public static class Pages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<FetchedPage> GetPageAsync(this MastheadApp app, string path)
    {
        using var http = app.Http();
        var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return new FetchedPage(response, await Parser.ParseDocumentAsync(html));
    }
}
