using System.ComponentModel.DataAnnotations;
using Masthead.Articles;
using Masthead.Shared;
using Microsoft.Extensions.Options;

namespace Masthead.Feeds;

/// <summary>Section "Feeds".</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feeds";

    /// <summary>A WebSub hub to announce in feed headers and to ping when stories are published; none by default.</summary>
    [Url]
    public string? HubUrl { get; set; }
}

public static class FeedsModule
{
    public static WebApplicationBuilder AddFeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedOptions>().Bind(builder.Configuration.GetSection(FeedOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<FeedOptions>>().Value);
        builder.Services.AddHttpClient(nameof(WebSubPinger));
        builder.Services.AddSingleton<WebSubPinger>();
        builder.Services.AddSingleton<IOnArticlePublished>(sp => sp.GetRequiredService<WebSubPinger>());
        return builder;
    }
}

/// <summary>
/// Tells the configured WebSub hub that the site's feeds changed, in the background: publishing never waits on the
/// hub and never fails because of it.
/// </summary>
public sealed class WebSubPinger(FeedOptions options, SiteOptions site, IHttpClientFactory clients, ILogger<WebSubPinger> logger) : IOnArticlePublished
{
    public void ArticlePublished(int articleId)
    {
        if (string.IsNullOrEmpty(options.HubUrl))
        {
            return;
        }
        var feeds = new[] { "/feed/", "/feed/atom/", "/feed.json" }.Select(p => site.PublicUrl + p).ToList();
        _ = Task.Run(async () =>
        {
            try
            {
                using var client = clients.CreateClient(nameof(WebSubPinger));
                client.Timeout = TimeSpan.FromSeconds(10);
                var fields = new List<KeyValuePair<string, string>> { new("hub.mode", "publish") };
                fields.AddRange(feeds.Select(f => new KeyValuePair<string, string>("hub.url", f)));
                using var response = await client.PostAsync(options.HubUrl, new FormUrlEncodedContent(fields));
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("The WebSub hub answered {Status} to the publish ping", (int)response.StatusCode);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                logger.LogWarning(e, "Could not ping the WebSub hub {Hub}", options.HubUrl);
            }
        });
    }
}
