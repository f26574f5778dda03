namespace Masthead.Pages;

/// <summary>Whether readers can see a standing page.</summary>
public enum SitePageStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>
/// A standing page of the site (About us, Contact, Corrections policy), outside the news flow: no date, section or
/// byline. The body is Markdown like an article's; <see cref="BodyHtml"/> is its sanitized rendering, made when the
/// body changes. A page may sit under one top-level page (/about/team/); deeper nesting is not offered.
/// </summary>
public class SitePage
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Unique across all pages, so the last segment of an address names one page.</summary>
    public required string Slug { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    /// <summary>A top-level page this one sits under; null for a top-level page.</summary>
    public int? ParentId { get; set; }
    /// <summary>Lower comes first in the footer and among siblings.</summary>
    public int MenuOrder { get; set; }
    public SitePageStatus Status { get; set; }
    /// <summary>The description for search engines and social cards; the start of the body when empty.</summary>
    public string? SeoDescription { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Where an imported page came from (e.g. "http://old.example#post-12"): re-running an import updates it.</summary>
    public string? ImportKey { get; set; }
}

/// <summary>The address shapes of pages: /slug/ at the top, /parent/slug/ beneath one.</summary>
public static class SitePagePaths
{
    public static string For(string slug, string? parentSlug) => parentSlug is null ? $"/{slug}/" : $"/{parentSlug}/{slug}/";

    /// <summary>
    /// First segments the site already answers (or WordPress-era habits readers still type): a page there would
    /// hide them, so no page may take one. Numbers are refused separately: they are years in date archives.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "author", "comments", "css", "feed", "healthz", "js", "lib", "media", "page", "search", "section",
        "sitemaps", "status", "tag", "wp-admin", "wp-content", "wp-includes", "wp-json",
    };

    /// <summary>Lower-case letters, digits and single inner hyphens, as <see cref="Shared.Slugs"/> makes them, and not all digits.</summary>
    public static bool IsWellFormed(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= SitePageRules.MaxSlug && slug == Shared.Slugs.From(slug, SitePageRules.MaxSlug) && !slug.All(char.IsAsciiDigit);

    /// <summary>Why <paramref name="slug"/> cannot be a top-level page's address, or null when it can.</summary>
    public static string? WhyNotTopLevel(string slug) =>
        Reserved.Contains(slug) ? $"The address /{slug}/ belongs to the site itself; choose another."
        : slug.All(char.IsAsciiDigit) ? $"An address of digits only (/{slug}/) is read as a year of the archive; add a word."
        : null;
}

/// <summary>Lets the page route match only what could be a page, so it never competes with the site's own addresses.</summary>
public sealed class SitePageSlugConstraint : IRouteConstraint
{
    public const string Name = "sitepage";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && SitePagePaths.IsWellFormed(slug)
        && (routeKey != "first" || !SitePagePaths.Reserved.Contains(slug));
}
