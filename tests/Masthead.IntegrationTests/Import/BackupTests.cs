using System.Text;
using System.Text.Json;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Import.Backup;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Media;
using Masthead.Pages;
using Masthead.Shared;
using Masthead.Syndication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Import;

/// <summary>A newsroom with something of every kind in it, backed up once for the tests that restore it.</summary>
public sealed class BackedUpSite : MastheadApp
{
    private Task<byte[]>? _backup;

    public Task<byte[]> BackupAsync() => _backup ??= ArrangeAndExportAsync();

    private async Task<byte[]> ArrangeAndExportAsync()
    {
        var newsroom = new Newsroom(this);
        var staffEmail = await Staff.CreateAsync(this, "editor");
        var staffId = await WithDbAsync(db => db.Users.Where(u => u.Email == staffEmail).Select(u => u.Id).SingleAsync());
        var politics = await newsroom.SectionAsync("Politics");
        var business = await newsroom.SectionAsync("Business");
        var anna = await newsroom.AuthorAsync("Anna Keller");
        var jonas = await newsroom.AuthorAsync("Jonas Brandt");
        var budget = await newsroom.TagAsync("Budget");
        var harbour = await newsroom.TagAsync("Harbour");
        var wire = await newsroom.SourceAsync("Northwire");
        var portrait = await WithDbAsync(async db =>
        {
            var image = new Image
            {
                FileName = $"uploads/{Newsroom.Unique("portrait")}.jpg", Width = 800, Height = 600, Widths = "320,640", AltText = "Anna at her desk",
                Caption = "In the newsroom", Credit = "Photo: Masthead", SourceUrl = "https://old.example/anna.jpg", OriginalName = "IMG_0042.JPG",
                ByteSize = 123_456, CreatedAt = DateTime.UtcNow.AddDays(-3), UploadedById = staffId,
            };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            await db.Authors.Where(a => a.Id == anna.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ImageId, image.Id).SetProperty(a => a.Email, "anna@masthead.example"));
            await db.Tags.Where(t => t.Id == budget.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Description, "Where the money goes."));
            await db.Users.Where(u => u.Id == staffId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AuthorId, jonas.Id));
            return image;
        });

        var later = await newsroom.PublishAsync(business, "Harbour traders count the cost", "Traders spoke.\n\nThe *quay* was quiet.",
            DateTime.UtcNow.AddHours(-2), authors: [jonas], tags: [harbour]);
        var lead = await newsroom.PublishAsync(politics, "Council passes the budget", "The council *voted*.\n\nIt was late.\n\nThird.\n\nFourth.",
            DateTime.UtcNow.AddHours(-1), a =>
            {
                a.Dateline = "HARBOUR TOWN";
                a.SourceId = wire.Id;
                a.SourceUrl = "https://northwire.example/budget";
                a.CanonicalUrl = "https://northwire.example/budget";
                a.ImageId = portrait.Id;
                a.ReadAlsoArticleId = later.Id;
                a.ReadAlsoAfterParagraph = 2;
                a.CommentsOpen = false;
                a.SeoTitle = "Budget passed";
                a.SeoDescription = "The council passed the budget at midnight.";
                a.OwnerId = staffId;
                a.ImportKey = "http://old.example#post-7";
            }, authors: [jonas, anna], tags: [budget, harbour]);
        await WithDbAsync(async db =>
        {
            db.Articles.Add(new Article
            {
                Slug = Newsroom.Unique("draft"), Headline = "A draft waiting for review", BodyMarkdown = "Draft body.", BodyHtml = "<p>Draft body.</p>",
                SectionId = politics.Id, Status = ArticleStatus.InReview, ReviewNote = "Please check the figures.", CreatedAt = DateTime.UtcNow.AddMinutes(-30),
                ModifiedAt = DateTime.UtcNow, UnpublishAt = DateTime.UtcNow.AddDays(5), OwnerId = staffId,
            });
            db.Articles.Add(new Article
            {
                Slug = Newsroom.Unique("gone"), Headline = "A withdrawn story", SectionId = business.Id, Status = ArticleStatus.Withdrawn,
                WithdrawalNote = "Withdrawn for legal reasons.", CreatedAt = DateTime.UtcNow.AddDays(-2), PublishedAt = DateTime.UtcNow.AddDays(-2),
                UpdatedAt = DateTime.UtcNow.AddDays(-1), ModifiedAt = DateTime.UtcNow.AddDays(-1),
            });
            db.ArticleRevisions.Add(new ArticleRevision
            {
                ArticleId = lead.Id, Number = 1, CreatedAt = DateTime.UtcNow.AddHours(-1), StaffUserId = staffId, StaffName = "Staff editor", Kind = "published",
                Headline = lead.Headline, Standfirst = lead.Standfirst, BodyMarkdown = lead.BodyMarkdown, Snapshot = "{\"slug\":\"x\",\"sectionId\":1}",
            });
            db.ArticleCorrections.Add(new ArticleCorrection { ArticleId = lead.Id, CreatedAt = DateTime.UtcNow.AddMinutes(-10), Note = "The vote was 12 to 9, not 12 to 8." });
            db.Redirects.Add(new Redirect { Path = "/2020/01/01/old-budget/", ArticleId = lead.Id, CreatedAt = DateTime.UtcNow.AddDays(-1) });
            db.TaxonomyRedirects.Add(new TaxonomyRedirect { Kind = TaxonomyKind.Section, OldSlug = Newsroom.Unique("old-desk"), TargetId = politics.Id, CreatedAt = DateTime.UtcNow });
            db.TaxonomyRedirects.Add(new TaxonomyRedirect { Kind = TaxonomyKind.Tag, OldSlug = Newsroom.Unique("old-tag"), TargetId = budget.Id, CreatedAt = DateTime.UtcNow });
            db.SiteSettings.Add(new SiteSetting { Key = "Masthead:Description", Value = "News from the harbour" });
            db.SiteSettings.Add(new SiteSetting { Key = "Masthead:LogoImageId", Value = portrait.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            db.BlockedTerms.Add(new BlockedTerm { Kind = BlockKind.Email, Value = "spammer@example.com", CreatedAt = DateTime.UtcNow });
            var feed = new WireFeed { SourceId = wire.Id, FeedUrl = "https://northwire.example/feed.xml", SectionId = business.Id, DefaultTags = "wire, harbour", NextPollAt = DateTime.UtcNow, ETag = "\"abc\"" };
            db.WireFeeds.Add(feed);
            await db.SaveChangesAsync();
            db.WireItems.Add(new WireItem { WireFeedId = feed.Id, Key = "urn:northwire:1", Url = "https://northwire.example/1", Fingerprint = -42, ArticleId = later.Id, ReceivedAt = DateTime.UtcNow });
            db.SpamTokens.Add(new SpamToken { Token = "casino", SpamCount = 3, HamCount = 0 });
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, StaffUserId = staffId, StaffName = "Staff editor", Action = "article.published", TargetType = "article", TargetId = lead.Id, Detail = lead.Headline });
            await db.SaveChangesAsync();
            // The child is written before its parent, so the restore must link a parent that comes later in the file.
            var team = new SitePage
            {
                Title = "Our team", Slug = Newsroom.Unique("team"), BodyMarkdown = "Who we *are*.", BodyHtml = "<p>Who we <em>are</em>.</p>",
                Status = SitePageStatus.Draft, MenuOrder = 2, CreatedAt = DateTime.UtcNow.AddDays(-4), UpdatedAt = DateTime.UtcNow.AddDays(-1),
            };
            db.SitePages.Add(team);
            await db.SaveChangesAsync();
            var about = new SitePage
            {
                Title = "About us", Slug = Newsroom.Unique("about"), BodyMarkdown = "Since 1921.", BodyHtml = "<p>Since 1921.</p>", Status = SitePageStatus.Published,
                MenuOrder = -1, SeoDescription = "Who runs the Gazette.", CreatedAt = DateTime.UtcNow.AddDays(-5), UpdatedAt = DateTime.UtcNow.AddDays(-2),
                ImportKey = "http://old.example#post-12",
            };
            db.SitePages.Add(about);
            await db.SaveChangesAsync();
            team.ParentId = about.Id;
            db.Redirects.Add(new Redirect { Path = "/about-the-gazette/", SitePageId = about.Id, CreatedAt = DateTime.UtcNow.AddDays(-1) });
            await db.SaveChangesAsync();
            return 0;
        });
        var first = await newsroom.CommentAsync(later, "Mara", "First!");
        var reply = await newsroom.CommentAsync(later, "Tom", "A reply to *Mara*.", replyTo: first, url: "https://tom.example/");
        await newsroom.CommentAsync(later, "Held", "Waiting for a moderator.", CommentStatus.Pending, replyTo: reply);
        var spam = await newsroom.CommentAsync(later, "Casino", "Cheap casino", CommentStatus.Spam);
        await newsroom.CommentAsync(later, "Bot", "Me too", CommentStatus.Trash, replyTo: spam);
        await WithDbAsync(db => db.Comments.Where(c => c.Id == reply.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.IpAddress, "203.0.113.9").SetProperty(c => c.UserAgent, "Firefox").SetProperty(c => c.StaffUserId, staffId)
            .SetProperty(c => c.EditedAt, DateTime.UtcNow).SetProperty(c => c.ModeratedAt, DateTime.UtcNow).SetProperty(c => c.NotifyReplies, true)
            .SetProperty(c => c.FilterReason, "more than 2 links").SetProperty(c => c.ImportKey, "http://old.example#comment-3")));

        var file = new MemoryStream();
        var report = await WithServicesAsync(sp => sp.GetRequiredService<SiteBackup>().ExportAsync(file, null, CancellationToken.None));
        Assert.Null(report.Error);
        return file.ToArray();
    }
}

/// <summary>`export json` and `import json`: a restore brings back exactly what the backup holds, or nothing at all.</summary>
public sealed class BackupTests(BackedUpSite site) : IClassFixture<BackedUpSite>
{
    private static Task<BackupReport> RestoreAsync(MastheadApp target, byte[] backup) =>
        target.WithServicesAsync(sp => sp.GetRequiredService<SiteBackup>().ImportAsync(new MemoryStream(backup), null, CancellationToken.None));

    private static async Task<byte[]> ExportAsync(MastheadApp app)
    {
        var file = new MemoryStream();
        await app.WithServicesAsync(sp => sp.GetRequiredService<SiteBackup>().ExportAsync(file, null, CancellationToken.None));
        return file.ToArray();
    }

    private static async Task WithFreshSiteAsync(Func<MastheadApp, Task> test)
    {
        var fresh = new MastheadApp();
        await ((IAsyncLifetime)fresh).InitializeAsync();
        try
        {
            await test(fresh);
        }
        finally
        {
            await ((IAsyncLifetime)fresh).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_restored_site_backs_up_to_the_very_same_bytes()
    {
        var backup = await site.BackupAsync();
        await WithFreshSiteAsync(async fresh =>
        {
            var report = await RestoreAsync(fresh, backup);
            Assert.Null(report.Error);
            Assert.Equal(5, report.Counts["comments"]);
            Assert.Equal(Encoding.UTF8.GetString(backup), Encoding.UTF8.GetString(await ExportAsync(fresh)));
        });
    }

    [Fact]
    public async Task Every_field_of_every_kind_comes_back_under_its_natural_key()
    {
        var backup = await site.BackupAsync();
        await WithFreshSiteAsync(async fresh =>
        {
            Assert.Null((await RestoreAsync(fresh, backup)).Error);
            var before = await site.WithDbAsync(Project);
            var after = await fresh.WithDbAsync(Project);
            Assert.Equal(before.Keys, after.Keys);
            foreach (var kind in before.Keys)
            {
                Assert.True(before[kind] == after[kind], $"{kind} differ:\n{before[kind]}\n---\n{after[kind]}");
            }
            Assert.Contains("\"Status\":4", before["articles"]);
            Assert.Contains("\"Parent\":\"Tom: A reply to *Mara*.\"", before["comments"]);
            Assert.Contains("Please check the figures.", before["articles"]);
            Assert.Contains("\"Parent\":\"about-", before["pages"]);
            Assert.Contains("\"Page\":\"about-", before["redirects"]);
        });
    }

    [Fact]
    public async Task Restored_staff_have_no_password_and_wait_for_an_invitation()
    {
        var backup = await site.BackupAsync();
        await WithFreshSiteAsync(async fresh =>
        {
            Assert.Null((await RestoreAsync(fresh, backup)).Error);
            var users = await fresh.WithDbAsync(db => db.Users.AsNoTracking().ToListAsync());
            var user = Assert.Single(users);
            Assert.Null(user.PasswordHash);
            Assert.NotNull(user.InvitedAt);
            Assert.NotNull(user.AuthorId);
            Assert.DoesNotContain("PasswordHash", Encoding.UTF8.GetString(backup), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("securityStamp", Encoding.UTF8.GetString(backup), StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_restored_article_page_shows_the_same_story_body()
    {
        var backup = await site.BackupAsync();
        var path = await site.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Council passes the budget").Select(a => new { a.PublishedAt, a.Slug }).SingleAsync());
        var url = ArticlePaths.For(path.PublishedAt!.Value, path.Slug);
        await WithFreshSiteAsync(async fresh =>
        {
            Assert.Null((await RestoreAsync(fresh, backup)).Error);
            var original = await site.GetPageAsync(url);
            var restored = await fresh.GetPageAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, restored.Status);
            Assert.Contains("voted", restored.One(".story-body")!.InnerHtml);
            Assert.Equal(original.One(".story-body")!.InnerHtml, restored.One(".story-body")!.InnerHtml);
        });
    }

    [Fact]
    public async Task A_cut_short_backup_is_refused_with_its_line_and_changes_nothing()
    {
        var backup = await site.BackupAsync();
        await WithFreshSiteAsync(async fresh =>
        {
            var report = await RestoreAsync(fresh, backup[..(backup.Length * 2 / 3)]);
            Assert.NotNull(report.Error);
            Assert.Contains("ends too early, at line", report.ToString());
            Assert.StartsWith("Import failed, nothing was changed", report.ToString());
            Assert.Equal((0, 0, 0, 0, 0), await fresh.WithDbAsync(async db =>
                (await db.Images.CountAsync(), await db.Sections.CountAsync(), await db.Articles.CountAsync(), await db.Users.CountAsync(), await db.SiteSettings.CountAsync())));
        });
    }

    [Fact]
    public async Task A_backup_that_refers_to_something_it_lacks_is_refused_and_changes_nothing()
    {
        var json = Encoding.UTF8.GetString(await site.BackupAsync());
        var broken = System.Text.RegularExpressions.Regex.Replace(json, "\"sectionId\": \\d+", "\"sectionId\": 987654", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        await WithFreshSiteAsync(async fresh =>
        {
            var report = await RestoreAsync(fresh, Encoding.UTF8.GetBytes(broken));
            Assert.Contains("refers to section 987654, which is not in the backup", report.Error);
            Assert.Equal(0, await fresh.WithDbAsync(db => db.Sections.CountAsync()));

            var wrong = await RestoreAsync(fresh, Encoding.UTF8.GetBytes(json.Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal)));
            Assert.Contains("version 7", wrong.Error);
        });
    }

    [Fact]
    public async Task A_site_that_already_has_content_is_refused()
    {
        var backup = await site.BackupAsync();
        var articles = await site.WithDbAsync(db => db.Articles.CountAsync());
        var report = await RestoreAsync(site, backup);
        Assert.Contains("already has content", report.Error);
        Assert.Contains("empty site", report.Error);
        Assert.Equal(articles, await site.WithDbAsync(db => db.Articles.CountAsync()));
    }

    /// <summary>Both sites in one shape, keyed by what a person would recognise (slugs, emails, paths), never by ids.</summary>
    private static async Task<Dictionary<string, string>> Project(MastheadDb db)
    {
        var articleSlugs = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Slug);
        var commentKeys = await db.Comments.AsNoTracking().ToDictionaryAsync(c => c.Id, c => $"{c.AuthorName}: {c.Body}");
        var sectionSlugs = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Slug);
        var tagSlugs = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Slug);
        var pageSlugs = await db.SitePages.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Slug);
        var emails = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email);
        string Json<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows);
        return new()
        {
            ["settings"] = Json(await db.SiteSettings.AsNoTracking().OrderBy(s => s.Key).ToListAsync()),
            ["sections"] = Json(await db.Sections.AsNoTracking().OrderBy(s => s.Slug).Select(s => new { s.Slug, s.Name, s.Description, s.Position }).ToListAsync()),
            ["tags"] = Json(await db.Tags.AsNoTracking().OrderBy(t => t.Slug).Select(t => new { t.Slug, t.Name, t.Description }).ToListAsync()),
            ["authors"] = Json(await db.Authors.AsNoTracking().OrderBy(a => a.Slug)
                .Select(a => new { a.Slug, a.Name, a.JobTitle, a.Bio, a.Email, Image = a.Image!.FileName }).ToListAsync()),
            ["sources"] = Json(await db.Sources.AsNoTracking().OrderBy(s => s.Slug).Select(s => new { s.Slug, s.Name, s.Url }).ToListAsync()),
            ["images"] = Json((await db.Images.AsNoTracking().OrderBy(i => i.FileName).ToListAsync())
                .Select(i => new { i.FileName, i.ContentType, i.Width, i.Height, i.Widths, i.AltText, i.Caption, i.Credit, i.SourceUrl, i.OriginalName, i.ByteSize, i.CreatedAt,
                    UploadedBy = i.UploadedById is { } u ? emails[u] : null })),
            ["staff"] = Json((await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync()).Select(u => new
            {
                u.Email, u.UserName, u.DisplayName, u.CreatedAt,
                Author = db.Authors.Where(a => a.Id == u.AuthorId).Select(a => a.Slug).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(n => n).ToList(),
            }).ToList()),
            ["articles"] = Json((await db.Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Bylines).ThenInclude(b => b.Author).Include(a => a.Corrections)
                .Include(a => a.Section).Include(a => a.Source).Include(a => a.Image).AsSplitQuery().OrderBy(a => a.Slug).ToListAsync()).Select(a => new
            {
                a.Slug, a.Headline, a.Standfirst, a.Dateline, a.BodyMarkdown, a.BodyHtml, a.Status, a.CreatedAt, a.PublishedAt, a.UpdatedAt, a.ModifiedAt,
                a.UnpublishAt, Section = a.Section.Slug, Source = a.Source?.Slug, a.SourceUrl, a.CanonicalUrl, Image = a.Image?.FileName,
                ReadAlso = a.ReadAlsoArticleId is { } r ? articleSlugs[r] : null, a.ReadAlsoAfterParagraph, a.CommentsOpen, a.CommentCount, a.WithdrawalNote,
                a.ImportKey, a.SeoTitle, a.SeoDescription, a.ReviewNote, Owner = a.OwnerId is { } o ? emails[o] : null,
                Bylines = a.Bylines.OrderBy(b => b.Position).Select(b => b.Author.Slug).ToList(),
                Tags = a.Tags.Select(t => t.Slug).Order().ToList(),
                Corrections = a.Corrections.OrderBy(c => c.CreatedAt).Select(c => new { c.CreatedAt, c.Note }).ToList(),
                Revisions = db.ArticleRevisions.Where(v => v.ArticleId == a.Id).OrderBy(v => v.Number)
                    .Select(v => new { v.Number, v.CreatedAt, v.StaffName, v.Kind, v.Headline, v.Standfirst, v.BodyMarkdown, v.Snapshot, v.StaffUserId }).ToList()
                    .Select(v => new { v.Number, v.CreatedAt, v.StaffName, v.Kind, v.Headline, v.Standfirst, v.BodyMarkdown, v.Snapshot, Staff = v.StaffUserId is { } s ? emails[s] : null }).ToList(),
            })),
            ["comments"] = Json((await db.Comments.AsNoTracking().ToListAsync()).Select(c => new
            {
                Article = articleSlugs[c.ArticleId], Key = commentKeys[c.Id], Parent = c.ParentId is { } p ? commentKeys[p] : null, c.Status, c.AuthorName,
                c.AuthorEmail, c.AuthorUrl, c.Body, c.BodyHtml, c.CreatedAt, c.ModeratedAt, c.EditedAt, c.IpAddress, c.UserAgent, c.NotifyReplies, c.FilterReason,
                c.ImportKey, Staff = c.StaffUserId is { } s ? emails[s] : null,
            }).OrderBy(c => c.Article).ThenBy(c => c.Key)),
            ["pages"] = Json((await db.SitePages.AsNoTracking().OrderBy(p => p.Slug).ToListAsync()).Select(p => new
            {
                p.Slug, p.Title, p.BodyMarkdown, p.BodyHtml, p.Status, Parent = p.ParentId is { } parent ? pageSlugs[parent] : null, p.MenuOrder, p.SeoDescription,
                p.CreatedAt, p.UpdatedAt, p.ImportKey,
            })),
            ["redirects"] = Json((await db.Redirects.AsNoTracking().OrderBy(r => r.Path).ToListAsync()).Select(r => new
            {
                r.Path, Article = r.ArticleId is { } a ? articleSlugs[a] : null, Page = r.SitePageId is { } p ? pageSlugs[p] : null, r.CreatedAt,
            })),
            ["taxonomyRedirects"] = Json((await db.TaxonomyRedirects.AsNoTracking().OrderBy(r => r.OldSlug).ToListAsync())
                .Select(r => new { r.Kind, r.OldSlug, Target = r.Kind == TaxonomyKind.Section ? sectionSlugs[r.TargetId] : tagSlugs[r.TargetId], r.CreatedAt })),
            ["wire"] = Json((await db.WireFeeds.AsNoTracking().Include(f => f.Source).OrderBy(f => f.FeedUrl).ToListAsync()).Select(f => new
            {
                f.FeedUrl, Source = f.Source.Slug, Section = sectionSlugs[f.SectionId], f.DefaultTags, f.PublishAtOnce, f.IntervalMinutes, f.ETag, f.LastModified, f.NextPollAt, f.Failures,
                Items = db.WireItems.Where(i => i.WireFeedId == f.Id).OrderBy(i => i.Key).ToList()
                    .Select(i => new { i.Key, i.Url, i.Fingerprint, Article = i.ArticleId is { } a ? articleSlugs[a] : null, i.ReceivedAt }).ToList(),
            })),
            ["blockedTerms"] = Json(await db.BlockedTerms.AsNoTracking().OrderBy(t => t.Value).Select(t => new { t.Kind, t.Value, t.CreatedAt }).ToListAsync()),
            ["spam"] = Json(await db.SpamTokens.AsNoTracking().OrderBy(t => t.Token).ToListAsync()),
            ["audit"] = Json((await db.AuditEntries.AsNoTracking().OrderBy(a => a.At).ThenBy(a => a.Action).ToListAsync())
                .Select(a => new { a.At, Staff = a.StaffUserId is { } s ? emails.GetValueOrDefault(s) : null, a.StaffName, a.Action, a.TargetType, a.Detail })),
        };
    }
}
