using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Media;
using Masthead.Search;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Import.WordPress;

/// <summary>What an import did, counted, with the reasons for anything skipped.</summary>
public sealed class ImportReport
{
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Comments { get; set; }
    public int Sections { get; set; }
    public int Tags { get; set; }
    public int Authors { get; set; }
    public int Images { get; set; }
    public int Redirects { get; set; }
    public List<string> Skipped { get; } = [];
    /// <summary>Set when the file could not be read; nothing was changed.</summary>
    public string? Error { get; set; }
    public bool DryRun { get; set; }

    public override string ToString() =>
        Error is not null ? $"Import failed, nothing was changed: {Error}"
        : $"{(DryRun ? "Dry run (nothing saved): " : "")}{Imported} articles imported, {Updated} updated, {Comments} comments, {Sections} sections, " +
          $"{Tags} tags, {Authors} authors, {Images} images, {Redirects} redirects; {Skipped.Count} skipped" +
          (Skipped.Count == 0 ? "." : ":\n  " + string.Join("\n  ", Skipped));
}

/// <summary>
/// Reads a WordPress export (WXR 1.1/1.2) item by item, so memory does not grow with the file, and brings it in
/// through the same rules as everything else: bodies rendered and sanitized by <see cref="ArticleRenderer"/>,
/// comments rendered by <see cref="CommentText"/>. Everything happens in one transaction: a broken file leaves the
/// database as it was. Items are keyed on the export's site URL and WordPress ids, so importing again updates.
/// DTDs and external entities are refused, which also stops entity-expansion bombs.
/// </summary>
public sealed class WordPressImporter(MastheadDb db, ArticleRenderer renderer, CommentText commentText, SiteClock clock,
    SiteCache cache, SectionDirectory sections, ISearchIndex search, RelatedStories related)
{
    private static readonly XNamespace Wp = "http://wordpress.org/export/1.2/";
    private static readonly XNamespace Wp11 = "http://wordpress.org/export/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Excerpt12 = "http://wordpress.org/export/1.2/excerpt/";
    private static readonly XNamespace Excerpt11 = "http://wordpress.org/export/1.1/excerpt/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public async Task<ImportReport> ImportAsync(Stream file, bool dryRun, Action<string>? progress, CancellationToken ct)
    {
        var report = new ImportReport { DryRun = dryRun };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await ReadAsync(file, report, progress, ct);
        }
        catch (XmlException e)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            report.Error = $"the file is not a readable WordPress export at line {e.LineNumber}, column {e.LinePosition}: {e.Message}";
            return report;
        }
        if (dryRun)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return report;
        }
        await search.RebuildAsync(ct);
        await related.RebuildAsync(ct);
        await transaction.CommitAsync(ct);
        sections.Invalidate();
        await cache.EvictContentAsync(ct);
        return report;
    }

    private async Task ReadAsync(Stream file, ImportReport report, Action<string>? progress, CancellationToken ct)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(file, settings);
        var site = "";
        var authors = new Dictionary<string, Author>(StringComparer.OrdinalIgnoreCase);
        var categories = new Dictionary<string, Section>(StringComparer.OrdinalIgnoreCase);
        var attachments = new Dictionary<string, Image>();
        var pendingThumbnails = new List<(int ArticleId, string AttachmentId)>();
        var items = 0;

        await reader.MoveToContentAsync();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync();
                continue;
            }
            var ns = reader.NamespaceURI;
            var isWp = ns == Wp.NamespaceName || ns == Wp11.NamespaceName;
            switch (reader.LocalName)
            {
                case "base_site_url" when isWp:
                    site = (await reader.ReadElementContentAsStringAsync()).Trim().TrimEnd('/');
                    continue;
                case "author" when isWp:
                    var author = await AuthorAsync((XElement)await XNode.ReadFromAsync(reader, ct), report, ct);
                    authors[author.Login] = author.Author;
                    continue;
                case "category" when isWp:
                    var (nicename, section) = await SectionAsync((XElement)await XNode.ReadFromAsync(reader, ct), report, ct);
                    categories[nicename] = section;
                    continue;
                case "tag" when isWp:
                    await TagAsync(Value((XElement)await XNode.ReadFromAsync(reader, ct), "tag_slug"), null, report, ct);
                    continue;
                case "item" when ns.Length == 0:
                    var item = (XElement)await XNode.ReadFromAsync(reader, ct);
                    await ItemAsync(item, site, authors, categories, attachments, pendingThumbnails, report, ct);
                    if (++items % 25 == 0)
                    {
                        progress?.Invoke($"{items} items read, {report.Imported + report.Updated} articles, {report.Comments} comments");
                    }
                    continue;
            }
            await reader.ReadAsync();
        }
        await db.SaveChangesAsync(ct);
        foreach (var (articleId, attachmentId) in pendingThumbnails)
        {
            if (attachments.TryGetValue(attachmentId, out var image))
            {
                await db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ImageId, image.Id), ct);
            }
        }
        progress?.Invoke($"{items} items read");
    }

    private async Task<(string Login, Author Author)> AuthorAsync(XElement element, ImportReport report, CancellationToken ct)
    {
        var login = Value(element, "author_login");
        var name = Value(element, "author_display_name") is { Length: > 0 } display ? display : login;
        var slug = Slugs.From(name) is { Length: > 0 } s ? s : Slugs.From(login);
        var email = Value(element, "author_email");
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, ct) ?? db.Authors.Local.FirstOrDefault(a => a.Slug == slug);
        if (author is null)
        {
            author = new Author { Slug = slug, Name = name, Email = email.Length > 0 ? email : null };
            db.Authors.Add(author);
            report.Authors++;
        }
        return (login, author);
    }

    private async Task<(string Nicename, Section Section)> SectionAsync(XElement element, ImportReport report, CancellationToken ct)
    {
        var nicename = Value(element, "category_nicename");
        var name = System.Net.WebUtility.HtmlDecode(Value(element, "cat_name"));
        var slug = Slugs.From(nicename) is { Length: > 0 } s ? s : Slugs.From(name);
        var section = await db.Sections.FirstOrDefaultAsync(x => x.Slug == slug, ct) ?? db.Sections.Local.FirstOrDefault(x => x.Slug == slug);
        if (section is null)
        {
            section = new Section { Slug = slug, Name = name, Description = Value(element, "category_description"), Position = 100 };
            db.Sections.Add(section);
            report.Sections++;
        }
        return (nicename, section);
    }

    private async Task<Tag?> TagAsync(string nicename, string? displayName, ImportReport report, CancellationToken ct)
    {
        var slug = Slugs.From(nicename);
        if (slug.Length == 0)
        {
            return null;
        }
        var tag = db.Tags.Local.FirstOrDefault(t => t.Slug == slug) ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is null)
        {
            tag = new Tag { Slug = slug, Name = displayName ?? nicename };
            db.Tags.Add(tag);
            report.Tags++;
        }
        return tag;
    }

    private async Task ItemAsync(XElement item, string site, Dictionary<string, Author> authors, Dictionary<string, Section> categories,
        Dictionary<string, Image> attachments, List<(int, string)> thumbnails, ImportReport report, CancellationToken ct)
    {
        var id = Value(item, "post_id");
        var type = Value(item, "post_type");
        var status = Value(item, "status");
        var title = System.Net.WebUtility.HtmlDecode((string?)item.Element("title") ?? "").Trim();
        var now = clock.UtcNow;

        if (type == "attachment")
        {
            var url = Value(item, "attachment_url");
            var fileName = $"imported/{id}-{Slugs.From(Path.GetFileNameWithoutExtension(url))}{Path.GetExtension(url).ToLowerInvariant()}";
            var image = await db.Images.FirstOrDefaultAsync(i => i.FileName == fileName, ct);
            if (image is null)
            {
                image = new Image { FileName = fileName, CreatedAt = now };
                db.Images.Add(image);
                report.Images++;
            }
            image.SourceUrl = url;
            image.AltText = Meta(item, "_wp_attachment_image_alt") ?? title;
            image.Caption = (string?)item.Element(Excerpt12 + "encoded") ?? (string?)item.Element(Excerpt11 + "encoded") ?? "";
            image.ContentType = Path.GetExtension(url).ToLowerInvariant() switch { ".png" => "image/png", ".gif" => "image/gif", ".webp" => "image/webp", _ => "image/jpeg" };
            attachments[id] = image;
            return;
        }
        if (type != "post")
        {
            report.Skipped.Add($"{type} {id} \u201c{title}\u201d: only posts become articles ({type}s are not imported yet)");
            return;
        }
        if (status is "trash" or "auto-draft" or "inherit")
        {
            report.Skipped.Add($"post {id} \u201c{title}\u201d: status {status}");
            return;
        }
        var terms = item.Elements("category").ToList();
        var categorySlug = terms.FirstOrDefault(c => (string?)c.Attribute("domain") == "category")?.Attribute("nicename")?.Value;
        if (categorySlug is null || !categories.TryGetValue(categorySlug, out var section))
        {
            section = categories.Values.FirstOrDefault()
                ?? (await SectionAsync(new XElement("category", new XElement(Wp + "category_nicename", "news"), new XElement(Wp + "cat_name", "News")), report, ct)).Section;
        }

        var key = $"{site}#post-{id}";
        var article = await db.Articles.Include(a => a.Tags).Include(a => a.Bylines).AsSplitQuery().FirstOrDefaultAsync(a => a.ImportKey == key, ct);
        var isNew = article is null;
        var postDate = Date(Value(item, "post_date_gmt")) ?? Date(Value(item, "post_date")) ?? now;
        var modified = Date(Value(item, "post_modified_gmt")) ?? postDate;
        var slug = Value(item, "post_name") is { Length: > 0 } name ? Slugs.From(Uri.UnescapeDataString(name)) : Slugs.From(title);
        if (slug.Length == 0)
        {
            slug = $"post-{id}";
        }
        if (isNew && (await db.Articles.AnyAsync(a => a.Slug == slug, ct) || db.Articles.Local.Any(a => a.Slug == slug)))
        {
            slug = $"{slug}-{id}";
        }
        article ??= new Article { Slug = slug, Headline = title, CreatedAt = postDate, ImportKey = key };
        article.Headline = title.Length == 0 ? $"Untitled ({id})" : title;
        article.Standfirst = System.Net.WebUtility.HtmlDecode(StripTags((string?)item.Element(Excerpt12 + "encoded") ?? (string?)item.Element(Excerpt11 + "encoded") ?? "")).Trim();
        article.BodyMarkdown = WordPressBody.Convert((string?)item.Element(Content + "encoded") ?? "");
        article.BodyHtml = renderer.Render(article.BodyMarkdown, article.ReadAlsoAfterParagraph);
        article.Section = section;
        article.CommentsOpen = Value(item, "comment_status") != "closed";
        (article.Status, article.PublishedAt) = status switch
        {
            "publish" => (ArticleStatus.Published, postDate),
            "future" => (ArticleStatus.Scheduled, postDate),
            _ => (ArticleStatus.Draft, (DateTime?)null),
        };
        if (status == "private")
        {
            report.Skipped.Add($"post {id} \u201c{title}\u201d: private, imported as a draft");
        }
        article.UpdatedAt = article.Status == ArticleStatus.Published && modified > postDate.AddMinutes(5) ? modified : null;
        article.ModifiedAt = modified;

        article.Tags.Clear();
        foreach (var term in terms.Where(c => (string?)c.Attribute("domain") == "post_tag"))
        {
            if (await TagAsync(term.Attribute("nicename")?.Value ?? term.Value, term.Value, report, ct) is { } tag && !article.Tags.Contains(tag))
            {
                article.Tags.Add(tag);
            }
        }
        if (isNew)
        {
            if (authors.TryGetValue((string?)item.Element(Dc + "creator") ?? "", out var author))
            {
                article.Bylines.Add(new Byline { Author = author, Position = 0 });
            }
            db.Articles.Add(article);
            report.Imported++;
        }
        else
        {
            report.Updated++;
        }
        await db.SaveChangesAsync(ct);
        if (Meta(item, "_thumbnail_id") is { } thumbnail)
        {
            thumbnails.Add((article.Id, thumbnail));
        }

        if (article.Status == ArticleStatus.Published)
        {
            var path = article.Path;
            foreach (var old in OldPaths(item, site, id))
            {
                if (old != path && !await db.Redirects.AnyAsync(r => r.Path == old, ct))
                {
                    db.Redirects.Add(new Redirect { Path = old, ArticleId = article.Id, CreatedAt = now });
                    report.Redirects++;
                }
            }
        }
        await CommentsAsync(item, site, article, report, ct);
        await db.SaveChangesAsync(ct);

        // Keep the change tracker small: every save looks at everything tracked, so a long export would slow to a
        // crawl. The shared lookups (authors, sections, tags, images) stay; this item's rows are done with.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not (Author or Section or Tag or Image)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>The addresses the post had on WordPress: its permalink's path and /?p=ID.</summary>
    private static IEnumerable<string> OldPaths(XElement item, string site, string id)
    {
        yield return $"/?p={id}";
        if (Uri.TryCreate((string?)item.Element("link"), UriKind.Absolute, out var link) && link.AbsolutePath.Length > 1 && link.Query.Length == 0)
        {
            yield return link.AbsolutePath.EndsWith('/') ? link.AbsolutePath : link.AbsolutePath + "/";
        }
    }

    private async Task CommentsAsync(XElement item, string site, Article article, ImportReport report, CancellationToken ct)
    {
        var byWordPressId = new Dictionary<string, Comment>();
        var parents = new List<(Comment Comment, string ParentId)>();
        var elements = item.Elements(Wp + "comment").Concat(item.Elements(Wp11 + "comment")).ToList();
        // A first import finds none of these: look them up once rather than comment by comment.
        var keys = elements.Select(e => $"{site}#comment-{Value(e, "comment_id")}").ToList();
        var existing = elements.Count == 0 ? [] : await db.Comments.Where(c => keys.Contains(c.ImportKey!)).ToDictionaryAsync(c => c.ImportKey!, ct);
        foreach (var element in elements.OrderBy(e => Date(Value(e, "comment_date_gmt")) ?? DateTime.MinValue))
        {
            var id = Value(element, "comment_id");
            var type = Value(element, "comment_type");
            if (type is "pingback" or "trackback")
            {
                report.Skipped.Add($"{type} {id} on \u201c{article.Headline}\u201d");
                continue;
            }
            var status = Value(element, "comment_approved") switch
            {
                "1" => CommentStatus.Approved,
                "spam" => CommentStatus.Spam,
                "trash" => CommentStatus.Trash,
                _ => CommentStatus.Pending,
            };
            var key = $"{site}#comment-{id}";
            var comment = existing.GetValueOrDefault(key);
            var body = System.Net.WebUtility.HtmlDecode(StripTags(Value(element, "comment_content")));
            var url = Value(element, "comment_author_url");
            if (comment is null)
            {
                comment = new Comment
                {
                    ImportKey = key,
                    ArticleId = article.Id,
                    AuthorName = Truncate(System.Net.WebUtility.HtmlDecode(Value(element, "comment_author")), CommentOptions.MaxNameLength) is { Length: > 0 } n ? n : "Anonymous",
                    AuthorEmail = Truncate(Value(element, "comment_author_email").ToLowerInvariant(), CommentOptions.MaxEmailLength),
                    Body = "",
                };
                db.Comments.Add(comment);
            }
            comment.Body = Truncate(body, CommentOptions.MaxBodyLength);
            comment.BodyHtml = commentText.Render(comment.Body);
            comment.AuthorUrl = Uri.TryCreate(url, UriKind.Absolute, out var site2) && site2.Scheme is "http" or "https" ? Truncate(url, CommentOptions.MaxUrlLength) : null;
            comment.Status = status;
            comment.CreatedAt = Date(Value(element, "comment_date_gmt")) ?? article.CreatedAt;
            comment.IpAddress = Truncate(Value(element, "comment_author_IP"), 45) is { Length: > 0 } ip ? ip : null;
            parents.Add((comment, Value(element, "comment_parent")));
            byWordPressId[id] = comment;
            report.Comments++;
        }
        // Two saves per story: the comments (which gives them ids), then the threads between them.
        await db.SaveChangesAsync(ct);
        foreach (var (comment, parent) in parents)
        {
            comment.ParentId = parent != "0" && byWordPressId.TryGetValue(parent, out var parentComment) && parentComment != comment ? parentComment.Id : null;
        }
        await db.SaveChangesAsync(ct);
        article.CommentCount = await db.Comments.CountAsync(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved, ct);
    }

    private static string Value(XElement element, string name) =>
        ((string?)element.Element(Wp + name) ?? (string?)element.Element(Wp11 + name) ?? "").Trim();

    private static string? Meta(XElement item, string key) =>
        item.Elements(Wp + "postmeta").Concat(item.Elements(Wp11 + "postmeta"))
            .Where(m => Value(m, "meta_key") == key).Select(m => Value(m, "meta_value")).FirstOrDefault(v => v.Length > 0);

    private static DateTime? Date(string value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
        && date.Year > 1970 ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : null;

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
