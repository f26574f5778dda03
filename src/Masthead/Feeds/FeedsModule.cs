using System.ComponentModel.DataAnnotations;
using Masthead.Articles;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;
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
        builder.Services.AddOptions<FeedOptions>().Bind(builder.Configuration.GetSection(FeedOptions.SectionName)).ValidateDataAnnotations()
            // The hub keys subscriptions by feed URL, so the URLs pinged must be the public ones.
            .Validate<IOptions<SiteOptions>>((feeds, site) => string.IsNullOrEmpty(feeds.HubUrl) || !string.IsNullOrEmpty(site.Value.BaseUrl),
                "Feeds:HubUrl needs Masthead:BaseUrl, the public address the hub's subscribers use.")
            .ValidateOnStart();
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
public sealed class WebSubPinger(FeedOptions options, SiteOptions site, IHttpClientFactory clients, IServiceScopeFactory scopes,
    ILogger<WebSubPinger> logger) : IOnArticlePublished
{
    private static readonly string[] Formats = ["feed/", "feed/atom/", "feed.json"];

    public void ArticlePublished(int articleId)
    {
        if (string.IsNullOrEmpty(options.HubUrl))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                // Every feed the story appears in: the site's, its section's, its tags' and its authors'.
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<Data.MastheadDb>();
                var lists = await db.Articles.Where(a => a.Id == articleId)
                    .Select(a => new
                    {
                        Section = a.Section.Slug,
                        Tags = a.Tags.Select(t => t.Slug).ToList(),
                        Authors = a.Bylines.Select(b => b.Author.Slug).ToList(),
                    })
                    .AsSplitQuery()
                    .FirstOrDefaultAsync();
                var bases = new List<string> { "/" };
                if (lists is not null)
                {
                    bases.Add($"/section/{lists.Section}/");
                    bases.AddRange(lists.Tags.Select(t => $"/tag/{t}/"));
                    bases.AddRange(lists.Authors.Select(a => $"/author/{a}/"));
                }
                var feeds = bases.SelectMany(b => Formats.Select(f => site.PublicUrl + b + f)).ToList();
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
