using System.Linq.Expressions;
using Masthead.Data;
using Masthead.Media;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>A desk of the newsroom (Politics, Business, ...); every article belongs to exactly one.</summary>
public class Section
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Order on the front page and in the navigation.</summary>
    public int Position { get; set; }
    public string Path => $"/section/{Slug}/";
}

/// <summary>
/// How many stories carry a tag, of any status, counted in its rows of ArticleTags alone. EF's <c>t.Articles.Count</c>
/// joins each of those rows to its story first (0.4 s to order the tags by it at 100,000 stories).
/// </summary>
public static class TagStories
{
    public static Expression<Func<Tag, int>> Count(MastheadDb db) =>
        t => db.ArticleTags.Count(at => EF.Property<int>(at, MastheadDb.ArticleTagsTagId) == t.Id);
}

public class Tag
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Shown at the top of the tag's page.</summary>
    public string Description { get; set; } = "";
    public List<Article> Articles { get; set; } = [];
    public string Path => $"/tag/{Slug}/";
}

/// <summary>A person credited in bylines, with a public profile page.</summary>
public class Author
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Role shown with the name, e.g. "Political correspondent".</summary>
    public string JobTitle { get; set; } = "";
    public string Bio { get; set; } = "";
    public string? Email { get; set; }
    public int? ImageId { get; set; }
    public Image? Image { get; set; }
    public string Path => $"/author/{Slug}/";
}

/// <summary>A wire agency whose copy the site republishes with attribution ("Northwire reported").</summary>
public class Source
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Url { get; set; }
}

/// <summary>An old path that now lives elsewhere, e.g. after a slug change; answered with 301.</summary>
public class Redirect
{
    public int Id { get; set; }
    public required string Path { get; set; }
    /// <summary>The article now at the new address; null when the redirect leads to a standing page instead.</summary>
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
    /// <summary>The standing page (Pages feature) now at the new address; a plain id, so articles know nothing of pages.</summary>
    public int? SitePageId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum TaxonomyKind
{
    Section = 0,
    Tag = 1,
}

/// <summary>
/// A section's or tag's old slug, kept after a rename or a merge so that its old address answers 301 with the page
/// it became. Points at the id, not the new slug, so a second rename needs no update here.
/// </summary>
public class TaxonomyRedirect
{
    public int Id { get; set; }
    public TaxonomyKind Kind { get; set; }
    public required string OldSlug { get; set; }
    /// <summary>The section's or tag's id.</summary>
    public int TargetId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A story's stored neighbour: computed when either is published or updated, read by the article page.</summary>
public class RelatedArticle
{
    public int ArticleId { get; set; }
    public int RelatedId { get; set; }
    public Article Related { get; set; } = null!;
    /// <summary>1 is the closest.</summary>
    public int Rank { get; set; }
    public double Score { get; set; }
}
