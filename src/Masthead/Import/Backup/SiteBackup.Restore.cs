using System.Text.Json;
using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Media;
using Masthead.Pages;
using Masthead.Shared;
using Masthead.Syndication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Import.Backup;

public sealed partial class SiteBackup
{
    /// <summary>
    /// Restores a backup into a site without content. Ids are kept as they were, so every reference in the file
    /// (revision snapshots, the logo setting, wire items' stories) still points at the same row. Staff accounts are
    /// matched by email: one that already exists (the admin who runs the restore) is kept as it is; the others are
    /// created without a password, waiting for an invitation.
    /// </summary>
    public async Task<BackupReport> ImportAsync(Stream file, Action<string>? progress, CancellationToken ct)
    {
        var report = new BackupReport();
        await using var pageCache = await db.WidenPageCacheAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await EnsureEmptyAsync(ct);
            await new Restore(db, clock, normalizer, new BackupJsonReader(file), report, progress).RunAsync(ct);
            await search.RebuildAsync(ct);
            await related.RebuildAsync(ct);
        }
        catch (Exception e) when (e is BackupException or DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            report.Error = e is DbUpdateException ? $"the database refused a row: {e.InnerException?.Message ?? e.Message}" : e.Message;
            return report;
        }
        await transaction.CommitAsync(ct);
        sections.Invalidate();
        services.GetRequiredService<PageDirectory>().Invalidate();
        await cache.EvictContentAsync(ct);
        await Admin.SiteSettings.ApplyStoredAsync(services, ct);
        return report;
    }

    private async Task EnsureEmptyAsync(CancellationToken ct)
    {
        var found = new List<string>();
        async Task Check<T>(IQueryable<T> rows, string what)
        {
            if (await rows.CountAsync(ct) is var n and > 0)
            {
                found.Add($"{n} {what}");
            }
        }
        await Check(db.Articles, "articles");
        await Check(db.Sections, "sections");
        await Check(db.Tags, "tags");
        await Check(db.Authors, "authors");
        await Check(db.Sources, "sources");
        await Check(db.Images, "images");
        await Check(db.Comments, "comments");
        await Check(db.Redirects, "redirects");
        await Check(db.SitePages, "pages");
        await Check(db.TaxonomyRedirects, "old section or tag addresses");
        await Check(db.WireFeeds, "wire feeds");
        await Check(db.BlockedTerms, "blocked terms");
        if (found.Count > 0)
        {
            throw new BackupException($"this site already has content ({string.Join(", ", found)}). A backup is restored only into an empty site: " +
                "start Masthead with a new --data folder and import there.");
        }
    }

    /// <summary>One restore's state: what has been brought in so far, for checking references as rows arrive.</summary>
    private sealed class Restore(MastheadDb db, SiteClock clock, ILookupNormalizer normalizer, BackupJsonReader reader, BackupReport report, Action<string>? progress)
    {
        private readonly Dictionary<int, int> _staff = [];
        private readonly List<(int UserId, int AuthorId)> _staffAuthors = [];
        private readonly HashSet<int> _images = [];
        private readonly HashSet<int> _sections = [];
        private readonly HashSet<int> _tags = [];
        private readonly HashSet<int> _authors = [];
        private readonly HashSet<int> _sources = [];
        private readonly HashSet<int> _articles = [];
        private readonly HashSet<int> _comments = [];
        private readonly HashSet<int> _wireFeeds = [];
        private readonly HashSet<int> _pages = [];
        private readonly List<(int PageId, int ParentId, string Slug)> _pageParents = [];
        private readonly List<(int ArticleId, int ReadAlsoId, string Slug)> _readAlso = [];
        private readonly List<(int CommentId, int ParentId)> _parents = [];
        private bool _keepAuditIds;

        public async Task RunAsync(CancellationToken ct)
        {
            _keepAuditIds = !await db.AuditEntries.AnyAsync(ct);
            if (reader.Read() != JsonTokenType.StartObject)
            {
                throw new BackupException($"this is not a Masthead backup: it does not start with a JSON object ({reader.Position()})");
            }
            if (reader.Read() != JsonTokenType.PropertyName || reader.Text != "format" || reader.Value<string>() != BackupFormat.Name)
            {
                throw new BackupException($"this is not a Masthead backup: it must start with \"format\": \"{BackupFormat.Name}\" ({reader.Position()})");
            }
            if (reader.Read() != JsonTokenType.PropertyName || reader.Text != "version")
            {
                throw new BackupException($"the backup does not say its version ({reader.Position()})");
            }
            var version = reader.Value<int>();
            if (version != BackupFormat.Version)
            {
                throw new BackupException($"this backup is format version {version}; this Masthead reads version {BackupFormat.Version}");
            }
            var last = -1;
            while (reader.Read() == JsonTokenType.PropertyName)
            {
                var kind = reader.Text!;
                var index = BackupFormat.Kinds.ToList().IndexOf(kind);
                if (index < 0)
                {
                    throw new BackupException($"unknown part \"{kind}\" at {reader.Position()}");
                }
                if (index <= last)
                {
                    throw new BackupException($"\"{kind}\" is out of order or repeated at {reader.Position()}");
                }
                last = index;
                if (reader.Read() != JsonTokenType.StartArray)
                {
                    throw new BackupException($"\"{kind}\" must be a list, at {reader.Position()}");
                }
                await (kind switch
                {
                    "settings" => Each<BackupSetting>(kind, Setting, ct),
                    "staff" => Each<BackupStaffUser>(kind, StaffAsync, ct),
                    "images" => Each<BackupImage>(kind, Image, ct),
                    "sections" => Each<BackupSection>(kind, Section, ct),
                    "tags" => Each<BackupTag>(kind, Tag, ct),
                    "authors" => Each<BackupAuthor>(kind, Author, ct),
                    "sources" => Each<BackupSource>(kind, Source, ct),
                    "articles" => Each<BackupArticle>(kind, Article, ct, ArticleBatch),
                    "comments" => Each<BackupComment>(kind, Comment, ct),
                    "pages" => Each<BackupPage>(kind, Page, ct),
                    "redirects" => Each<BackupRedirect>(kind, Redirect, ct),
                    "taxonomyRedirects" => Each<BackupTaxonomyRedirect>(kind, TaxonomyRedirect, ct),
                    "wireFeeds" => Each<BackupWireFeed>(kind, WireFeed, ct),
                    "wireItems" => Each<BackupWireItem>(kind, WireItem, ct),
                    "blockedTerms" => Each<BackupBlockedTerm>(kind, BlockedTerm, ct),
                    "spamTokens" => Each<BackupSpamToken>(kind, SpamTokenAsync, ct, Batch * 5),
                    "spamTraining" => Each<BackupSpamTraining>(kind, SpamTrainingAsync, ct),
                    _ => Each<BackupAuditEntry>(kind, Audit, ct),
                });
            }
            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new BackupException($"a part name was expected at {reader.Position()}");
            }
            await LinkAsync(ct);
        }

        /// <summary>Reads a list item by item, saving every <paramref name="batch"/> rows and then forgetting them.</summary>
        private async Task Each<T>(string kind, Func<T, CancellationToken, ValueTask> add, CancellationToken ct, int batch = Batch)
        {
            var pending = 0;
            while (reader.TryItem<T>(out var item))
            {
                await add(item, ct);
                report.Count(kind);
                if (++pending == batch)
                {
                    await SaveAsync(ct);
                    pending = 0;
                    progress?.Invoke($"{report.Counts[kind]} {kind} read");
                }
            }
            await SaveAsync(ct);
            progress?.Invoke($"{report.Counts.GetValueOrDefault(kind)} {kind} read");
        }

        private async Task SaveAsync(CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        private BackupException Missing(string what, string row, int id) =>
            new($"{row} refers to {what} {id}, which is not in the backup (at {reader.Position()})");

        private int? Staff(int? id) => id is { } old && _staff.TryGetValue(old, out var now) ? now : null;

        private async ValueTask Setting(BackupSetting s, CancellationToken ct)
        {
            var existing = await db.SiteSettings.FindAsync([s.Key], ct);
            if (existing is null)
            {
                db.SiteSettings.Add(new SiteSetting { Key = s.Key, Value = s.Value });
            }
            else
            {
                existing.Value = s.Value;
            }
        }

        private async ValueTask StaffAsync(BackupStaffUser s, CancellationToken ct)
        {
            var email = normalizer.NormalizeEmail(s.Email);
            if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email, ct) is { } existing)
            {
                _staff[s.Id] = existing.Id;
                return;
            }
            var now = clock.UtcNow;
            var user = new StaffUser
            {
                Id = await db.Users.AnyAsync(u => u.Id == s.Id, ct) ? 0 : s.Id,
                Email = s.Email,
                NormalizedEmail = email,
                UserName = s.UserName,
                NormalizedUserName = normalizer.NormalizeName(s.UserName),
                DisplayName = s.DisplayName,
                CreatedAt = s.CreatedAt,
                // No password came with the account: it waits for an admin to send it an invitation.
                InvitedAt = now,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                LockoutEnd = s.Suspended ? DateTimeOffset.MaxValue : null,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            _staff[s.Id] = user.Id;
            if (s.AuthorId is { } authorId)
            {
                _staffAuthors.Add((user.Id, authorId));
            }
            foreach (var name in s.Roles)
            {
                if (!StaffRoles.All.Contains(name))
                {
                    throw new BackupException($"staff member {s.Email} has the unknown role \"{name}\" (at {reader.Position()})");
                }
                var normalized = normalizer.NormalizeName(name);
                var role = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, ct);
                if (role is null)
                {
                    role = new IdentityRole<int>(name) { NormalizedName = normalized };
                    db.Roles.Add(role);
                    await db.SaveChangesAsync(ct);
                }
                db.UserRoles.Add(new IdentityUserRole<int> { UserId = user.Id, RoleId = role.Id });
            }
        }

        private ValueTask Image(BackupImage i, CancellationToken ct)
        {
            db.Images.Add(new Image
            {
                Id = i.Id, FileName = i.FileName, ContentType = i.ContentType, Width = i.Width, Height = i.Height, Widths = i.Widths,
                AltText = i.AltText, Caption = i.Caption, Credit = i.Credit, SourceUrl = i.SourceUrl, OriginalName = i.OriginalName,
                ByteSize = i.ByteSize, CreatedAt = i.CreatedAt, UploadedById = Staff(i.UploadedById),
            });
            _images.Add(i.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask Section(BackupSection s, CancellationToken ct)
        {
            db.Sections.Add(new Section { Id = s.Id, Slug = s.Slug, Name = s.Name, Description = s.Description, Position = s.Position });
            _sections.Add(s.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask Tag(BackupTag t, CancellationToken ct)
        {
            db.Tags.Add(new Tag { Id = t.Id, Slug = t.Slug, Name = t.Name, Description = t.Description });
            _tags.Add(t.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask Author(BackupAuthor a, CancellationToken ct)
        {
            if (a.ImageId is { } image && !_images.Contains(image))
            {
                throw Missing("image", $"author {a.Slug}", image);
            }
            db.Authors.Add(new Author { Id = a.Id, Slug = a.Slug, Name = a.Name, JobTitle = a.JobTitle, Bio = a.Bio, Email = a.Email, ImageId = a.ImageId });
            _authors.Add(a.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask Source(BackupSource s, CancellationToken ct)
        {
            db.Sources.Add(new Source { Id = s.Id, Slug = s.Slug, Name = s.Name, Url = s.Url });
            _sources.Add(s.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask Article(BackupArticle a, CancellationToken ct)
        {
            var row = $"article {a.Slug}";
            if (!_sections.Contains(a.SectionId))
            {
                throw Missing("section", row, a.SectionId);
            }
            if (a.SourceId is { } source && !_sources.Contains(source))
            {
                throw Missing("source", row, source);
            }
            if (a.ImageId is { } image && !_images.Contains(image))
            {
                throw Missing("image", row, image);
            }
            if (a.OwnerId is { } ownerId && !_staff.ContainsKey(ownerId))
            {
                throw Missing("staff member", row, ownerId);
            }
            var article = new Article
            {
                Id = a.Id, Slug = a.Slug, Headline = a.Headline, Standfirst = a.Standfirst, Dateline = a.Dateline, Status = a.Status,
                CreatedAt = a.CreatedAt, PublishedAt = a.PublishedAt, UpdatedAt = a.UpdatedAt, ModifiedAt = a.ModifiedAt, UnpublishAt = a.UnpublishAt,
                SectionId = a.SectionId, SourceId = a.SourceId, SourceUrl = a.SourceUrl, CanonicalUrl = a.CanonicalUrl, ImageId = a.ImageId,
                ReadAlsoAfterParagraph = a.ReadAlsoAfterParagraph, CommentsOpen = a.CommentsOpen, CommentCount = a.CommentCount,
                WithdrawalNote = a.WithdrawalNote, ImportKey = a.ImportKey, SeoTitle = a.SeoTitle, SeoDescription = a.SeoDescription,
                ReviewNote = a.ReviewNote, OwnerId = Staff(a.OwnerId), BodyMarkdown = a.BodyMarkdown, BodyHtml = a.BodyHtml,
            };
            var position = 0;
            foreach (var author in a.AuthorIds)
            {
                article.Bylines.Add(_authors.Contains(author) ? new Byline { AuthorId = author, Position = position++ } : throw Missing("author", row, author));
            }
            article.Corrections.AddRange(a.Corrections.Select(c => new ArticleCorrection { Id = c.Id, CreatedAt = c.CreatedAt, Note = c.Note }));
            db.Articles.Add(article);
            var articleTags = db.ArticleTags;
            foreach (var tag in a.TagIds)
            {
                articleTags.Add(_tags.Contains(tag) ? new() { [MastheadDb.ArticleTagsArticleId] = a.Id, [MastheadDb.ArticleTagsTagId] = tag } : throw Missing("tag", row, tag));
            }
            foreach (var r in a.Revisions)
            {
                db.ArticleRevisions.Add(new ArticleRevision
                {
                    Id = r.Id, ArticleId = a.Id, Number = r.Number, CreatedAt = r.CreatedAt, StaffUserId = Staff(r.StaffUserId), StaffName = r.StaffName,
                    Kind = r.Kind, Headline = r.Headline, Standfirst = r.Standfirst, BodyMarkdown = r.BodyMarkdown, Snapshot = r.Snapshot,
                });
            }
            // The pick may be a later story: it is linked once every article is in.
            if (a.ReadAlsoArticleId is { } readAlso)
            {
                _readAlso.Add((a.Id, readAlso, a.Slug));
            }
            _articles.Add(a.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask Comment(BackupComment c, CancellationToken ct)
        {
            if (!_articles.Contains(c.ArticleId))
            {
                throw Missing("article", $"comment {c.Id}", c.ArticleId);
            }
            var parentIn = c.ParentId is { } p && _comments.Contains(p);
            if (c.ParentId is { } parent && !parentIn)
            {
                _parents.Add((c.Id, parent));
            }
            db.Comments.Add(new Comment
            {
                Id = c.Id, ArticleId = c.ArticleId, ParentId = parentIn ? c.ParentId : null, Status = c.Status, AuthorName = c.AuthorName,
                AuthorEmail = c.AuthorEmail, AuthorUrl = c.AuthorUrl, Body = c.Body, BodyHtml = c.BodyHtml, CreatedAt = c.CreatedAt,
                ModeratedAt = c.ModeratedAt, EditedAt = c.EditedAt, IpAddress = c.IpAddress, UserAgent = c.UserAgent, NotifyReplies = c.NotifyReplies,
                FilterReason = c.FilterReason, ImportKey = c.ImportKey, StaffUserId = Staff(c.StaffUserId),
            });
            _comments.Add(c.Id);
            return ValueTask.CompletedTask;
        }

        /// <summary>Parents are linked at the end: a page may be moved under one written after it.</summary>
        private ValueTask Page(BackupPage p, CancellationToken ct)
        {
            db.SitePages.Add(new SitePage
            {
                Id = p.Id, Slug = p.Slug, Title = p.Title, Status = p.Status, MenuOrder = p.MenuOrder, SeoDescription = p.SeoDescription,
                CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt, ImportKey = p.ImportKey, BodyMarkdown = p.BodyMarkdown, BodyHtml = p.BodyHtml,
            });
            if (p.ParentId is { } parent)
            {
                _pageParents.Add((p.Id, parent, p.Slug));
            }
            _pages.Add(p.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask Redirect(BackupRedirect r, CancellationToken ct)
        {
            if ((r.ArticleId is null) == (r.PageId is null))
            {
                throw new BackupException($"redirect {r.Path} must lead to exactly one article or page (at {reader.Position()})");
            }
            if (r.ArticleId is { } article && !_articles.Contains(article))
            {
                throw Missing("article", $"redirect {r.Path}", article);
            }
            if (r.PageId is { } page && !_pages.Contains(page))
            {
                throw Missing("page", $"redirect {r.Path}", page);
            }
            db.Redirects.Add(new Redirect { Id = r.Id, Path = r.Path, ArticleId = r.ArticleId, SitePageId = r.PageId, CreatedAt = r.CreatedAt });
            return ValueTask.CompletedTask;
        }

        private ValueTask TaxonomyRedirect(BackupTaxonomyRedirect r, CancellationToken ct)
        {
            if (!(r.Kind == TaxonomyKind.Section ? _sections : _tags).Contains(r.TargetId))
            {
                throw Missing(r.Kind == TaxonomyKind.Section ? "section" : "tag", $"old address {r.OldSlug}", r.TargetId);
            }
            db.TaxonomyRedirects.Add(new TaxonomyRedirect { Id = r.Id, Kind = r.Kind, OldSlug = r.OldSlug, TargetId = r.TargetId, CreatedAt = r.CreatedAt });
            return ValueTask.CompletedTask;
        }

        private ValueTask WireFeed(BackupWireFeed f, CancellationToken ct)
        {
            if (!_sources.Contains(f.SourceId))
            {
                throw Missing("source", $"wire feed {f.FeedUrl}", f.SourceId);
            }
            if (!_sections.Contains(f.SectionId))
            {
                throw Missing("section", $"wire feed {f.FeedUrl}", f.SectionId);
            }
            db.WireFeeds.Add(new WireFeed
            {
                Id = f.Id, SourceId = f.SourceId, FeedUrl = f.FeedUrl, SectionId = f.SectionId, DefaultTags = f.DefaultTags, PublishAtOnce = f.PublishAtOnce,
                IntervalMinutes = f.IntervalMinutes, ETag = f.ETag, LastModified = f.LastModified, NextPollAt = f.NextPollAt, Failures = f.Failures,
            });
            _wireFeeds.Add(f.Id);
            return ValueTask.CompletedTask;
        }

        private ValueTask WireItem(BackupWireItem i, CancellationToken ct)
        {
            if (!_wireFeeds.Contains(i.WireFeedId))
            {
                throw Missing("wire feed", $"wire item {i.Key}", i.WireFeedId);
            }
            db.WireItems.Add(new WireItem
            {
                Id = i.Id, WireFeedId = i.WireFeedId, Key = i.Key, Url = i.Url, Fingerprint = i.Fingerprint, ArticleId = i.ArticleId,
                DuplicateOfArticleId = i.DuplicateOfArticleId, ReceivedAt = i.ReceivedAt,
            });
            return ValueTask.CompletedTask;
        }

        private ValueTask BlockedTerm(BackupBlockedTerm t, CancellationToken ct)
        {
            db.BlockedTerms.Add(new BlockedTerm { Id = t.Id, Kind = t.Kind, Value = t.Value, CreatedAt = t.CreatedAt });
            return ValueTask.CompletedTask;
        }

        /// <summary>What the spam filter has learned is merged into whatever this site has learned already.</summary>
        private async ValueTask SpamTokenAsync(BackupSpamToken t, CancellationToken ct)
        {
            var existing = await db.SpamTokens.FindAsync([t.Token], ct);
            if (existing is null)
            {
                db.SpamTokens.Add(new SpamToken { Token = t.Token, SpamCount = t.SpamCount, HamCount = t.HamCount });
            }
            else
            {
                existing.SpamCount += t.SpamCount;
                existing.HamCount += t.HamCount;
            }
        }

        private async ValueTask SpamTrainingAsync(BackupSpamTraining t, CancellationToken ct)
        {
            var existing = await db.SpamTraining.FindAsync([t.Id], ct);
            if (existing is null)
            {
                db.SpamTraining.Add(new SpamTraining { Id = t.Id, SpamComments = t.SpamComments, HamComments = t.HamComments });
            }
            else
            {
                existing.SpamComments += t.SpamComments;
                existing.HamComments += t.HamComments;
            }
        }

        private ValueTask Audit(BackupAuditEntry a, CancellationToken ct)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Id = _keepAuditIds ? a.Id : 0, At = a.At, StaffUserId = Staff(a.StaffUserId), StaffName = a.StaffName, Action = a.Action,
                TargetType = a.TargetType, TargetId = a.TargetId, Detail = a.Detail,
            });
            return ValueTask.CompletedTask;
        }

        /// <summary>The links that may point forward in the file: staff to authors, READ ALSO picks, pages' parents, replies to later comments.</summary>
        private async Task LinkAsync(CancellationToken ct)
        {
            foreach (var (userId, authorId) in _staffAuthors)
            {
                if (!_authors.Contains(authorId))
                {
                    throw new BackupException($"staff member {userId} refers to author {authorId}, which is not in the backup");
                }
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AuthorId, authorId), ct);
            }
            foreach (var (articleId, readAlso, slug) in _readAlso)
            {
                if (!_articles.Contains(readAlso))
                {
                    throw new BackupException($"article {slug} picks article {readAlso} for READ ALSO, which is not in the backup");
                }
                await db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadAlsoArticleId, readAlso), ct);
            }
            foreach (var (pageId, parentId, slug) in _pageParents)
            {
                if (!_pages.Contains(parentId))
                {
                    throw new BackupException($"page {slug} sits under page {parentId}, which is not in the backup");
                }
                await db.SitePages.Where(p => p.Id == pageId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ParentId, parentId), ct);
            }
            foreach (var (commentId, parentId) in _parents)
            {
                if (!_comments.Contains(parentId))
                {
                    throw new BackupException($"comment {commentId} replies to comment {parentId}, which is not in the backup");
                }
                await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, parentId), ct);
            }
            // The threads are not in the file: they follow from the comments, now that every reply has its parent.
            var articleIds = _articles.ToList();
            await CommentCounts.RecountAsync(db, db.Articles.Where(a => articleIds.Contains(a.Id)), null, ct);
        }
    }
}
