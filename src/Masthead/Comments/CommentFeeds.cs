using Masthead.Articles;
using Masthead.Data;
using Masthead.Feeds;
using Masthead.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Comments;

/// <summary>
/// RSS 2.0 feeds of the latest approved comments, for the whole site and for one article, written by the same
/// <see cref="FeedWriter"/> as the story feeds. Emails never appear.
/// </summary>
public static class CommentFeeds
{
    private const int Items = 50;

    public static void MapCommentFeeds(this WebApplication app)
    {
        app.MapGet("/comments/feed/", [OutputCache(PolicyName = SiteCache.PublicPolicy)] async (HttpContext context, MastheadDb db, SiteOptions site, CancellationToken ct) =>
        {
            context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(SiteCache.CommentsTag);
            var comments = db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Approved && c.Article.Status == ArticleStatus.Published);
            var channel = new FeedChannel($"Comments on {site.Name}", $"The latest replies from readers of {site.Name}.", "/", "/comments/", site.Language);
            return await ServeAsync(context, site, channel, comments, ct);
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
            var path = ArticlePaths.For(article.PublishedAt, article.Slug);
            var channel = new FeedChannel($"Comments on \u201c{article.Headline}\u201d", $"Readers' replies to \u201c{article.Headline}\u201d.", path, path, site.Language);
            var comments = db.Comments.AsNoTracking().Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved);
            return await ServeAsync(context, site, channel, comments, ct);
        });
    }

    private static async Task<IResult> ServeAsync(HttpContext context, SiteOptions site, FeedChannel channel, IQueryable<Comment> comments, CancellationToken ct)
    {
        var rows = await comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Items)
            .Select(c => new { c.Id, c.AuthorName, c.Body, c.BodyHtml, c.CreatedAt, c.Article.Headline, c.Article.Slug, PublishedAt = c.Article.PublishedAt!.Value })
            .ToListAsync(ct);
        // A comment as a feed entry: the plain text as the summary, the rendered text as the content, no emails.
        var entries = rows.Select(c => new FeedEntry(c.Id, $"Comment by {c.AuthorName} on \u201c{c.Headline}\u201d", c.Body, c.BodyHtml, c.CreatedAt, c.CreatedAt,
            $"{ArticlePaths.For(c.PublishedAt, c.Slug)}#comment-{c.Id}", SectionName: "", [c.AuthorName], [], ImagePath: null, ImageType: null, ImageLength: 0)).ToList();
        if (entries.Count > 0)
        {
            context.Response.Headers.LastModified = entries[0].PublishedAt.ToString("R");
        }
        return Results.Bytes(FeedWriter.Write(FeedFormat.Rss, channel, entries, site.BaseUrlFor(context.Request), site.Name), FeedWriter.ContentType(FeedFormat.Rss));
    }
}
