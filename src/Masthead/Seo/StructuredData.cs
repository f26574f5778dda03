using System.Text.Json;
using System.Text.Json.Nodes;
using Masthead.Articles;
using Masthead.Shared;

namespace Masthead.Seo;

/// <summary>
/// schema.org JSON-LD for search engines: NewsArticle on article pages, BreadcrumbList on sections and articles.
/// Serialized by System.Text.Json, whose default encoder escapes &lt; and &gt;, so no value can close the script element.
/// </summary>
public static class StructuredData
{
    public static string NewsArticle(ArticleView article, string baseUrl, SiteOptions site, SiteClock clock)
    {
        var url = baseUrl + article.Path;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["headline"] = article.Headline.Length > 110 ? article.Headline[..110] : article.Headline,
            ["description"] = article.Standfirst,
            ["datePublished"] = clock.Iso(article.PublishedAt),
            ["dateModified"] = clock.Iso(article.UpdatedAt ?? article.PublishedAt),
            ["articleSection"] = article.SectionName,
            ["inLanguage"] = site.Language,
            ["author"] = new JsonArray([.. article.Authors.Select(a => (JsonNode)new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = a.Name,
                ["url"] = baseUrl + a.Path,
            })]),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = site.Name,
                ["url"] = baseUrl + "/",
                ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = baseUrl + "/logo.png", ["width"] = 600, ["height"] = 60 },
            },
        };
        if (article.Image is { } image)
        {
            json["image"] = new JsonArray(new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = baseUrl + image.Url,
                ["width"] = image.Width,
                ["height"] = image.Height,
                ["caption"] = image.Caption,
            });
        }
        if (article.Corrections.Count > 0)
        {
            // The corrections log, as schema.org's CorrectionComment.
            json["correction"] = new JsonArray([.. article.Corrections.Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["text"] = c.Note,
                ["datePublished"] = clock.Iso(c.At),
            })]);
        }
        if (article.Tags.Count > 0)
        {
            json["keywords"] = new JsonArray([.. article.Tags.Select(t => (JsonNode)JsonValue.Create(t.Name)!)]);
        }
        if (article.SourceName is not null)
        {
            // Wire copy: say whose it is and where the original lives.
            json["sourceOrganization"] = new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = article.SourceName, ["url"] = article.SourceHome };
            if (Uri.TryCreate(article.SourceUrl, UriKind.Absolute, out var original) && (original.Scheme == Uri.UriSchemeHttps || original.Scheme == Uri.UriSchemeHttp))
            {
                json["isBasedOn"] = article.SourceUrl;
            }
        }
        return json.ToJsonString();
    }

    public static string Breadcrumbs(string baseUrl, string siteName, params (string Name, string Path)[] trail)
    {
        var items = new JsonArray();
        var position = 1;
        foreach (var (name, path) in new[] { (siteName, "/") }.Concat(trail))
        {
            items.Add(new JsonObject { ["@type"] = "ListItem", ["position"] = position++, ["name"] = name, ["item"] = baseUrl + path });
        }
        return new JsonObject { ["@context"] = "https://schema.org", ["@type"] = "BreadcrumbList", ["itemListElement"] = items }.ToJsonString();
    }
}
