using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>An article as lists show it: enough for a headline, a teaser and a picture.</summary>
public sealed record ArticleCard
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Headline { get; init; }
    public string Standfirst { get; init; } = "";
    public DateTime PublishedAt { get; init; }
    public required string SectionName { get; init; }
    public required string SectionSlug { get; init; }
    public string? ImageFile { get; init; }
    public string? ImageAlt { get; init; }
    public int ImageWidth { get; init; }
    public int ImageHeight { get; init; }
    /// <summary>The widths of the picture's responsive copies (see <see cref="Media.ResponsiveImage"/>).</summary>
    public string? ImageWidths { get; init; }
    public int CommentCount { get; init; }
    public string Path => ArticlePaths.For(PublishedAt, Slug);
    public string SectionPath => $"/section/{SectionSlug}/";
    public string? ImageUrl => ImageFile is null ? null : $"/media/{ImageFile}";
    public Media.ResponsiveImage? Picture => Media.ResponsiveImage.For(ImageFile, ImageWidth, ImageHeight, ImageWidths);
}

public static class ArticleQueries
{
    /// <summary>What readers may see: published articles (scheduled ones become published when their time comes).</summary>
    public static IQueryable<Article> Public(this IQueryable<Article> articles) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null);

    public static IQueryable<Article> Newest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static IQueryable<ArticleCard> ToCards(this IQueryable<Article> articles) => articles.Select(a => new ArticleCard
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        PublishedAt = a.PublishedAt!.Value,
        SectionName = a.Section.Name,
        SectionSlug = a.Section.Slug,
        // An imported picture has no size until its file is fetched (`media fetch`); until then the card has no picture.
        ImageFile = a.Image != null && a.Image.Width > 0 ? a.Image.FileName : null,
        ImageAlt = a.Image != null ? a.Image.AltText : null,
        ImageWidth = a.Image != null ? a.Image.Width : 0,
        ImageHeight = a.Image != null ? a.Image.Height : 0,
        ImageWidths = a.Image != null ? a.Image.Widths : null,
        CommentCount = a.CommentCount,
    });

    /// <summary>One page of newest-first cards; null when the page number is past the end (the caller answers 404).</summary>
    public static async Task<Paged<ArticleCard>?> PageAsync(this IQueryable<Article> articles, int page, int pageSize, string basePath,
        CancellationToken ct, int offset = 0)
    {
        if (page < 1)
        {
            return null;
        }
        var total = Math.Max(0, await articles.CountAsync(ct) - offset);
        var pages = Paged<ArticleCard>.CountPages(total, pageSize);
        if (page > pages)
        {
            return null;
        }
        var items = await articles.Newest().Skip(offset + (page - 1) * pageSize).Take(pageSize).ToCards().ToListAsync(ct);
        return new Paged<ArticleCard>(items, page, pages, total, basePath);
    }

    public static Task<List<ArticleCard>> LatestAsync(this MastheadDb db, int count, CancellationToken ct) =>
        db.Articles.Public().Newest().Take(count).ToCards().ToListAsync(ct);
}
