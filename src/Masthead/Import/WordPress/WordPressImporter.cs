using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Masthead.Media;
using Masthead.Pages;
using Masthead.Search;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// <summary>Staff accounts made for the export's authors, waiting for an admin to send their invitations.</summary>
    public int StaffInvited { get; set; }
    public int Images { get; set; }
    public int Redirects { get; set; }
    /// <summary>Standing pages (WordPress "page" items) new to this site.</summary>
    public int Pages { get; set; }
    public int PagesUpdated { get; set; }
    public List<string> Skipped { get; } = [];
    /// <summary>Set when the file could not be read; nothing was changed.</summary>
    public string? Error { get; set; }
    public bool DryRun { get; set; }

    public override string ToString() =>
        Error is not null ? $"Import failed, nothing was changed: {Error}"
        : $"{(DryRun ? "Dry run (nothing saved): " : "")}{Imported} articles imported, {Updated} updated, {Comments} comments, {Sections} sections, " +
          $"{Tags} tags, {Authors} authors ({StaffInvited} staff accounts to invite), {Images} images, " +
          $"{Pages} pages imported, {PagesUpdated} updated, {Redirects} redirects; {Skipped.Count} skipped" +
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
    SiteCache cache, SectionDirectory sections, ISearchIndex search, RelatedStories related, StaffRoster roster, PageDirectory pages)
{
    private static readonly XNamespace Wp = "http://wordpress.org/export/1.2/";
    private static readonly XNamespace Wp11 = "http://wordpress.org/export/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Excerpt12 = "http://wordpress.org/export/1.2/excerpt/";
    private static readonly XNamespace Excerpt11 = "http://wordpress.org/export/1.1/excerpt/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Items written per SaveChanges: big enough that a save is cheap per row, small enough to bound memory.</summary>
    private const int BatchSize = 200;

    public async Task<ImportReport> ImportAsync(Stream file, bool dryRun, Action<string>? progress, CancellationToken ct)
    {
        var report = new ImportReport { DryRun = dryRun };
        await using var pageCache = await db.WidenPageCacheAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Change detection runs explicitly before each batch's save; left on, every Add and lookup would scan all
        // tracked rows, which made a long export quadratic.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var run = await ReadAsync(file, report, progress, ct);
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            await StaffAccountsAsync(run, report, ct);
        }
        catch (XmlException e)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            report.Error = $"the file is not a readable WordPress export at line {e.LineNumber}, column {e.LinePosition}: {e.Message}";
            return report;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        if (dryRun)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return report;
        }
        progress?.Invoke("Rebuilding the search index and related stories");
        await search.RebuildAsync(ct);
        await related.RebuildAsync(ct);
        await transaction.CommitAsync(ct);
        sections.Invalidate();
        pages.Invalidate();
        await cache.EvictContentAsync(ct);
        return report;
    }

    /// <summary>
    /// What one import knows across items: the site's existing sections, tags, authors, images, slugs and redirects,
    /// loaded once so items are matched in memory rather than with a query each.
    /// </summary>
    private sealed class Run
    {
        public string Site = "";
        public readonly Dictionary<string, (Author Author, string Email)> AuthorsByLogin = new(StringComparer.OrdinalIgnoreCase);
        public required Dictionary<string, Author> Authors;
        public readonly Dictionary<string, Section> Categories = new(StringComparer.OrdinalIgnoreCase);
        public required Dictionary<string, Section> Sections;
        public required Dictionary<string, Tag> Tags;
        public required Dictionary<string, Image> Images;
        public readonly Dictionary<string, Image> Attachments = [];
        public required HashSet<string> Slugs;
        public required HashSet<string> RedirectPaths;
        public readonly List<(Article Article, string AttachmentId)> Thumbnails = [];
        /// <summary>Page items, written after everything else: a page's parent may come later in the file.</summary>
        public readonly List<XElement> Pages = [];
        /// <summary>Items read since the last batch was handed on.</summary>
        public List<XElement> Reading = [];
        /// <summary>The batch being rendered in the background while the one before it is written.</summary>
        public Batch? Rendering;
        public CancellationToken RenderCancel;
        /// <summary>Import keys of the stories and comments written by this run, so that an id the file repeats is looked up.</summary>
        public readonly HashSet<string> Written = new(StringComparer.Ordinal);
        public readonly List<int> ArticleIds = [];
        /// <summary>Whether stories from this export's site were imported before; when not, only ids the file repeats are looked up.</summary>
        public bool? Returning;
        /// <summary>The current batch's new stories, redirects and comments (oldest first per story), written in that order.</summary>
        public readonly List<Article> NewArticles = [];
        public readonly List<Redirect> NewRedirects = [];
        public readonly List<Comment> NewComments = [];
        /// <summary>The story bodies and comments of the batch being written, keyed by their item or comment element.</summary>
        public Dictionary<XElement, (string Text, string Html)> Rendered = [];
    }

    private sealed record Batch(List<XElement> Items, Task<Dictionary<XElement, (string Text, string Html)>> Rendered);

    /// <summary>
    /// Writes the batch's new rows with one prepared insert per table (<see cref="SqliteRowInserter"/>): stories, their
    /// bylines and tags, redirects, then comments oldest first so that a reply's parent already has its id. New rows
    /// are most of an export, and EF's per-row tracking and statement building were most of the import's time.
    /// </summary>
    private async Task InsertNewAsync(Run run, Dictionary<Comment, Comment> parentOf, CancellationToken ct)
    {
        await using (var articles = await SqliteRowInserter.OpenAsync<Article>(db, ct))
        {
            foreach (var article in run.NewArticles)
            {
                article.SectionId = article.Section.Id;
                articles.Insert(article);
                run.Written.Add(article.ImportKey!);
            }
        }
        await using (var bylines = await SqliteRowInserter.OpenAsync<Byline>(db, ct))
        {
            foreach (var article in run.NewArticles)
            {
                foreach (var byline in article.Bylines)
                {
                    (byline.ArticleId, byline.AuthorId) = (article.Id, byline.Author.Id);
                    bylines.Insert(byline);
                }
            }
        }
        var tagging = db.Model.FindEntityType(typeof(Article))!.FindSkipNavigation(nameof(Article.Tags))!;
        var (articleColumn, tagColumn) = (tagging.ForeignKey.Properties[0].Name, tagging.Inverse.ForeignKey.Properties[0].Name);
        await using (var tags = await SqliteRowInserter.OpenAsync(db, tagging.JoinEntityType.Name, ct))
        {
            foreach (var article in run.NewArticles)
            {
                foreach (var tag in article.Tags)
                {
                    tags.Insert(new Dictionary<string, object> { [articleColumn] = article.Id, [tagColumn] = tag.Id });
                }
            }
        }
        await using (var redirects = await SqliteRowInserter.OpenAsync<Redirect>(db, ct))
        {
            foreach (var redirect in run.NewRedirects)
            {
                redirect.ArticleId = redirect.Article!.Id;
                redirects.Insert(redirect);
            }
        }
        await using (var comments = await SqliteRowInserter.OpenAsync<Comment>(db, ct))
        {
            foreach (var comment in run.NewComments)
            {
                comment.ArticleId = comment.Article.Id;
                comment.ParentId = parentOf.TryGetValue(comment, out var parent) && parent.Id != 0 ? parent.Id : null;
                comments.Insert(comment);
                run.Written.Add(comment.ImportKey!);
            }
        }
    }

    private async Task<Run> ReadAsync(Stream file, ImportReport report, Action<string>? progress, CancellationToken ct)
    {
        // Read synchronously: the file is local (or an upload already buffered by the form reader), and the async reader
        // cost several times the CPU per node for nothing to wait on.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(file, settings);
        var run = new Run
        {
            Authors = await db.Authors.ToDictionaryAsync(a => a.Slug, ct),
            Sections = await db.Sections.ToDictionaryAsync(x => x.Slug, ct),
            Tags = await db.Tags.ToDictionaryAsync(t => t.Slug, ct),
            Images = await db.Images.Where(i => i.FileName.StartsWith("imported/")).ToDictionaryAsync(i => i.FileName, ct),
            Slugs = [.. await db.Articles.AsNoTracking().Select(a => a.Slug).ToListAsync(ct)],
            RedirectPaths = [.. await db.Redirects.AsNoTracking().Select(r => r.Path).ToListAsync(ct)],
        };
        int items;
        using (var rendering = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            run.RenderCancel = rendering.Token;
            try
            {
                items = await ReadItemsAsync(reader, run, report, progress, ct);
            }
            catch
            {
                // A failed import (a broken file, a refused row, a cancelled request) stops the batch still being
                // rendered and waits for it: no work goes on for an import that has ended.
                await rendering.CancelAsync();
                if (run.Rendering is { } unfinished)
                {
                    await Task.WhenAny(unfinished.Rendered);
                    _ = unfinished.Rendered.Exception;
                }
                throw;
            }
        }
        await PagesAsync(run, report, ct);

        // Featured pictures are attachments, which may come after the posts that use them.
        foreach (var group in run.Thumbnails.GroupBy(t => t.AttachmentId))
        {
            if (run.Attachments.TryGetValue(group.Key, out var image))
            {
                var ids = group.Select(t => t.Article.Id).ToList();
                await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ImageId, image.Id), ct);
            }
        }
        // Counted once at the end, in the database: an update may leave comments the file no longer has.
        var articleIds = run.ArticleIds;
        await CommentCounts.RecountAsync(db, db.Articles.Where(a => articleIds.Contains(a.Id)), null, ct);
        progress?.Invoke($"{items} items read");
        return run;
    }

    /// <summary>The channel's authors, categories and tags, then its items in batches; returns the number of items read.</summary>
    private async Task<int> ReadItemsAsync(XmlReader reader, Run run, ImportReport report, Action<string>? progress, CancellationToken ct)
    {
        var items = 0;

        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            var ns = reader.NamespaceURI;
            var isWp = ns == Wp.NamespaceName || ns == Wp11.NamespaceName;
            switch (reader.LocalName)
            {
                case "base_site_url" when isWp:
                    run.Site = reader.ReadElementContentAsString().Trim().TrimEnd('/');
                    continue;
                case "author" when isWp:
                    ReadAuthor((XElement)XNode.ReadFrom(reader), run, report);
                    continue;
                case "category" when isWp:
                    var (nicename, section) = ReadSection((XElement)XNode.ReadFrom(reader), run, report);
                    run.Categories[nicename] = section;
                    continue;
                case "tag" when isWp:
                    ReadTag(Value((XElement)XNode.ReadFrom(reader), "tag_slug"), null, run, report);
                    continue;
                case "item" when ns.Length == 0:
                    run.Reading.Add((XElement)XNode.ReadFrom(reader));
                    if (run.Reading.Count == BatchSize)
                    {
                        await NextBatchAsync(run, report, ct);
                    }
                    if (++items % 25 == 0)
                    {
                        progress?.Invoke($"{items} items read, {report.Imported + report.Updated} articles, {report.Comments} comments");
                    }
                    continue;
            }
            reader.Read();
        }
        await NextBatchAsync(run, report, ct);
        await NextBatchAsync(run, report, ct);
        return items;
    }

    /// <summary>
    /// Each WordPress author becomes a staff account to invite (role author, no password, linked to the author
    /// profile). No mail goes out: an admin sends the invitations from /admin/users. An address that already belongs
    /// to an account is not given a second one; an account without an author profile is linked to this one.
    /// </summary>
    private async Task StaffAccountsAsync(Run run, ImportReport report, CancellationToken ct)
    {
        foreach (var (login, (author, email)) in run.AuthorsByLogin)
        {
            if (email.Length == 0)
            {
                report.Skipped.Add($"author {login}: no email address, so no staff account");
                continue;
            }
            if (await roster.FindByEmailAsync(email) is { } account)
            {
                if (account.AuthorId == author.Id)
                {
                    continue; // made by an earlier import of this site
                }
                if (account.AuthorId is null)
                {
                    account.AuthorId = author.Id;
                    await db.SaveChangesAsync(ct);
                    report.Skipped.Add($"author {login} <{email}>: already a staff account ({account.DisplayName}), now linked to the author profile {author.Name}");
                }
                else
                {
                    report.Skipped.Add($"author {login} <{email}>: the address already belongs to the staff account {account.DisplayName}; no second account");
                }
                continue;
            }
            var authorId = author.Id;
            if (await db.Users.AsNoTracking().Where(u => u.AuthorId == authorId).Select(u => u.Email).FirstOrDefaultAsync(ct) is { } owner)
            {
                report.Skipped.Add($"author {login} <{email}>: the author profile {author.Name} already belongs to the staff account {owner}; no second account");
                continue;
            }
            var result = await roster.CreateInvitedForAuthorAsync(author, email, StaffRoles.Author, ct);
            if (result.Succeeded)
            {
                report.StaffInvited++;
            }
            else
            {
                report.Skipped.Add($"author {login} <{email}>: no staff account ({string.Join(" ", result.Errors.Select(e => e.Message))})");
            }
        }
    }

    private void ReadAuthor(XElement element, Run run, ImportReport report)
    {
        var login = Value(element, "author_login");
        var name = Value(element, "author_display_name") is { Length: > 0 } display ? display : login;
        var slug = Slugs.From(name) is { Length: > 0 } s ? s : Slugs.From(login);
        var email = Value(element, "author_email");
        if (!run.Authors.TryGetValue(slug, out var author))
        {
            author = new Author { Slug = slug, Name = name, Email = email.Length > 0 ? email : null };
            db.Authors.Add(author);
            run.Authors[slug] = author;
            report.Authors++;
        }
        run.AuthorsByLogin[login] = (author, email);
    }

    private (string Nicename, Section Section) ReadSection(XElement element, Run run, ImportReport report)
    {
        var nicename = Value(element, "category_nicename");
        var name = System.Net.WebUtility.HtmlDecode(Value(element, "cat_name"));
        var slug = Slugs.From(nicename) is { Length: > 0 } s ? s : Slugs.From(name);
        if (!run.Sections.TryGetValue(slug, out var section))
        {
            section = new Section { Slug = slug, Name = name, Description = Value(element, "category_description"), Position = 100 };
            db.Sections.Add(section);
            run.Sections[slug] = section;
            report.Sections++;
        }
        return (nicename, section);
    }

    private Tag? ReadTag(string nicename, string? displayName, Run run, ImportReport report)
    {
        var slug = Slugs.From(nicename);
        if (slug.Length == 0)
        {
            return null;
        }
        if (!run.Tags.TryGetValue(slug, out var tag))
        {
            tag = new Tag { Slug = slug, Name = displayName ?? nicename };
            db.Tags.Add(tag);
            run.Tags[slug] = tag;
            report.Tags++;
        }
        return tag;
    }

    /// <summary>
    /// Hands the items read so far to rendering in the background (<see cref="Render"/>) and meanwhile writes the
    /// batch handed on before them, so the database work of one batch overlaps the Markdown and sanitizing of the
    /// next. Called with nothing read, it writes the last batch.
    /// </summary>
    private async Task NextBatchAsync(Run run, ImportReport report, CancellationToken ct)
    {
        var previous = run.Rendering;
        run.Rendering = null;
        if (run.Reading.Count > 0)
        {
            var sources = Sources(run.Reading);
            var site = run.Site;
            var cancel = run.RenderCancel;
            run.Rendering = new Batch(run.Reading, Task.Run(() => Render(sources, site, cancel), cancel));
            run.Reading = [];
        }
        if (previous is not null)
        {
            run.Rendered = await previous.Rendered;
            await WriteAsync(previous.Items, run, report, ct);
        }
    }

    /// <summary>
    /// Writes a batch of items: the lookups they bring and the stories they update through EF, the new rows with
    /// prepared inserts (<see cref="InsertNewAsync"/>); replies whose parent came later are linked after. The
    /// items' rows are then let go, so the change tracker does not grow with the file.
    /// </summary>
    private async Task WriteAsync(List<XElement> batch, Run run, ImportReport report, CancellationToken ct)
    {
        var prefix = $"{run.Site}#";
        run.Returning ??= await db.Articles.AnyAsync(a => a.ImportKey!.StartsWith(prefix), ct);
        var postKeys = batch.Select(i => $"{prefix}post-{Value(i, "post_id")}").ToList();
        var commentKeys = batch.SelectMany(CommentElements).Select(e => $"{prefix}comment-{Value(e, "comment_id")}").ToList();
        var lookUp = run.Returning != false || postKeys.Any(run.Written.Contains) || commentKeys.Any(run.Written.Contains);
        var articles = !lookUp ? [] : await db.Articles.Include(a => a.Tags).Include(a => a.Bylines).AsSplitQuery()
            .Where(a => postKeys.Contains(a.ImportKey!)).ToDictionaryAsync(a => a.ImportKey!, ct);
        var comments = commentKeys.Count == 0 || !lookUp ? []
            : await db.Comments.Where(c => commentKeys.Contains(c.ImportKey!)).ToDictionaryAsync(c => c.ImportKey!, ct);
        var threads = new List<(Comment Comment, Comment Parent)>();
        var saved = new List<Article>();

        foreach (var item in batch)
        {
            if (Item(item, run, articles, comments, threads, report) is { } article)
            {
                saved.Add(article);
            }
        }
        // New lookups (sections, tags, authors, pictures) and updated stories first: the new rows refer to them.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await InsertNewAsync(run, threads.ToDictionary(t => t.Comment, t => t.Parent), ct);
        var late = new List<Comment>();
        foreach (var (comment, parent) in threads)
        {
            if (comment.ParentId != parent.Id)
            {
                comment.ParentId = parent.Id;
                if (run.NewComments.Contains(comment))
                {
                    late.Add(comment);
                }
            }
        }
        foreach (var comment in late)
        {
            var (id, parentId) = (comment.Id, comment.ParentId);
            await db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(x => x.SetProperty(c => c.ParentId, parentId), ct);
        }
        run.NewArticles.Clear();
        run.NewRedirects.Clear();
        run.NewComments.Clear();
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        run.ArticleIds.AddRange(saved.Select(a => a.Id));

        // The shared lookups (authors, sections, tags, images) stay tracked; this batch's rows are done with.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not (Author or Section or Tag or Image)).ToList())
        {
            entry.State = EntityState.Detached;
        }
        run.Rendered = [];
    }

    /// <summary>The texts a batch needs rendered: each post's body and each of its comments, taken from the elements on the reading thread.</summary>
    private static List<(XElement Key, string Source, bool IsComment)> Sources(List<XElement> items)
    {
        var sources = new List<(XElement Key, string Source, bool IsComment)>();
        foreach (var item in items.Where(i => Value(i, "post_type") == "post" && !Unimported(Value(i, "status"))))
        {
            sources.Add((item, (string?)item.Element(Content + "encoded") ?? "", false));
            sources.AddRange(CommentElements(item).Where(c => !IsPing(c)).Select(c => (c, Value(c, "comment_content"), true)));
        }
        return sources;
    }

    /// <summary>
    /// Renders a batch's story bodies and comments on every core: Markdown and the sanitizer are most of an item's
    /// work, and none of it needs the database. Bodies get the default "READ ALSO" place; a story that already has
    /// another is rendered again when it is matched (<see cref="Item"/>).
    /// </summary>
    private Dictionary<XElement, (string Text, string Html)> Render(List<(XElement Key, string Source, bool IsComment)> sources, string site, CancellationToken ct)
    {
        var results = new (string Text, string Html)[sources.Count];
        Parallel.For(0, sources.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var (_, source, isComment) = sources[i];
            if (isComment)
            {
                var body = Truncate(System.Net.WebUtility.HtmlDecode(StripTags(source)), CommentOptions.MaxBodyLength);
                results[i] = (body, commentText.Render(body));
            }
            else
            {
                var markdown = WordPressBody.Convert(source, site);
                results[i] = (markdown, renderer.Render(markdown, Article.DefaultReadAlsoAfterParagraph));
            }
        });
        var rendered = new Dictionary<XElement, (string Text, string Html)>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            rendered[sources[i].Key] = results[i];
        }
        return rendered;
    }

    private Article? Item(XElement item, Run run, Dictionary<string, Article> existing, Dictionary<string, Comment> existingComments,
        List<(Comment, Comment)> threads, ImportReport report)
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
            if (!run.Images.TryGetValue(fileName, out var image))
            {
                image = new Image { FileName = fileName, CreatedAt = now };
                db.Images.Add(image);
                run.Images[fileName] = image;
                report.Images++;
            }
            image.SourceUrl = url;
            image.AltText = Meta(item, "_wp_attachment_image_alt") ?? title;
            image.Caption = (string?)item.Element(Excerpt12 + "encoded") ?? (string?)item.Element(Excerpt11 + "encoded") ?? "";
            image.ContentType = Path.GetExtension(url).ToLowerInvariant() switch { ".png" => "image/png", ".gif" => "image/gif", ".webp" => "image/webp", _ => "image/jpeg" };
            run.Attachments[id] = image;
            return null;
        }
        if (type == "page")
        {
            if (Unimported(status))
            {
                report.Skipped.Add($"page {id} \u201c{title}\u201d: status {status}");
            }
            else
            {
                run.Pages.Add(item);
            }
            return null;
        }
        if (type != "post")
        {
            report.Skipped.Add($"{type} {id} \u201c{title}\u201d: only posts become articles ({type}s are not imported yet)");
            return null;
        }
        if (Unimported(status))
        {
            report.Skipped.Add($"post {id} \u201c{title}\u201d: status {status}");
            return null;
        }
        var terms = item.Elements("category").ToList();
        var categorySlug = terms.FirstOrDefault(c => (string?)c.Attribute("domain") == "category")?.Attribute("nicename")?.Value;
        if (categorySlug is null || !run.Categories.TryGetValue(categorySlug, out var section))
        {
            section = run.Categories.Values.FirstOrDefault()
                ?? ReadSection(new XElement("category", new XElement(Wp + "category_nicename", "news"), new XElement(Wp + "cat_name", "News")), run, report).Section;
        }

        var key = $"{run.Site}#post-{id}";
        var article = existing.GetValueOrDefault(key);
        var isNew = article is null;
        var postDate = Date(Value(item, "post_date_gmt")) ?? Date(Value(item, "post_date")) ?? now;
        var modified = Date(Value(item, "post_modified_gmt")) ?? postDate;
        var slug = Value(item, "post_name") is { Length: > 0 } name ? Slugs.From(Uri.UnescapeDataString(name)) : Slugs.From(title);
        if (slug.Length == 0)
        {
            slug = $"post-{id}";
        }
        if (isNew && run.Slugs.Contains(slug))
        {
            // Another story has it (e.g. the same export imported under another site address): the WordPress id
            // makes it unique, and a counter when even that is taken.
            var stem = $"{slug}-{id}";
            slug = stem;
            for (var n = 2; run.Slugs.Contains(slug); n++)
            {
                slug = $"{stem}-{n}";
            }
        }
        if (article is null)
        {
            article = new Article { Slug = slug, Headline = title, CreatedAt = postDate, ImportKey = key };
            run.Slugs.Add(slug);
        }
        article.Headline = title.Length == 0 ? $"Untitled ({id})" : title;
        article.Standfirst = System.Net.WebUtility.HtmlDecode(StripTags((string?)item.Element(Excerpt12 + "encoded") ?? (string?)item.Element(Excerpt11 + "encoded") ?? "")).Trim();
        (article.BodyMarkdown, article.BodyHtml) = run.Rendered[item];
        if (article.ReadAlsoAfterParagraph != Article.DefaultReadAlsoAfterParagraph)
        {
            article.BodyHtml = renderer.Render(article.BodyMarkdown, article.ReadAlsoAfterParagraph);
        }
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
            if (ReadTag(term.Attribute("nicename")?.Value ?? term.Value, term.Value, run, report) is { } tag && !article.Tags.Contains(tag))
            {
                article.Tags.Add(tag);
            }
        }
        if (isNew)
        {
            if (run.AuthorsByLogin.TryGetValue((string?)item.Element(Dc + "creator") ?? "", out var author))
            {
                article.Bylines.Add(new Byline { Author = author.Author, Position = 0 });
            }
            run.NewArticles.Add(article);
            report.Imported++;
        }
        else
        {
            report.Updated++;
        }
        if (Meta(item, "_thumbnail_id") is { } thumbnail)
        {
            run.Thumbnails.Add((article, thumbnail));
        }

        if (article.Status == ArticleStatus.Published)
        {
            var path = ArticlePaths.For(article.PublishedAt!.Value, article.Slug);
            foreach (var old in OldPaths(item, id))
            {
                if (old != path && run.RedirectPaths.Add(old))
                {
                    run.NewRedirects.Add(new Redirect { Path = old, Article = article, CreatedAt = now });
                    report.Redirects++;
                }
            }
        }
        Comments(item, run, article, existingComments, threads, report);
        return article;
    }

    /// <summary>
    /// The export's pages become standing pages, keyed like posts so importing again updates them. WordPress nests
    /// pages without limit and Masthead one level deep, so a deeper page sits under its top-level ancestor (its old
    /// address still leads to it). Published pages keep their WordPress addresses as 301s: the permalink's path,
    /// /?page_id=ID and /?p=ID.
    /// </summary>
    private async Task PagesAsync(Run run, ImportReport report, CancellationToken ct)
    {
        if (run.Pages.Count == 0)
        {
            return;
        }
        var keys = run.Pages.Select(i => $"{run.Site}#post-{Value(i, "post_id")}").ToList();
        var existing = await db.SitePages.Where(p => keys.Contains(p.ImportKey!)).ToDictionaryAsync(p => p.ImportKey!, ct);
        var slugs = new HashSet<string>(await db.SitePages.AsNoTracking().Select(p => p.Slug).ToListAsync(ct), StringComparer.Ordinal);
        var byId = new Dictionary<string, (SitePage Page, XElement Item, string ParentId)>();
        var now = clock.UtcNow;
        foreach (var item in run.Pages)
        {
            var id = Value(item, "post_id");
            var status = Value(item, "status");
            var title = System.Net.WebUtility.HtmlDecode((string?)item.Element("title") ?? "").Trim();
            var key = $"{run.Site}#post-{id}";
            var page = existing.GetValueOrDefault(key);
            if (page is null)
            {
                var slug = Value(item, "post_name") is { Length: > 0 } name ? Slugs.From(Uri.UnescapeDataString(name), SitePageRules.MaxSlug) : Slugs.From(title, SitePageRules.MaxSlug);
                if (slug.Length == 0)
                {
                    slug = $"page-{id}";
                }
                if (slugs.Contains(slug) || SitePagePaths.WhyNotTopLevel(slug) is not null)
                {
                    // Taken by another page, or an address the site answers itself: the WordPress id makes it unique.
                    var stem = $"{slug}-{id}";
                    slug = stem;
                    for (var n = 2; slugs.Contains(slug); n++)
                    {
                        slug = $"{stem}-{n}";
                    }
                }
                slugs.Add(slug);
                page = new SitePage { Title = title, Slug = slug, ImportKey = key, CreatedAt = Date(Value(item, "post_date_gmt")) ?? Date(Value(item, "post_date")) ?? now };
                db.SitePages.Add(page);
                report.Pages++;
            }
            else
            {
                report.PagesUpdated++;
            }
            page.Title = title.Length == 0 ? $"Untitled ({id})" : title;
            page.BodyMarkdown = WordPressBody.Convert((string?)item.Element(Content + "encoded") ?? "", run.Site);
            page.BodyHtml = SitePageEditor.Render(renderer, page.BodyMarkdown);
            page.Status = status == "publish" ? SitePageStatus.Published : SitePageStatus.Draft;
            page.MenuOrder = int.TryParse(Value(item, "menu_order"), CultureInfo.InvariantCulture, out var order) ? order : 0;
            var excerpt = System.Net.WebUtility.HtmlDecode(StripTags((string?)item.Element(Excerpt12 + "encoded") ?? (string?)item.Element(Excerpt11 + "encoded") ?? "")).Trim();
            page.SeoDescription = excerpt.Length == 0 ? null : Truncate(excerpt, SitePageRules.MaxDescription);
            page.UpdatedAt = Date(Value(item, "post_modified_gmt")) ?? page.CreatedAt;
            if (status is not ("publish" or "draft"))
            {
                report.Skipped.Add($"page {id} \u201c{title}\u201d: {status}, imported as a draft");
            }
            byId[id] = (page, item, Value(item, "post_parent"));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        foreach (var (id, (page, item, _)) in byId)
        {
            SitePage? top = null;
            var seen = new HashSet<string> { id };
            for (var parent = byId[id].ParentId; parent is not ("" or "0") && byId.TryGetValue(parent, out var above) && seen.Add(parent); parent = above.ParentId)
            {
                top = above.Page;
            }
            page.ParentId = top?.Id;
            if (page.Status != SitePageStatus.Published)
            {
                continue;
            }
            var path = SitePagePaths.For(page.Slug, top?.Slug);
            foreach (var old in OldPaths(item, id).Prepend($"/?page_id={id}"))
            {
                if (old != path && run.RedirectPaths.Add(old))
                {
                    db.Redirects.Add(new Redirect { Path = old, SitePageId = page.Id, CreatedAt = now });
                    report.Redirects++;
                }
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The addresses the post had on WordPress: its permalink's path and /?p=ID.</summary>
    private static IEnumerable<string> OldPaths(XElement item, string id)
    {
        yield return $"/?p={id}";
        if (Uri.TryCreate((string?)item.Element("link"), UriKind.Absolute, out var link) && link.AbsolutePath.Length > 1 && link.Query.Length == 0)
        {
            yield return link.AbsolutePath.EndsWith('/') ? link.AbsolutePath : link.AbsolutePath + "/";
        }
    }

    /// <summary>The post's comments, tracked against the article; replies are linked to their parents after the save.</summary>
    private void Comments(XElement item, Run run, Article article, Dictionary<string, Comment> existing, List<(Comment, Comment)> threads, ImportReport report)
    {
        var byWordPressId = new Dictionary<string, Comment>();
        var parents = new List<(Comment Comment, string ParentId)>();
        var elements = CommentElements(item);
        foreach (var element in elements.OrderBy(e => Date(Value(e, "comment_date_gmt")) ?? DateTime.MinValue))
        {
            var id = Value(element, "comment_id");
            if (IsPing(element))
            {
                report.Skipped.Add($"{Value(element, "comment_type")} {id} on \u201c{article.Headline}\u201d");
                continue;
            }
            var status = Value(element, "comment_approved") switch
            {
                "1" => CommentStatus.Approved,
                "spam" => CommentStatus.Spam,
                "trash" => CommentStatus.Trash,
                _ => CommentStatus.Pending,
            };
            var key = $"{run.Site}#comment-{id}";
            var comment = existing.GetValueOrDefault(key);
            var url = Value(element, "comment_author_url");
            if (comment is null)
            {
                comment = new Comment
                {
                    ImportKey = key,
                    Article = article,
                    AuthorName = Truncate(System.Net.WebUtility.HtmlDecode(Value(element, "comment_author")), CommentOptions.MaxNameLength) is { Length: > 0 } n ? n : "Anonymous",
                    AuthorEmail = Truncate(Value(element, "comment_author_email").ToLowerInvariant(), CommentOptions.MaxEmailLength),
                    Body = "",
                };
                run.NewComments.Add(comment);
            }
            (comment.Body, comment.BodyHtml) = run.Rendered[element];
            comment.AuthorUrl = Uri.TryCreate(url, UriKind.Absolute, out var site2) && site2.Scheme is "http" or "https" ? Truncate(url, CommentOptions.MaxUrlLength) : null;
            comment.Status = status;
            comment.CreatedAt = Date(Value(element, "comment_date_gmt")) ?? article.CreatedAt;
            comment.IpAddress = Truncate(Value(element, "comment_author_IP"), 45) is { Length: > 0 } ip ? ip : null;
            parents.Add((comment, Value(element, "comment_parent")));
            byWordPressId[id] = comment;
            report.Comments++;
        }
        foreach (var (comment, parent) in parents)
        {
            if (parent != "0" && byWordPressId.TryGetValue(parent, out var parentComment) && parentComment != comment)
            {
                threads.Add((comment, parentComment));
            }
            else
            {
                comment.ParentId = null;
            }
        }
    }

    /// <summary>The item's comments, in either export version's namespace.</summary>
    private static IEnumerable<XElement> CommentElements(XElement item) => item.Elements(Wp + "comment").Concat(item.Elements(Wp11 + "comment"));

    /// <summary>Pingbacks and trackbacks are notices from other sites, not readers' comments: they are skipped.</summary>
    private static bool IsPing(XElement comment) => Value(comment, "comment_type") is "pingback" or "trackback";

    /// <summary>Statuses whose posts and pages are not brought in.</summary>
    private static bool Unimported(string status) => status is "trash" or "auto-draft" or "inherit";

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
