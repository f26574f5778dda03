using System.Text.Encodings.Web;
using System.Text.Json;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Media;
using Masthead.Search;
using Masthead.Shared;
using Masthead.Syndication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Import.Backup;

/// <summary>
/// A full-fidelity backup of the site as one JSON document (<see cref="BackupFormat"/>), and its restore into an
/// empty site. Both stream: the export pages through each table by id, the restore reads item by item and saves
/// in batches. The restore is one transaction: a refused or broken file leaves the database exactly as it was.
/// </summary>
public sealed partial class SiteBackup(MastheadDb db, SiteClock clock, ILookupNormalizer normalizer, SiteCache cache,
    SectionDirectory sections, ISearchIndex search, RelatedStories related, IServiceProvider services)
{
    private const int Batch = 200;
    private const int ArticleBatch = 50;

    public async Task<BackupReport> ExportAsync(Stream output, Action<string>? progress, CancellationToken ct)
    {
        var report = new BackupReport();
        // One read transaction: the file is a consistent picture even while the site keeps publishing.
        await using var snapshot = await db.Database.BeginTransactionAsync(ct);
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", BackupFormat.Name);
        w.WriteNumber("version", BackupFormat.Version);

        await WriteAllAsync(w, report, "settings", db.SiteSettings.AsNoTracking().OrderBy(s => s.Key)
            .Select(s => new BackupSetting(s.Key, s.Value)).ToListAsync(ct));
        await WriteStaffAsync(w, report, ct);
        await WritePagedAsync(w, report, progress, "images", after => db.Images.AsNoTracking().Where(i => i.Id > after).OrderBy(i => i.Id).Take(Batch)
            .Select(i => new BackupImage(i.Id, i.FileName, i.ContentType, i.Width, i.Height, i.Widths, i.AltText, i.Caption, i.Credit,
                i.SourceUrl, i.OriginalName, i.ByteSize, i.CreatedAt, i.UploadedById)).ToListAsync(ct), i => i.Id);
        await WriteAllAsync(w, report, "sections", db.Sections.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new BackupSection(s.Id, s.Slug, s.Name, s.Description, s.Position)).ToListAsync(ct));
        await WritePagedAsync(w, report, progress, "tags", after => db.Tags.AsNoTracking().Where(t => t.Id > after).OrderBy(t => t.Id).Take(Batch)
            .Select(t => new BackupTag(t.Id, t.Slug, t.Name, t.Description)).ToListAsync(ct), t => t.Id);
        await WritePagedAsync(w, report, progress, "authors", after => db.Authors.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(Batch)
            .Select(a => new BackupAuthor(a.Id, a.Slug, a.Name, a.JobTitle, a.Bio, a.Email, a.ImageId)).ToListAsync(ct), a => a.Id);
        await WriteAllAsync(w, report, "sources", db.Sources.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new BackupSource(s.Id, s.Slug, s.Name, s.Url)).ToListAsync(ct));
        await WritePagedAsync(w, report, progress, "articles", after => ArticlesAfterAsync(after, ct), a => a.Id);
        await WritePagedAsync(w, report, progress, "comments", after => db.Comments.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(Batch)
            .Select(c => new BackupComment(c.Id, c.ArticleId, c.ParentId, c.Status, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.Body, c.BodyHtml,
                c.CreatedAt, c.ModeratedAt, c.EditedAt, c.IpAddress, c.UserAgent, c.NotifyReplies, c.FilterReason, c.ImportKey, c.StaffUserId))
            .ToListAsync(ct), c => c.Id);
        await WriteAllAsync(w, report, "pages", db.SitePages.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new BackupPage(p.Id, p.Slug, p.Title, p.Status, p.ParentId, p.MenuOrder, p.SeoDescription, p.CreatedAt, p.UpdatedAt, p.ImportKey,
                p.BodyMarkdown, p.BodyHtml)).ToListAsync(ct));
        await WritePagedAsync(w, report, progress, "redirects", after => db.Redirects.AsNoTracking().Where(r => r.Id > after).OrderBy(r => r.Id).Take(Batch)
            .Select(r => new BackupRedirect(r.Id, r.Path, r.ArticleId, r.CreatedAt, r.SitePageId)).ToListAsync(ct), r => r.Id);
        await WriteAllAsync(w, report, "taxonomyRedirects", db.TaxonomyRedirects.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new BackupTaxonomyRedirect(r.Id, r.Kind, r.OldSlug, r.TargetId, r.CreatedAt)).ToListAsync(ct));
        await WriteAllAsync(w, report, "wireFeeds", db.WireFeeds.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new BackupWireFeed(f.Id, f.SourceId, f.FeedUrl, f.SectionId, f.DefaultTags, f.PublishAtOnce, f.IntervalMinutes,
                f.ETag, f.LastModified, f.NextPollAt, f.Failures)).ToListAsync(ct));
        await WritePagedAsync(w, report, progress, "wireItems", after => db.WireItems.AsNoTracking().Where(i => i.Id > after).OrderBy(i => i.Id).Take(Batch)
            .Select(i => new BackupWireItem(i.Id, i.WireFeedId, i.Key, i.Url, i.Fingerprint, i.ArticleId, i.DuplicateOfArticleId, i.ReceivedAt))
            .ToListAsync(ct), i => i.Id);
        await WriteAllAsync(w, report, "blockedTerms", db.BlockedTerms.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new BackupBlockedTerm(t.Id, t.Kind, t.Value, t.CreatedAt)).ToListAsync(ct));
        // Tokens are keyed by text: page through them in the database's own order of that text.
        var tokens = 0;
        w.WriteStartArray("spamTokens");
        for (var after = ""; ;)
        {
            var from = after;
            var page = await db.SpamTokens.AsNoTracking().Where(t => string.Compare(t.Token, from) > 0).OrderBy(t => t.Token).Take(Batch * 5)
                .Select(t => new BackupSpamToken(t.Token, t.SpamCount, t.HamCount)).ToListAsync(ct);
            foreach (var token in page)
            {
                JsonSerializer.Serialize(w, token, BackupFormat.Json);
            }
            tokens += page.Count;
            await w.FlushAsync(ct);
            if (page.Count < Batch * 5)
            {
                break;
            }
            after = page[^1].Token;
        }
        w.WriteEndArray();
        report.Count("spamTokens", tokens);
        await WriteAllAsync(w, report, "spamTraining", db.SpamTraining.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new BackupSpamTraining(t.Id, t.SpamComments, t.HamComments)).ToListAsync(ct));
        await WritePagedAsync(w, report, progress, "audit", after => db.AuditEntries.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(Batch)
            .Select(a => new BackupAuditEntry(a.Id, a.At, a.StaffUserId, a.StaffName, a.Action, a.TargetType, a.TargetId, a.Detail)).ToListAsync(ct), a => a.Id);
        w.WriteEndObject();
        await w.FlushAsync(ct);
        return report;
    }

    private async Task<List<BackupArticle>> ArticlesAfterAsync(long after, CancellationToken ct)
    {
        var articles = await db.Articles.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(ArticleBatch)
            .Include(a => a.Bylines).Include(a => a.Tags).Include(a => a.Corrections).AsSplitQuery().ToListAsync(ct);
        var ids = articles.Select(a => a.Id).ToList();
        var revisions = (await db.ArticleRevisions.AsNoTracking().Where(r => ids.Contains(r.ArticleId)).OrderBy(r => r.Id).ToListAsync(ct))
            .ToLookup(r => r.ArticleId);
        return [.. articles.Select(a => new BackupArticle(
            a.Id, a.Slug, a.Headline, a.Standfirst, a.Dateline, a.Status, a.CreatedAt, a.PublishedAt, a.UpdatedAt, a.ModifiedAt, a.UnpublishAt,
            a.SectionId, a.SourceId, a.SourceUrl, a.CanonicalUrl, a.ImageId, a.ReadAlsoArticleId, a.ReadAlsoAfterParagraph, a.CommentsOpen,
            a.CommentCount, a.WithdrawalNote, a.ImportKey, a.SeoTitle, a.SeoDescription, a.ReviewNote, a.OwnerId,
            [.. a.Bylines.OrderBy(b => b.Position).ThenBy(b => b.AuthorId).Select(b => b.AuthorId)],
            [.. a.Tags.Select(t => t.Id).Order()],
            a.BodyMarkdown, a.BodyHtml,
            [.. a.Corrections.OrderBy(c => c.Id).Select(c => new BackupCorrection(c.Id, c.CreatedAt, c.Note))],
            [.. revisions[a.Id].Select(r => new BackupRevision(r.Id, r.Number, r.CreatedAt, r.StaffUserId, r.StaffName, r.Kind, r.Headline,
                r.Standfirst, r.BodyMarkdown, r.Snapshot))]))];
    }

    private async Task WriteStaffAsync(Utf8JsonWriter w, BackupReport report, CancellationToken ct)
    {
        var roles = (await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Email, u.UserName, u.DisplayName, u.AuthorId, u.CreatedAt, u.LockoutEnd }).ToListAsync(ct);
        await WriteAllAsync(w, report, "staff", Task.FromResult(users.Select(u => new BackupStaffUser(u.Id, u.Email ?? "", u.UserName ?? "", u.DisplayName,
            [.. roles[u.Id].Order(StringComparer.Ordinal)], u.AuthorId, u.CreatedAt, StaffRoster.IsLockedByAdmin(u.LockoutEnd))).ToList()));
    }

    private static async Task WriteAllAsync<T>(Utf8JsonWriter w, BackupReport report, string kind, Task<List<T>> rows)
    {
        w.WriteStartArray(kind);
        var list = await rows;
        foreach (var row in list)
        {
            JsonSerializer.Serialize(w, row, BackupFormat.Json);
        }
        w.WriteEndArray();
        report.Count(kind, list.Count);
    }

    private static async Task WritePagedAsync<T>(Utf8JsonWriter w, BackupReport report, Action<string>? progress, string kind,
        Func<long, Task<List<T>>> page, Func<T, long> id)
    {
        w.WriteStartArray(kind);
        var count = 0;
        for (var after = 0L; ;)
        {
            var rows = await page(after);
            foreach (var row in rows)
            {
                JsonSerializer.Serialize(w, row, BackupFormat.Json);
            }
            count += rows.Count;
            // Each page goes to the file before the next is read, so memory holds one page at most.
            await w.FlushAsync();
            if (rows.Count == 0)
            {
                break;
            }
            after = id(rows[^1]);
            progress?.Invoke($"{count} {kind} written");
        }
        w.WriteEndArray();
        report.Count(kind, count);
    }
}
