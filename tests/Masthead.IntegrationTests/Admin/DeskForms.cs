using Masthead.IntegrationTests.Infrastructure;

namespace Masthead.IntegrationTests.Admin;

/// <summary>Fills in a newsroom form as a browser without JavaScript would: opens the page, keeps its hidden fields, posts to its action.</summary>
public static class DeskForms
{
    public static async Task<FetchedPage> SubmitAsync(this Reader staff, string page, string form, IEnumerable<KeyValuePair<string, string>> typed)
    {
        var opened = await staff.OpenAsync(page);
        Assert.Equal(System.Net.HttpStatusCode.OK, opened.Status);
        var element = opened.One(form) ?? throw new Xunit.Sdk.XunitException($"{page} has no form matching '{form}'.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in element.QuerySelectorAll("input[type=hidden]"))
        {
            fields.Add(new(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""));
        }
        var names = typed.Select(t => t.Key).ToHashSet();
        fields.RemoveAll(f => names.Contains(f.Key));
        fields.AddRange(typed);
        var action = element.GetAttribute("action");
        return await staff.PostAsync(string.IsNullOrEmpty(action) ? page : action, fields);
    }

    public static Task<FetchedPage> SubmitAsync(this Reader staff, string page, string form, params (string Key, string Value)[] typed) =>
        staff.SubmitAsync(page, form, typed.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));

    /// <summary>Where a redirect leads, as a local path and query.</summary>
    public static string Location(this FetchedPage page) => page.Response.Headers.Location switch
    {
        null => throw new Xunit.Sdk.XunitException($"No Location header; status {page.Status}."),
        { IsAbsoluteUri: true } absolute => absolute.PathAndQuery,
        var relative => relative.OriginalString,
    };
}
