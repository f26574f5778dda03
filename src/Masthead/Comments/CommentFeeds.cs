using System.ServiceModel.Syndication;
using System.Xml;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Comments;

/// <summary>RSS 2.0 feeds of the latest approved comments, for the whole site and for one article. Emails never appear.</summary>
public static class CommentFeeds
{
    private const int Items = 50;
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static void MapCommentFeeds(this WebApplication app)
    {
        app.MapGet("/comments/feed/", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(SiteCache.CommentsTag);
            var comments = await db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Approved && c.Article.Status == ArticleStatus.Published)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Items)
                .Select(c => new FeedComment(c.Id, c.AuthorName, c.BodyHtml, c.CreatedAt, c.Article.Headline, c.Article.Slug, c.Article.PublishedAt!.Value))
                .ToListAsync(ct);
            var baseUrl = site.BaseUrlFor(context.Request);
            return await FeedAsync(context, $"Comments on {site.Name}", $"The latest replies from readers of {site.Name}.", $"{baseUrl}/", $"{baseUrl}/comments/feed/", baseUrl, comments);
        });

        app.MapGet("/{year:int}/{month:int}/{day:int}/{slug}/feed/", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (string slug, HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            var article = await db.Articles.AsNoTracking().Public().Where(a => a.Slug == slug)
                .Select(a => new { a.Id, a.Headline, a.Slug, PublishedAt = a.PublishedAt!.Value }).FirstOrDefaultAsync(ct);
            if (article is null)
            {
                return Results.NotFound();
            }
            context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(SiteCache.ArticleTag(article.Id));
            var comments = await db.Comments.AsNoTracking().Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Items)
                .Select(c => new FeedComment(c.Id, c.AuthorName, c.BodyHtml, c.CreatedAt, article.Headline, article.Slug, article.PublishedAt))
                .ToListAsync(ct);
            var baseUrl = site.BaseUrlFor(context.Request);
            var path = ArticlePaths.For(article.PublishedAt, article.Slug);
            return await FeedAsync(context, $"Comments on \u201c{article.Headline}\u201d", $"Readers' replies to \u201c{article.Headline}\u201d.",
                $"{baseUrl}{path}", $"{baseUrl}{path}feed/", baseUrl, comments);
        });
    }

    private sealed record FeedComment(int Id, string AuthorName, string BodyHtml, DateTime CreatedAt, string Headline, string Slug, DateTime PublishedAt);


    private static async Task<IResult> FeedAsync(HttpContext context, string title, string description, string link, string self, string baseUrl, IReadOnlyList<FeedComment> comments)
    {
        var feed = new SyndicationFeed(title, description, new Uri(link))
        {
            LastUpdatedTime = comments.Count > 0 ? new DateTimeOffset(comments[0].CreatedAt) : DateTimeOffset.UnixEpoch,
            Generator = "Masthead",
        };
        feed.Links.Add(new SyndicationLink(new Uri(self)) { RelationshipType = "self", MediaType = "application/rss+xml" });
        feed.Items = comments.Select(c =>
        {
            var url = $"{baseUrl}{ArticlePaths.For(c.PublishedAt, c.Slug)}#comment-{c.Id}";
            var item = new SyndicationItem($"Comment by {c.AuthorName} on \u201c{c.Headline}\u201d", SyndicationContent.CreateHtmlContent(c.BodyHtml), new Uri(url), url,
                new DateTimeOffset(c.CreatedAt))
            {
                PublishDate = new DateTimeOffset(c.CreatedAt),
            };
            item.ElementExtensions.Add("creator", DublinCore, c.AuthorName);
            return item;
        }).ToList();

        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Async = true, Indent = true }))
        {
            var formatter = new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false);
            writer.WriteStartDocument();
            formatter.WriteTo(writer);
            await writer.FlushAsync();
        }
        if (comments.Count > 0)
        {
            context.Response.Headers.LastModified = comments[0].CreatedAt.ToString("R");
        }
        return Results.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }
}
