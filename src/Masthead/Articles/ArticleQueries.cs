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
    /// <param name="counted">The same stories asked another way, for the count only (see <see cref="TaggedWith"/>).</param>
    public static async Task<Paged<ArticleCard>?> PageAsync(this IQueryable<Article> articles, int page, int pageSize, string basePath,
        CancellationToken ct, int offset = 0, IQueryable<Article>? counted = null)
    {
        if (page < 1)
        {
            return null;
        }
        var total = Math.Max(0, await (counted ?? articles).CountAsync(ct) - offset);
        var pages = Paged<ArticleCard>.CountPages(total, pageSize);
        if (page > pages)
        {
            return null;
        }
        var items = await articles.Newest().Skip(offset + (page - 1) * pageSize).Take(pageSize).ToCards().ToListAsync(ct);
        return new Paged<ArticleCard>(items, page, pages, total, basePath);
    }

    /// <summary>
    /// The stories with the tag, as the ids its side of ArticleTags lists. For counting them: asked as "has the tag" (a
    /// correlated EXISTS), SQLite checks every published story of the site (84 ms at 100,000 stories), while this reads
    /// the tag's few thousand ids and looks each story up by its key (8 ms). A page of them is still best asked the
    /// other way, which walks the newest stories and stops once the page is full.
    /// </summary>
    public static IQueryable<Article> TaggedWith(this IQueryable<Article> articles, MastheadDb db, int tagId) =>
        articles.Where(a => db.ArticleTags
            .Where(at => EF.Property<int>(at, MastheadDb.ArticleTagsTagId) == tagId)
            .Select(at => EF.Property<int>(at, MastheadDb.ArticleTagsArticleId)).Contains(a.Id));

    /// <summary>The stories the author has a byline on, as the bylines list them: for counting them (see <see cref="TaggedWith"/>).</summary>
    public static IQueryable<Article> BylinedTo(this IQueryable<Article> articles, MastheadDb db, string authorSlug) =>
        articles.Where(a => db.Bylines.Where(b => b.Author.Slug == authorSlug).Select(b => b.ArticleId).Contains(a.Id));

    /// <summary>
    /// Every section's <paramref name="perSection"/> newest public stories, in one statement. Each section's are found
    /// as the ids its newest-first index lists (a correlated <c>IN</c>), then looked up by key: asked as "the first n of
    /// each section" EF numbers every public story of the site (ROW_NUMBER over all of them, 0.8 s at 100,000 stories,
    /// every row read with its body), while this reads a few index entries per section.
    /// </summary>
    public static IQueryable<Article> NewestPerSection(this MastheadDb db, int perSection)
    {
        var newest = db.Articles.Public().Newest();
        return from s in db.Sections
            from a in db.Articles
            where newest.Where(n => n.SectionId == s.Id).Take(perSection).Select(n => n.Id).Contains(a.Id)
            select a;
    }

    public static Task<List<ArticleCard>> LatestAsync(this MastheadDb db, int count, CancellationToken ct) =>
        db.Articles.Public().Newest().Take(count).ToCards().ToListAsync(ct);
}
