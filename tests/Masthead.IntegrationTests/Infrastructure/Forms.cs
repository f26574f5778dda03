namespace Masthead.IntegrationTests.Infrastructure;

/// <summary>
/// Filling in and sending the newsroom's forms as a browser without JavaScript does: what the form holds as served
/// (<see cref="Reader.Form"/>), each typed name replacing the served value, posted to the form's action.
/// </summary>
public static class Forms
{
    /// <summary>Opens <paramref name="path"/>, fills in the form found by <paramref name="form"/> and sends it.</summary>
    public static async Task<FetchedPage> SubmitAsync(this Reader reader, string path, string form, params (string Name, string Value)[] typed)
    {
        var page = await reader.OpenAsync(path);
        Assert.True(page.Status == System.Net.HttpStatusCode.OK, $"{path} answered {page.Status}");
        return await reader.SubmitAsync(page, path, form, typed);
    }

    public static Task<FetchedPage> SubmitAsync(this Reader reader, string path, string form, IReadOnlyDictionary<string, string> typed) =>
        reader.SubmitAsync(path, form, Pairs(typed));

    /// <summary>Sends a form of a page already open; <paramref name="path"/> is where it was opened, the action when the form names none.</summary>
    public static Task<FetchedPage> SubmitAsync(this Reader reader, FetchedPage page, string path, string form, params (string Name, string Value)[] typed)
    {
        var element = page.One(form) ?? throw new Xunit.Sdk.XunitException($"{path} has no form '{form}'.");
        var fields = Reader.Form(page, form, typed);
        var action = element.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return reader.PostAsync(action, fields);
    }

    public static Task<FetchedPage> SubmitAsync(this Reader reader, FetchedPage page, string path, string form, IReadOnlyDictionary<string, string>? typed) =>
        reader.SubmitAsync(page, path, form, Pairs(typed));

    /// <summary>Where a redirect leads, as a local path and query; empty when the answer is not a redirect.</summary>
    public static string Location(this FetchedPage page) =>
        page.Response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : "";

    /// <summary>The message shown beside <paramref name="field"/>.</summary>
    public static string FieldError(this FetchedPage page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static (string Name, string Value)[] Pairs(IReadOnlyDictionary<string, string>? typed) =>
        [.. (typed ?? new Dictionary<string, string>()).Select(kv => (kv.Key, kv.Value))];
}
