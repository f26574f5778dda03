using Masthead.Comments;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

public sealed record AuthorLink(string Slug, string Name, string JobTitle)
{
    public string Path => $"/author/{Slug}/";
}

public sealed record TagLink(string Slug, string Name)
{
    public string Path => $"/tag/{Slug}/";
}

public sealed record ImageView(string FileName, int Width, int Height, string AltText, string Caption, string Credit)
{
    public string Url => $"/media/{FileName}";
}

/// <summary>Everything the article page shows of the article itself, read in one query.</summary>
public sealed record ArticleView
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Headline { get; init; }
    public string Standfirst { get; init; } = "";
    public string? Dateline { get; init; }
    public string BodyHtml { get; init; } = "";
    public ArticleStatus Status { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public DateTime ModifiedAt { get; init; }
    public int SectionId { get; init; }
    public required string SectionName { get; init; }
    public required string SectionSlug { get; init; }
    public string? SourceName { get; init; }
    public string? SourceHome { get; init; }
    public string? SourceUrl { get; init; }
    public ImageView? Image { get; init; }
    public int? ReadAlsoArticleId { get; init; }
    public int CommentCount { get; init; }
    public bool CommentsOpen { get; init; }
    public string? WithdrawalNote { get; init; }
    public List<AuthorLink> Authors { get; init; } = [];
    public List<TagLink> Tags { get; init; } = [];
    public string Path => ArticlePaths.For(PublishedAt, Slug);
    public string SectionPath => $"/section/{SectionSlug}/";
}

[OutputCache(PolicyName = SiteCache.PublicPolicy)]
public sealed class ReadModel(MastheadDb db) : PageModel, IHasPageHead
{
    private const int RelatedCount = 4;

    public PageHead Head { get; } = new() { OpenGraphType = "article" };
    public ArticleView Article { get; private set; } = null!;
    public ArticleCard? ReadAlso { get; private set; }
    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];
    public ArticleCard? Older { get; private set; }
    public ArticleCard? Newer { get; private set; }
    public IReadOnlyList<CommentThread> Comments { get; private set; } = [];
    public bool IsWithdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.PublishedAt != null && (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Withdrawn))
            .Select(a => new ArticleView
            {
                Id = a.Id,
                Slug = a.Slug,
                Headline = a.Headline,
                Standfirst = a.Standfirst,
                Dateline = a.Dateline,
                BodyHtml = a.BodyHtml,
                Status = a.Status,
                PublishedAt = a.PublishedAt!.Value,
                UpdatedAt = a.UpdatedAt,
                ModifiedAt = a.ModifiedAt,
                SectionId = a.SectionId,
                SectionName = a.Section.Name,
                SectionSlug = a.Section.Slug,
                SourceName = a.Source != null ? a.Source.Name : null,
                SourceHome = a.Source != null ? a.Source.Url : null,
                SourceUrl = a.SourceUrl,
                Image = a.Image == null ? null
                    : new ImageView(a.Image.FileName, a.Image.Width, a.Image.Height, a.Image.AltText, a.Image.Caption, a.Image.Credit),
                ReadAlsoArticleId = a.ReadAlsoArticleId,
                CommentCount = a.CommentCount,
                CommentsOpen = a.CommentsOpen,
                WithdrawalNote = a.WithdrawalNote,
                Authors = a.Bylines.OrderBy(b => b.Position).Select(b => new AuthorLink(b.Author.Slug, b.Author.Name, b.Author.JobTitle)).ToList(),
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => new TagLink(t.Slug, t.Name)).ToList(),
            })
            .FirstOrDefaultAsync(ct);

        if (article is null)
        {
            return await RedirectFromOldPathAsync(ct);
        }
        if (!string.Equals(Request.Path.Value, article.Path, StringComparison.Ordinal))
        {
            // Wrong date or a missing trailing slash: one address per article.
            return RedirectPermanent(article.Path);
        }

        Article = article;
        Head.Title = article.Headline;
        Head.Description = article.Standfirst;
        Head.CanonicalPath = article.Path;
        Head.ImagePath = article.Image?.Url;

        if (article.Status == ArticleStatus.Withdrawn)
        {
            IsWithdrawn = true;
            Head.NoIndex = true;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Response.Headers.LastModified = article.ModifiedAt.ToString("R");
        await LoadSurroundingsAsync(article, ct);
        Comments = CommentThread.Build(await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.Body, c.CreatedAt))
            .ToListAsync(ct));
        return Page();
    }

    /// <summary>The related stories, the "READ ALSO" pick and the neighbours in the section.</summary>
    private async Task LoadSurroundingsAsync(ArticleView article, CancellationToken ct)
    {
        var tagSlugs = article.Tags.Select(t => t.Slug).ToList();
        var related = await db.Articles.AsNoTracking().Public()
            .Where(a => a.Id != article.Id)
            .Select(a => new { Article = a, Shared = a.Tags.Count(t => tagSlugs.Contains(t.Slug)) })
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared * 2 + (x.Article.SectionId == article.SectionId ? 1 : 0))
            .ThenByDescending(x => x.Article.PublishedAt)
            .Select(x => x.Article)
            .Take(RelatedCount + 1)
            .ToCards()
            .ToListAsync(ct);

        if (article.ReadAlsoArticleId is { } picked)
        {
            ReadAlso = related.FirstOrDefault(r => r.Id == picked)
                ?? await db.Articles.AsNoTracking().Public().Where(a => a.Id == picked).ToCards().FirstOrDefaultAsync(ct);
        }
        ReadAlso ??= related.FirstOrDefault();
        Related = related.Where(r => r != ReadAlso).Take(RelatedCount).ToList();

        var published = article.PublishedAt;
        var inSection = db.Articles.AsNoTracking().Public().Where(a => a.SectionId == article.SectionId);
        Older = await inSection
            .Where(a => a.PublishedAt < published || (a.PublishedAt == published && a.Id < article.Id))
            .Newest().ToCards().FirstOrDefaultAsync(ct);
        Newer = await inSection
            .Where(a => a.PublishedAt > published || (a.PublishedAt == published && a.Id > article.Id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).ToCards().FirstOrDefaultAsync(ct);
    }

    /// <summary>An article that moved (its slug changed) keeps answering at its old address with a 301.</summary>
    private async Task<IActionResult> RedirectFromOldPathAsync(CancellationToken ct)
    {
        var path = Request.Path.Value ?? "/";
        if (!path.EndsWith('/'))
        {
            path += "/";
        }
        var target = await db.Redirects.AsNoTracking()
            .Where(r => r.Path == path && r.Article.PublishedAt != null
                && (r.Article.Status == ArticleStatus.Published || r.Article.Status == ArticleStatus.Withdrawn))
            .Select(r => new { r.Article.Slug, r.Article.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return target is null ? NotFound() : RedirectPermanent(ArticlePaths.For(target.PublishedAt!.Value, target.Slug));
    }

    /// <summary>The stored body with the "READ ALSO" link put in its place.</summary>
    public string BodyWithReadAlso()
    {
        var link = ReadAlso is null ? "" :
            $"<p class=\"read-also\"><strong>READ ALSO:</strong> <a href=\"{ReadAlso.Path}\">{System.Net.WebUtility.HtmlEncode(ReadAlso.Headline)}</a></p>";
        return Article.BodyHtml.Replace(ArticleRenderer.ReadAlsoSlot, link, StringComparison.Ordinal);
    }
}
