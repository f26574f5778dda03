using System.Text.Json;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Articles;

/// <summary>The fields of an article beyond its text, as a revision keeps them (names beside ids, for readable diffs).</summary>
public sealed record ArticleSnapshot(
    string Slug, ArticleStatus Status, int SectionId, string SectionName, IReadOnlyList<string> Tags,
    IReadOnlyList<int> AuthorIds, IReadOnlyList<string> AuthorNames, string? Dateline, int? SourceId, string? SourceUrl,
    string? CanonicalUrl, int? ImageId, int? ReadAlsoArticleId, int ReadAlsoAfterParagraph, bool CommentsOpen,
    string? SeoTitle, string? SeoDescription, DateTime? UnpublishAt)
{
    public static ArticleSnapshot Of(Article a, string sectionName, IReadOnlyList<string> authorNames) => new(
        a.Slug, a.Status, a.SectionId, sectionName, a.Tags.Select(t => t.Name).ToList(),
        a.Bylines.OrderBy(b => b.Position).Select(b => b.AuthorId).ToList(), authorNames, a.Dateline, a.SourceId, a.SourceUrl,
        a.CanonicalUrl, a.ImageId, a.ReadAlsoArticleId, a.ReadAlsoAfterParagraph, a.CommentsOpen, a.SeoTitle, a.SeoDescription, a.UnpublishAt);

    /// <summary>What the editor would submit to bring the article back to this state.</summary>
    public ArticleEdit ToEdit(ArticleRevision revision) => new()
    {
        Headline = revision.Headline,
        Standfirst = revision.Standfirst,
        Body = revision.BodyMarkdown,
        Slug = Slug,
        SectionId = SectionId,
        Tags = string.Join(", ", Tags),
        AuthorIds = [.. AuthorIds],
        Dateline = Dateline,
        SourceId = SourceId,
        SourceUrl = SourceUrl,
        CanonicalUrl = CanonicalUrl,
        ImageId = ImageId,
        ReadAlsoArticleId = ReadAlsoArticleId,
        ReadAlsoAfterParagraph = ReadAlsoAfterParagraph,
        CommentsOpen = CommentsOpen,
        SeoTitle = SeoTitle,
        SeoDescription = SeoDescription,
        UnpublishAt = UnpublishAt,
    };
}

/// <summary>One line of a diff: unchanged, added or removed, with word-level pieces for changed lines.</summary>
public sealed record DiffLine(ChangeType Kind, IReadOnlyList<DiffPiece> Words, string Text);

/// <summary>A readable comparison of two revisions: text fields line by line (words within lines), other fields as before → after.</summary>
public sealed record RevisionDiff(
    ArticleRevision From, ArticleRevision To, IReadOnlyList<DiffLine> Headline, IReadOnlyList<DiffLine> Standfirst,
    IReadOnlyList<DiffLine> Body, IReadOnlyList<(string Field, string Before, string After)> Fields)
{
    public bool HasChanges => Fields.Count > 0 || new[] { Headline, Standfirst, Body }.Any(lines => lines.Any(l => l.Kind != ChangeType.Unchanged));
}

/// <summary>Keeps a revision for every save, compares any two, and gives back what restoring one means.</summary>
public sealed class ArticleRevisions(MastheadDb db, SiteClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    /// <summary>Autosaves by one person within this time replace each other instead of piling up.</summary>
    private static readonly TimeSpan AutosaveWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Adds a revision of the article's saved state to the unit of work (the caller saves). The article must exist
    /// (have an id) and have its bylines and tags loaded.
    /// </summary>
    public async Task<ArticleRevision> CaptureAsync(Article article, Staffer by, string kind, CancellationToken ct)
    {
        var sectionName = await db.Sections.Where(s => s.Id == article.SectionId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";
        var authorIds = article.Bylines.OrderBy(b => b.Position).Select(b => b.AuthorId).ToList();
        var names = await db.Authors.Where(a => authorIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var snapshot = JsonSerializer.Serialize(ArticleSnapshot.Of(article, sectionName, authorIds.Select(id => names.GetValueOrDefault(id, "?")).ToList()), Json);

        var latest = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var now = clock.UtcNow;
        if (kind == "autosaved" && latest is { Kind: "autosaved" } && latest.StaffUserId == NullIfSystem(by) && now - latest.CreatedAt < AutosaveWindow)
        {
            // The newer autosave replaces the older one, under a new number, so that a colleague who opened the
            // story at the older one still sees that it changed since.
            db.ArticleRevisions.Remove(latest);
        }
        var revision = new ArticleRevision
        {
            Number = (latest?.Number ?? 0) + 1,
            StaffUserId = NullIfSystem(by),
            StaffName = by.Name,
            Kind = kind,
        };
        Fill(revision, article, snapshot, now);
        revision.ArticleId = article.Id;
        db.ArticleRevisions.Add(revision);
        return revision;
    }

    public Task<List<ArticleRevision>> ListAsync(int articleId, CancellationToken ct) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number).ToListAsync(ct);

    public Task<ArticleRevision?> FindAsync(int articleId, int number, CancellationToken ct) =>
        db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, ct);

    public async Task<int> LatestNumberAsync(int articleId, CancellationToken ct) =>
        await db.ArticleRevisions.Where(r => r.ArticleId == articleId).Select(r => (int?)r.Number).MaxAsync(ct) ?? 0;

    public static ArticleSnapshot Snapshot(ArticleRevision revision) =>
        JsonSerializer.Deserialize<ArticleSnapshot>(revision.Snapshot, Json) ?? throw new InvalidDataException($"Revision {revision.Id} has no snapshot.");

    public static RevisionDiff Compare(ArticleRevision from, ArticleRevision to)
    {
        var a = Snapshot(from);
        var b = Snapshot(to);
        var fields = new List<(string, string, string)>();
        void Field(string name, object? before, object? after)
        {
            var x = Show(before);
            var y = Show(after);
            if (x != y)
            {
                fields.Add((name, x, y));
            }
        }
        Field("Address", a.Slug, b.Slug);
        Field("Status", a.Status, b.Status);
        Field("Section", a.SectionName, b.SectionName);
        Field("Tags", string.Join(", ", a.Tags), string.Join(", ", b.Tags));
        Field("Bylines", string.Join(", ", a.AuthorNames), string.Join(", ", b.AuthorNames));
        Field("Dateline", a.Dateline, b.Dateline);
        Field("Source", a.SourceId, b.SourceId);
        Field("Original story", a.SourceUrl, b.SourceUrl);
        Field("Canonical address", a.CanonicalUrl, b.CanonicalUrl);
        Field("Featured image", a.ImageId, b.ImageId);
        Field("READ ALSO story", a.ReadAlsoArticleId, b.ReadAlsoArticleId);
        Field("READ ALSO after paragraph", a.ReadAlsoAfterParagraph, b.ReadAlsoAfterParagraph);
        Field("Comments open", a.CommentsOpen ? "yes" : "no", b.CommentsOpen ? "yes" : "no");
        Field("Search title", a.SeoTitle, b.SeoTitle);
        Field("Search description", a.SeoDescription, b.SeoDescription);
        Field("Unpublish at", a.UnpublishAt?.ToString("u"), b.UnpublishAt?.ToString("u"));
        return new RevisionDiff(from, to, Lines(from.Headline, to.Headline), Lines(from.Standfirst, to.Standfirst),
            Lines(from.BodyMarkdown, to.BodyMarkdown), fields);
    }

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string s when string.IsNullOrWhiteSpace(s) => "(none)",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Line by line; a changed line shows which words were removed and added.</summary>
    private static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var side = SideBySideDiffBuilder.Diff(new Differ(), before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false,
            lineChunker: LineChunker.Instance, wordChunker: WordChunker.Instance);
        var lines = new List<DiffLine>();
        for (var i = 0; i < Math.Max(side.OldText.Lines.Count, side.NewText.Lines.Count); i++)
        {
            var old = i < side.OldText.Lines.Count ? side.OldText.Lines[i] : null;
            var @new = i < side.NewText.Lines.Count ? side.NewText.Lines[i] : null;
            if (old is { Type: ChangeType.Modified } && @new is { Type: ChangeType.Modified })
            {
                lines.Add(new DiffLine(ChangeType.Deleted, old.SubPieces, old.Text ?? ""));
                lines.Add(new DiffLine(ChangeType.Inserted, @new.SubPieces, @new.Text ?? ""));
                continue;
            }
            if (old is { Type: ChangeType.Deleted })
            {
                lines.Add(new DiffLine(ChangeType.Deleted, [], old.Text ?? ""));
            }
            if (@new is { Type: ChangeType.Inserted })
            {
                lines.Add(new DiffLine(ChangeType.Inserted, [], @new.Text ?? ""));
            }
            if (old is { Type: ChangeType.Unchanged })
            {
                lines.Add(new DiffLine(ChangeType.Unchanged, [], old.Text ?? ""));
            }
        }
        return lines;
    }

    private static int? NullIfSystem(Staffer by) => by.IsSystem ? null : by.UserId;

    private static void Fill(ArticleRevision revision, Article article, string snapshot, DateTime now)
    {
        revision.CreatedAt = now;
        revision.Headline = article.Headline;
        revision.Standfirst = article.Standfirst;
        revision.BodyMarkdown = article.BodyMarkdown;
        revision.Snapshot = snapshot;
    }
}
