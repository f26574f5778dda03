using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Media;
using Masthead.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Masthead.Data;

/// <summary>
/// The one model of the site, shared by every database provider. Each provider has its own subclass with its
/// own migrations (Sqlite/, later Postgres/), so nothing here may depend on one provider's features.
/// </summary>
public abstract class MastheadDb(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole<int>, int>(options)
{
    /// <summary>The covering index search joins full-text matches through (named in its SQL).</summary>
    public const string SearchFilterIndex = "IX_Articles_SearchFilter";

    /// <summary>
    /// Whether the connection stays open between queries, and whether it is open now: set for the length of a request
    /// by <see cref="OneConnectionPerRequest"/>. A pooled context starts every use with <see cref="ConnectionHold.None"/>.
    /// </summary>
    internal ConnectionHold ConnectionHold { get; set; }

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    /// <summary>
    /// The rows joining stories (<see cref="ArticleTagsArticleId"/>) and tags (<see cref="ArticleTagsTagId"/>), EF's
    /// own join table of Article.Tags: see <see cref="TagStories"/>.
    /// </summary>
    public DbSet<Dictionary<string, object>> ArticleTags => Set<Dictionary<string, object>>("ArticleTags");
    public const string ArticleTagsArticleId = "ArticlesId";
    public const string ArticleTagsTagId = "TagsId";
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Byline> Bylines => Set<Byline>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Redirect> Redirects => Set<Redirect>();
    public DbSet<TaxonomyRedirect> TaxonomyRedirects => Set<TaxonomyRedirect>();
    public DbSet<RelatedArticle> RelatedArticles => Set<RelatedArticle>();
    public DbSet<Image> Images => Set<Image>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<BlockedTerm> BlockedTerms => Set<BlockedTerm>();
    public DbSet<SpamToken> SpamTokens => Set<SpamToken>();
    public DbSet<SpamTraining> SpamTraining => Set<SpamTraining>();
    public DbSet<Syndication.WireFeed> WireFeeds => Set<Syndication.WireFeed>();
    public DbSet<Syndication.WireItem> WireItems => Set<Syndication.WireItem>();
    public DbSet<Syndication.IngestRun> IngestRuns => Set<Syndication.IngestRun>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleCorrection> ArticleCorrections => Set<ArticleCorrection>();
    public DbSet<Shared.AuditEntry> AuditEntries => Set<Shared.AuditEntry>();
    public DbSet<Shared.SiteSetting> SiteSettings => Set<Shared.SiteSetting>();
    public DbSet<SitePage> SitePages => Set<SitePage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; providers that forget the kind on the way back (SQLite) get it restored.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<StaffUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasOne<Author>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Article>(e =>
        {
            e.Property(a => a.Slug).HasMaxLength(200);
            e.HasIndex(a => a.Slug).IsUnique();
            e.Property(a => a.Headline).HasMaxLength(300);
            e.Property(a => a.Standfirst).HasMaxLength(1000);
            e.Property(a => a.Dateline).HasMaxLength(100);
            e.Property(a => a.SourceUrl).HasMaxLength(2000);
            e.Property(a => a.CanonicalUrl).HasMaxLength(2000);
            e.Property(a => a.WithdrawalNote).HasMaxLength(1000);
            e.Property(a => a.ImportKey).HasMaxLength(400);
            e.HasIndex(a => a.ImportKey).IsUnique();
            e.Property(a => a.SeoTitle).HasMaxLength(300);
            e.Property(a => a.SeoDescription).HasMaxLength(1000);
            e.Property(a => a.ReviewNote).HasMaxLength(2000);
            e.HasIndex(a => new { a.Status, a.UnpublishAt });
            e.HasIndex(a => a.OwnerId);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(a => a.Corrections).WithOne().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
            // Readers' lists, newest first (the key breaks ties in date, as the lists do). The date a story was last
            // updated rides along for the sitemaps, which date every list by its newest change: read from the table, it
            // sits after the body, and the sitemap index read every story's body to find it (0.6 s at 100,000 stories
            // with the file cached, seconds without).
            e.HasIndex(a => new { a.Status, a.PublishedAt, a.Id, a.UpdatedAt });
            // The newsroom's lists, most recently changed first: without it each read sorted every story (0.4 s at 100,000).
            e.HasIndex(a => a.ModifiedAt);
            e.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id, a.UpdatedAt });
            e.HasIndex(a => new { a.Status, a.CommentCount });
            // What search filters a full-text match by, by the article's key: the row itself holds the body before
            // these columns, so reading them from the table meant reading the body for every match.
            e.HasIndex(a => new { a.Id, a.Status, a.PublishedAt, a.SectionId, a.ImageId }).HasDatabaseName(SearchFilterIndex);
            e.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Source).WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(a => a.Image).WithMany().HasForeignKey(a => a.ImageId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(a => a.ReadAlso).WithMany().HasForeignKey(a => a.ReadAlsoArticleId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");
            e.HasMany(a => a.Bylines).WithOne().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(a => a.Path);
        });
        b.Entity<RelatedArticle>(e =>
        {
            e.HasKey(r => new { r.ArticleId, r.RelatedId });
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Related).WithMany().HasForeignKey(r => r.RelatedId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => r.RelatedId);
        });
        b.Entity<Byline>(e =>
        {
            e.HasKey(x => new { x.ArticleId, x.AuthorId });
            e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.AuthorId);
        });
        b.Entity<Section>(e =>
        {
            e.Property(s => s.Slug).HasMaxLength(100);
            e.HasIndex(s => s.Slug).IsUnique();
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.Description).HasMaxLength(500);
            e.Ignore(s => s.Path);
        });
        b.Entity<Tag>(e =>
        {
            e.Property(t => t.Slug).HasMaxLength(100);
            e.HasIndex(t => t.Slug).IsUnique();
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Description).HasMaxLength(500);
            e.Ignore(t => t.Path);
        });
        b.Entity<Author>(e =>
        {
            e.Property(a => a.Slug).HasMaxLength(100);
            e.HasIndex(a => a.Slug).IsUnique();
            e.Property(a => a.Name).HasMaxLength(100);
            e.Property(a => a.JobTitle).HasMaxLength(100);
            e.Property(a => a.Bio).HasMaxLength(2000);
            e.Property(a => a.Email).HasMaxLength(254);
            e.HasOne(a => a.Image).WithMany().HasForeignKey(a => a.ImageId).OnDelete(DeleteBehavior.SetNull);
            e.Ignore(a => a.Path);
        });
        b.Entity<Source>(e =>
        {
            e.Property(s => s.Slug).HasMaxLength(100);
            e.HasIndex(s => s.Slug).IsUnique();
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.Url).HasMaxLength(2000);
        });
        b.Entity<Redirect>(e =>
        {
            e.Property(r => r.Path).HasMaxLength(400);
            e.HasIndex(r => r.Path).IsUnique();
            e.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SitePage>().WithMany().HasForeignKey(r => r.SitePageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => r.SitePageId);
        });
        b.Entity<SitePage>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(SitePageRules.MaxTitle);
            e.Property(p => p.Slug).HasMaxLength(SitePageRules.MaxSlug);
            e.HasIndex(p => p.Slug).IsUnique();
            e.Property(p => p.SeoDescription).HasMaxLength(SitePageRules.MaxDescription);
            e.Property(p => p.ImportKey).HasMaxLength(400);
            e.HasIndex(p => p.ImportKey).IsUnique();
            // A parent with pages under it cannot be deleted (the editor says so before the database would).
            e.HasOne<SitePage>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.Status, p.ParentId, p.MenuOrder });
        });
        b.Entity<TaxonomyRedirect>(e =>
        {
            e.Property(r => r.OldSlug).HasMaxLength(100);
            e.HasIndex(r => new { r.Kind, r.OldSlug }).IsUnique();
            e.HasIndex(r => new { r.Kind, r.TargetId });
        });
        b.Entity<Image>(e =>
        {
            e.Property(i => i.FileName).HasMaxLength(300);
            e.HasIndex(i => i.FileName).IsUnique();
            e.Property(i => i.ContentType).HasMaxLength(50);
            e.Property(i => i.AltText).HasMaxLength(500);
            e.Property(i => i.Caption).HasMaxLength(1000);
            e.Property(i => i.Credit).HasMaxLength(200);
            e.Property(i => i.SourceUrl).HasMaxLength(2000);
            e.Property(i => i.OriginalName).HasMaxLength(300);
            e.Property(i => i.Widths).HasMaxLength(100);
            e.HasIndex(i => i.CreatedAt);
            e.Ignore(i => i.Url);
        });
        b.Entity<Comment>(e =>
        {
            e.Property(c => c.AuthorName).HasMaxLength(100);
            e.Property(c => c.AuthorEmail).HasMaxLength(254);
            e.Property(c => c.AuthorUrl).HasMaxLength(200);
            e.Property(c => c.Body).HasMaxLength(5000);
            e.Property(c => c.IpAddress).HasMaxLength(45);
            e.Property(c => c.UserAgent).HasMaxLength(500);
            e.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.BodyHtml).HasMaxLength(20000);
            e.Property(c => c.FilterReason).HasMaxLength(200);
            e.Property(c => c.ImportKey).HasMaxLength(400);
            e.HasIndex(c => c.ImportKey).IsUnique();
            // The thread list in display order, the key breaking ties as the page does: a story's comments are read
            // from it without a sort, so SQLite takes it even before it has statistics (without the key, it walked
            // every approved comment of the site in time order instead). With ParentId, the threads after a comment
            // are counted from the index and each one's parent.
            e.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt, c.Id, c.ParentId });
            // The replies under a page's threads, read by their parent (the article page's one recursive statement):
            // without the article and status in it, SQLite built a Bloom filter over every comment's parent for each page.
            e.HasIndex(c => new { c.ParentId, c.ArticleId, c.Status, c.CreatedAt, c.Id });
            // "Already said that": one reader's comments on one story.
            e.HasIndex(c => new { c.ArticleId, c.AuthorEmail });
            e.HasIndex(c => new { c.Status, c.CreatedAt });
            e.HasIndex(c => new { c.AuthorEmail, c.CreatedAt });
            e.HasIndex(c => new { c.IpAddress, c.CreatedAt });
            e.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.StaffUserId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<ArticleRevision>(e =>
        {
            e.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            e.Property(r => r.StaffName).HasMaxLength(100);
            e.Property(r => r.Kind).HasMaxLength(20);
            e.Property(r => r.Headline).HasMaxLength(300);
            e.Property(r => r.Standfirst).HasMaxLength(1000);
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ArticleCorrection>(e => e.Property(c => c.Note).HasMaxLength(1000));
        b.Entity<Shared.AuditEntry>(e =>
        {
            e.Property(a => a.StaffName).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(50);
            e.Property(a => a.TargetType).HasMaxLength(30);
            e.Property(a => a.Detail).HasMaxLength(500);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.TargetType, a.TargetId });
        });
        b.Entity<Shared.SiteSetting>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(4000);
        });
        b.Entity<BlockedTerm>(e =>
        {
            e.Property(t => t.Value).HasMaxLength(254);
            e.HasIndex(t => new { t.Kind, t.Value }).IsUnique();
        });
        b.Entity<SpamToken>(e =>
        {
            e.HasKey(t => t.Token);
            e.Property(t => t.Token).HasMaxLength(64);
        });
        b.Entity<SpamTraining>(e => e.Property(t => t.Id).ValueGeneratedNever());
        b.Entity<Syndication.WireFeed>(e =>
        {
            e.Property(f => f.FeedUrl).HasMaxLength(2000);
            e.Property(f => f.DefaultTags).HasMaxLength(500);
            e.Property(f => f.ETag).HasMaxLength(300);
            e.Property(f => f.LastModified).HasMaxLength(100);
            e.HasOne(f => f.Source).WithMany().HasForeignKey(f => f.SourceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Section>().WithMany().HasForeignKey(f => f.SectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => f.NextPollAt);
        });
        b.Entity<Syndication.WireItem>(e =>
        {
            e.Property(i => i.Key).HasMaxLength(2000);
            e.Property(i => i.Url).HasMaxLength(2000);
            e.HasIndex(i => i.Key);
            e.HasIndex(i => i.Url);
            e.HasIndex(i => i.ReceivedAt);
            e.HasOne<Syndication.WireFeed>().WithMany().HasForeignKey(i => i.WireFeedId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Syndication.IngestRun>(e =>
        {
            e.Property(r => r.Error).HasMaxLength(1000);
            e.HasIndex(r => new { r.WireFeedId, r.StartedAt });
            e.HasOne<Syndication.WireFeed>().WithMany().HasForeignKey(r => r.WireFeedId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>
    /// For bulk work in one long transaction (an import, a restore). SQLite keeps about 2 MB of pages per connection,
    /// so a transaction that writes tens of megabytes spills pages to the log and reads them back. This gives the
    /// context's connection a 128 MB page cache and keeps the connection open until disposed, then puts the old
    /// size back, which frees the pages: the connection goes back to the pool without the memory.
    /// </summary>
    public async Task<IAsyncDisposable> WidenPageCacheAsync(CancellationToken ct)
    {
        if (!Database.IsSqlite())
        {
            return NoCacheChange.Instance;
        }
        await Database.OpenConnectionAsync(ct);
        long? before = null;
        try
        {
            before = Convert.ToInt64(await PragmaAsync("PRAGMA cache_size", ct), System.Globalization.CultureInfo.InvariantCulture);
            await PragmaAsync("PRAGMA cache_size = -131072", ct);
            return new CacheSizeRestore(this, before.Value);
        }
        catch
        {
            await new CacheSizeRestore(this, before).DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A command of plain SQL on the context's connection, in its transaction when one is open, for the few statements
    /// EF does not write well. The caller opens the connection and binds parameters.
    /// </summary>
    public System.Data.Common.DbCommand CreateCommand(string sql)
    {
        var command = Database.GetDbConnection().CreateCommand();
        command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>A PRAGMA on the context's open connection. PRAGMA takes no parameters: callers pass fixed text or numbers only.</summary>
    private async Task<object?> PragmaAsync(string pragma, CancellationToken ct)
    {
        await using var command = CreateCommand(pragma);
        return await command.ExecuteScalarAsync(ct);
    }

    private sealed class NoCacheChange : IAsyncDisposable
    {
        public static readonly NoCacheChange Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Puts the page cache back (when it was read before being changed) and releases the connection, even when the PRAGMA fails.</summary>
    private sealed class CacheSizeRestore(MastheadDb db, long? size) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (size is { } pages)
                {
                    await db.PragmaAsync($"PRAGMA cache_size = {pages.ToString(System.Globalization.CultureInfo.InvariantCulture)}", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
