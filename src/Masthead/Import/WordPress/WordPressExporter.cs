using System.Globalization;
using System.Xml;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Pages;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Import.WordPress;

/// <summary>
/// Writes the site as a WordPress export (WXR 1.2) that WordPress's importer accepts: authors, categories (sections),
/// tags, posts with their bodies, terms, featured-image attachments, approved and held comments with their
/// threading, and standing pages as "page" items. Streams article by article; commenters' emails are included, as WordPress's own export does, so the
/// file must be treated as private.
/// </summary>
public sealed class WordPressExporter(MastheadDb db, SiteOptions site)
{
    private const string Wp = "http://wordpress.org/export/1.2/";
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string Excerpt = "http://wordpress.org/export/1.2/excerpt/";
    private const string Dc = "http://purl.org/dc/elements/1.1/";

    public async Task<int> ExportAsync(Stream output, CancellationToken ct)
    {
        var baseUrl = site.PublicUrl;
        await using var writer = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await writer.WriteStartDocumentAsync();
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "excerpt", null, Excerpt);
        writer.WriteAttributeString("xmlns", "content", null, Content);
        writer.WriteAttributeString("xmlns", "wfw", null, "http://wellformedweb.org/CommentAPI/");
        writer.WriteAttributeString("xmlns", "dc", null, Dc);
        writer.WriteAttributeString("xmlns", "wp", null, Wp);
        writer.WriteStartElement("channel");
        writer.WriteElementString("title", site.Name);
        writer.WriteElementString("link", baseUrl);
        writer.WriteElementString("description", site.Description);
        writer.WriteElementString("language", site.Language);
        writer.WriteElementString("wxr_version", Wp, "1.2");
        writer.WriteElementString("base_site_url", Wp, baseUrl);
        writer.WriteElementString("base_blog_url", Wp, baseUrl);

        foreach (var author in await db.Authors.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
        {
            writer.WriteStartElement("author", Wp);
            writer.WriteElementString("author_id", Wp, Invariant(author.Id));
            Cdata(writer, "author_login", author.Slug);
            Cdata(writer, "author_email", author.Email ?? "");
            Cdata(writer, "author_display_name", author.Name);
            writer.WriteEndElement();
        }
        foreach (var section in await db.Sections.AsNoTracking().OrderBy(s => s.Position).ToListAsync(ct))
        {
            writer.WriteStartElement("category", Wp);
            writer.WriteElementString("term_id", Wp, Invariant(section.Id));
            Cdata(writer, "category_nicename", section.Slug);
            Cdata(writer, "category_parent", "");
            Cdata(writer, "cat_name", section.Name);
            Cdata(writer, "category_description", section.Description);
            writer.WriteEndElement();
        }
        foreach (var tag in await db.Tags.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct))
        {
            writer.WriteStartElement("tag", Wp);
            writer.WriteElementString("term_id", Wp, Invariant(tag.Id));
            Cdata(writer, "tag_slug", tag.Slug);
            Cdata(writer, "tag_name", tag.Name);
            writer.WriteEndElement();
        }

        var ids = await db.Articles.AsNoTracking().Where(a => a.Status != ArticleStatus.Withdrawn).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            var a = await db.Articles.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new
                {
                    x.Id, x.Headline, x.Slug, x.Standfirst, x.BodyHtml, x.Status, x.PublishedAt, x.CreatedAt, x.ModifiedAt, x.CommentsOpen,
                    Section = new { x.Section.Slug, x.Section.Name },
                    Tags = x.Tags.Select(t => new { t.Slug, t.Name }).ToList(),
                    Author = x.Bylines.OrderBy(b => b.Position).Select(b => b.Author.Slug).FirstOrDefault(),
                    Image = x.Image == null ? null : new { x.Image.Id, x.Image.FileName, x.Image.AltText, x.Image.Caption, x.Image.SourceUrl },
                })
                .AsSplitQuery().SingleAsync(ct);
            var date = a.PublishedAt ?? a.CreatedAt;
            var link = a.Status == ArticleStatus.Published ? baseUrl + ArticlePaths.For(date, a.Slug) : $"{baseUrl}/?p={a.Id}";
            if (a.Image is { } image)
            {
                // The featured image as an attachment item, as WordPress exports it; its id must not clash with posts'.
                var attachmentId = 1_000_000_000 + image.Id;
                writer.WriteStartElement("item");
                writer.WriteElementString("title", image.AltText);
                writer.WriteElementString("link", baseUrl + "/media/" + image.FileName);
                writer.WriteElementString("post_id", Wp, Invariant(attachmentId));
                Cdata(writer, "post_type", "attachment");
                Cdata(writer, "status", "inherit");
                Cdata(writer, "attachment_url", image.SourceUrl ?? baseUrl + "/media/" + image.FileName);
                writer.WriteStartElement("encoded", Excerpt);
                writer.WriteCData(image.Caption);
                writer.WriteEndElement();
                Meta(writer, "_wp_attachment_image_alt", image.AltText);
                writer.WriteEndElement();
            }
            writer.WriteStartElement("item");
            writer.WriteElementString("title", a.Headline);
            writer.WriteElementString("link", link);
            writer.WriteElementString("pubDate", date.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteStartElement("creator", Dc);
            writer.WriteCData(a.Author ?? "");
            writer.WriteEndElement();
            writer.WriteStartElement("guid");
            writer.WriteAttributeString("isPermaLink", "false");
            writer.WriteString($"{baseUrl}/?p={a.Id}");
            writer.WriteEndElement();
            writer.WriteStartElement("encoded", Content);
            writer.WriteCData(a.BodyHtml.Replace(ArticleRenderer.ReadAlsoSlot, "", StringComparison.Ordinal));
            writer.WriteEndElement();
            writer.WriteStartElement("encoded", Excerpt);
            writer.WriteCData(a.Standfirst);
            writer.WriteEndElement();
            writer.WriteElementString("post_id", Wp, Invariant(a.Id));
            Cdata(writer, "post_date", Wordpress(date));
            Cdata(writer, "post_date_gmt", Wordpress(date));
            Cdata(writer, "post_modified", Wordpress(a.ModifiedAt));
            Cdata(writer, "post_modified_gmt", Wordpress(a.ModifiedAt));
            Cdata(writer, "comment_status", a.CommentsOpen ? "open" : "closed");
            Cdata(writer, "post_name", a.Slug);
            Cdata(writer, "status", a.Status switch { ArticleStatus.Published => "publish", ArticleStatus.Scheduled => "future", _ => "draft" });
            writer.WriteElementString("post_parent", Wp, "0");
            Cdata(writer, "post_type", "post");
            Term(writer, "category", a.Section.Slug, a.Section.Name);
            foreach (var tag in a.Tags)
            {
                Term(writer, "post_tag", tag.Slug, tag.Name);
            }
            if (a.Image is { } featured)
            {
                Meta(writer, "_thumbnail_id", Invariant(1_000_000_000 + featured.Id));
            }
            foreach (var c in await db.Comments.AsNoTracking().Where(c => c.ArticleId == a.Id && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Pending))
                .OrderBy(c => c.Id).ToListAsync(ct))
            {
                writer.WriteStartElement("comment", Wp);
                writer.WriteElementString("comment_id", Wp, Invariant(c.Id));
                Cdata(writer, "comment_author", c.AuthorName);
                Cdata(writer, "comment_author_email", c.AuthorEmail);
                writer.WriteElementString("comment_author_url", Wp, c.AuthorUrl ?? "");
                writer.WriteElementString("comment_author_IP", Wp, c.IpAddress ?? "");
                Cdata(writer, "comment_date", Wordpress(c.CreatedAt));
                Cdata(writer, "comment_date_gmt", Wordpress(c.CreatedAt));
                Cdata(writer, "comment_content", c.Body);
                Cdata(writer, "comment_approved", c.Status == CommentStatus.Approved ? "1" : "0");
                Cdata(writer, "comment_type", "comment");
                writer.WriteElementString("comment_parent", Wp, Invariant(c.ParentId ?? 0));
                writer.WriteElementString("comment_user_id", Wp, "0");
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            await writer.FlushAsync();
        }
        await PagesAsync(writer, baseUrl, ct);
        writer.WriteEndElement();
        writer.WriteEndElement();
        await writer.WriteEndDocumentAsync();
        return ids.Count;
    }

    /// <summary>WordPress keeps posts and pages in one table: pages' ids are moved clear of articles' (and pictures') ids.</summary>
    public const int PageIdOffset = 2_000_000_000;

    /// <summary>Standing pages as WordPress "page" items, with their parent, menu order and status.</summary>
    private async Task PagesAsync(XmlWriter writer, string baseUrl, CancellationToken ct)
    {
        var pages = await db.SitePages.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var slugs = pages.ToDictionary(p => p.Id, p => p.Slug);
        foreach (var p in pages)
        {
            var id = PageIdOffset + p.Id;
            var link = p.Status == SitePageStatus.Published
                ? baseUrl + SitePagePaths.For(p.Slug, p.ParentId is { } parent ? slugs.GetValueOrDefault(parent) : null)
                : $"{baseUrl}/?page_id={Invariant(id)}";
            writer.WriteStartElement("item");
            writer.WriteElementString("title", p.Title);
            writer.WriteElementString("link", link);
            writer.WriteElementString("pubDate", p.CreatedAt.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteStartElement("creator", Dc);
            writer.WriteCData("");
            writer.WriteEndElement();
            writer.WriteStartElement("guid");
            writer.WriteAttributeString("isPermaLink", "false");
            writer.WriteString($"{baseUrl}/?page_id={Invariant(id)}");
            writer.WriteEndElement();
            writer.WriteElementString("description", "");
            writer.WriteStartElement("encoded", Content);
            writer.WriteCData(p.BodyHtml);
            writer.WriteEndElement();
            writer.WriteStartElement("encoded", Excerpt);
            writer.WriteCData(p.SeoDescription ?? "");
            writer.WriteEndElement();
            writer.WriteElementString("post_id", Wp, Invariant(id));
            Cdata(writer, "post_date", Wordpress(p.CreatedAt));
            Cdata(writer, "post_date_gmt", Wordpress(p.CreatedAt));
            Cdata(writer, "post_modified", Wordpress(p.UpdatedAt));
            Cdata(writer, "post_modified_gmt", Wordpress(p.UpdatedAt));
            Cdata(writer, "comment_status", "closed");
            Cdata(writer, "ping_status", "closed");
            Cdata(writer, "post_name", p.Slug);
            Cdata(writer, "status", p.Status == SitePageStatus.Published ? "publish" : "draft");
            writer.WriteElementString("post_parent", Wp, Invariant(p.ParentId is { } parentId ? PageIdOffset + parentId : 0));
            writer.WriteElementString("menu_order", Wp, Invariant(p.MenuOrder));
            Cdata(writer, "post_type", "page");
            Cdata(writer, "post_password", "");
            writer.WriteElementString("is_sticky", Wp, "0");
            writer.WriteEndElement();
        }
        await writer.FlushAsync();
    }

    private static void Cdata(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name, Wp);
        writer.WriteCData(value);
        writer.WriteEndElement();
    }

    private static void Term(XmlWriter writer, string domain, string slug, string name)
    {
        writer.WriteStartElement("category");
        writer.WriteAttributeString("domain", domain);
        writer.WriteAttributeString("nicename", slug);
        writer.WriteCData(name);
        writer.WriteEndElement();
    }

    private static void Meta(XmlWriter writer, string key, string value)
    {
        writer.WriteStartElement("postmeta", Wp);
        Cdata(writer, "meta_key", key);
        Cdata(writer, "meta_value", value);
        writer.WriteEndElement();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Wordpress(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
