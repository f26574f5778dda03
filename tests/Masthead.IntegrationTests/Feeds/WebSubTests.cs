using System.Net;
using System.Net.Sockets;
using Masthead.IntegrationTests.Infrastructure;

namespace Masthead.IntegrationTests.Feeds;

/// <summary>A WebSub hub of the test's own, listening on loopback.</summary>
public sealed class HubApp : MastheadApp
{
    public HttpListener Hub { get; } = new();
    public string HubUrl { get; }

    public HubApp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        HubUrl = $"http://127.0.0.1:{port}/hub/";
        Hub.Prefixes.Add(HubUrl);
        Hub.Start();
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Feeds:HubUrl"] = HubUrl,
        ["Masthead:BaseUrl"] = "https://news.example",
    };

    protected override void Dispose(bool disposing)
    {
        Hub.Close();
        base.Dispose(disposing);
    }
}

public sealed class WebSubTests(HubApp app) : IClassFixture<HubApp>
{
    [Fact]
    public async Task Feeds_name_the_hub_and_publishing_pings_it()
    {
        using var http = app.Http();
        var feed = await http.GetAsync("/feed/");
        var links = feed.Headers.GetValues("Link").ToList();
        Assert.Contains($"<{app.HubUrl}>; rel=\"hub\"", links);
        Assert.Contains("<https://news.example/feed/>; rel=\"self\"", links);

        var received = app.Hub.GetContextAsync();
        var newsroom = new Newsroom(app);
        var section = await newsroom.SectionAsync();
        await newsroom.PublishAsync(section, "Hub, take note");
        var ping = await received.WaitAsync(TimeSpan.FromSeconds(15));
        using var reader = new StreamReader(ping.Request.InputStream);
        var body = WebUtility.UrlDecode(await reader.ReadToEndAsync());
        ping.Response.StatusCode = 204;
        ping.Response.Close();

        Assert.Equal("POST", ping.Request.HttpMethod);
        Assert.Contains("hub.mode=publish", body);
        Assert.Contains("hub.url=https://news.example/feed/", body);
        Assert.Contains("hub.url=https://news.example/feed.json", body);
        Assert.Contains($"hub.url=https://news.example{section.Path}feed/", body);
    }
}
