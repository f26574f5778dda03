using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Masthead.Articles;

namespace Masthead.Feeds;

/// <summary>A story as feeds carry it: the whole body, its people, its place in the site.</summary>
public sealed record FeedEntry(
    int Id, string Headline, string Standfirst, string BodyHtml, DateTime PublishedAt, DateTime ModifiedAt, string Path,
    string SectionName, IReadOnlyList<string> Authors, IReadOnlyList<string> Tags, string? ImagePath, string? ImageType, long ImageLength);

/// <summary>What a feed is about: the site, a section, a tag or an author.</summary>
public sealed record FeedChannel(string Title, string Description, string HtmlPath, string FeedBasePath, string Language);

public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}

/// <summary>
/// Writes RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same entries with maintained writers: the XML formats with
/// System.ServiceModel.Syndication, JSON Feed with System.Text.Json. Every URL is absolute.
/// </summary>
public static class FeedWriter
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNs = "http://purl.org/dc/elements/1.1/";

    public static string ContentType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };

    public static string SelfPath(FeedChannel channel, FeedFormat format) => format switch
    {
        FeedFormat.Rss => $"{channel.FeedBasePath}feed/",
        FeedFormat.Atom => $"{channel.FeedBasePath}feed/atom/",
        _ => $"{channel.FeedBasePath}feed.json",
    };

    public static byte[] Write(FeedFormat format, FeedChannel channel, IReadOnlyList<FeedEntry> entries, string baseUrl, string siteName) =>
        format == FeedFormat.Json ? JsonFeed(channel, entries, baseUrl) : XmlFeed(format, channel, entries, baseUrl, siteName);

    /// <summary>The body as readers of a feed should get it: without the on-page "READ ALSO" placeholder, with absolute links.</summary>
    private static string FeedBody(FeedEntry entry, string baseUrl) =>
        entry.BodyHtml.Replace(ArticleRenderer.ReadAlsoSlot, "", StringComparison.Ordinal)
            .Replace("src=\"/", $"src=\"{baseUrl}/", StringComparison.Ordinal)
            .Replace("href=\"/", $"href=\"{baseUrl}/", StringComparison.Ordinal);

    private static byte[] XmlFeed(FeedFormat format, FeedChannel channel, IReadOnlyList<FeedEntry> entries, string baseUrl, string siteName)
    {
        var feed = new SyndicationFeed(channel.Title, channel.Description, new Uri(baseUrl + channel.HtmlPath), baseUrl + SelfPath(channel, format),
            entries.Count > 0 ? new DateTimeOffset(entries.Max(e => e.ModifiedAt)) : DateTimeOffset.UnixEpoch)
        {
            Language = channel.Language,
            Generator = "Masthead",
        };
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + SelfPath(channel, format))) { RelationshipType = "self", MediaType = ContentType(format).Split(';')[0] });
        // Atom needs an author for the feed unless every entry has one; the publication itself is the fallback.
        feed.Authors.Add(new SyndicationPerson { Name = siteName, Uri = baseUrl + "/" });
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", "http://www.w3.org/2000/xmlns/"), ContentNs);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCoreNs);

        feed.Items = entries.Select(e =>
        {
            var url = baseUrl + e.Path;
            var body = FeedBody(e, baseUrl);
            var item = new SyndicationItem
            {
                Id = url,
                Title = new TextSyndicationContent(e.Headline),
                Summary = new TextSyndicationContent(e.Standfirst),
                PublishDate = new DateTimeOffset(e.PublishedAt),
                LastUpdatedTime = new DateTimeOffset(e.ModifiedAt),
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
            if (e.SectionName.Length > 0)
            {
                item.Categories.Add(new SyndicationCategory(e.SectionName));
            }
            foreach (var tag in e.Tags)
            {
                item.Categories.Add(new SyndicationCategory(tag));
            }
            if (format == FeedFormat.Atom)
            {
                item.Content = SyndicationContent.CreateHtmlContent(body);
                foreach (var author in e.Authors.DefaultIfEmpty(siteName))
                {
                    item.Authors.Add(new SyndicationPerson { Name = author });
                }
            }
            else
            {
                // RSS: the standfirst as the description, the whole story in content:encoded, people in dc:creator.
                item.ElementExtensions.Add("encoded", ContentNs, body);
                foreach (var author in e.Authors)
                {
                    item.ElementExtensions.Add("creator", DublinCoreNs, author);
                }
            }
            if (e.ImagePath is not null)
            {
                item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(baseUrl + e.ImagePath), e.ImageType ?? "image/jpeg", e.ImageLength));
            }
            return item;
        }).ToList();

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Atom
                ? new Atom10FeedFormatter(feed)
                : new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false);
            writer.WriteStartDocument();
            formatter.WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private static byte[] JsonFeed(FeedChannel channel, IReadOnlyList<FeedEntry> entries, string baseUrl)
    {
        var feed = new JsonFeedDocument(
            Version: "https://jsonfeed.org/version/1.1",
            Title: channel.Title,
            HomePageUrl: baseUrl + channel.HtmlPath,
            FeedUrl: baseUrl + SelfPath(channel, FeedFormat.Json),
            Description: channel.Description,
            Language: channel.Language,
            Items: entries.Select(e => new JsonFeedItem(
                Id: baseUrl + e.Path,
                Url: baseUrl + e.Path,
                Title: e.Headline,
                Summary: e.Standfirst,
                ContentHtml: FeedBody(e, baseUrl),
                Image: e.ImagePath is null ? null : baseUrl + e.ImagePath,
                DatePublished: new DateTimeOffset(e.PublishedAt),
                DateModified: new DateTimeOffset(e.ModifiedAt),
                Authors: e.Authors.Select(a => new JsonFeedAuthor(a)).ToList(),
                Tags: [.. new[] { e.SectionName }.Where(s => s.Length > 0), .. e.Tags])).ToList());
        return JsonSerializer.SerializeToUtf8Bytes(feed, JsonFeedContext.Default.JsonFeedDocument);
    }
}

internal sealed record JsonFeedDocument(string Version, string Title, string HomePageUrl, string FeedUrl, string Description, string Language, IReadOnlyList<JsonFeedItem> Items);

internal sealed record JsonFeedItem(string Id, string Url, string Title, string Summary, string ContentHtml, string? Image,
    DateTimeOffset DatePublished, DateTimeOffset DateModified, IReadOnlyList<JsonFeedAuthor> Authors, IReadOnlyList<string> Tags);

internal sealed record JsonFeedAuthor(string Name);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(JsonFeedDocument))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
