using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Media;

/// <summary>What staff say about a picture: alt text for people who cannot see it, the caption, and who made it.</summary>
public sealed record ImageDetails(string AltText, string Caption, string Credit);

/// <summary>The stored image, or a sentence for the person uploading saying why it was refused.</summary>
public sealed record MediaUploadResult(Image? Image, string? Error);

public enum MediaChange
{
    Saved,
    NotFound,
    /// <summary>The details were not acceptable; the error says why.</summary>
    Invalid,
    /// <summary>Only editors, admins and the person who uploaded an image may delete it.</summary>
    Forbidden,
    /// <summary>An article or an author still shows the image.</summary>
    InUse,
}

public sealed record MediaChangeResult(MediaChange Outcome, string? Error = null)
{
    public bool Succeeded => Outcome == MediaChange.Saved;
}

/// <summary>An article that shows an image, as its lead picture or inside its body.</summary>
public sealed record ImageUse(int ArticleId, string Headline, ArticleStatus Status, DateTime? PublishedAt, string Slug, bool AsLeadImage)
{
    public string? PublicPath => Status == ArticleStatus.Published && PublishedAt is { } at ? ArticlePaths.For(at, Slug) : null;
}

public sealed record ImageUses(IReadOnlyList<ImageUse> Articles, IReadOnlyList<string> Authors)
{
    public bool Any => Articles.Count > 0 || Authors.Count > 0;
}

/// <summary>One page of the library, newest first.</summary>
public sealed record MediaSearchResult(IReadOnlyList<Image> Images, int Page, int TotalPages, int Total);

/// <summary>
/// The newsroom's pictures: uploads (checked, cleaned of metadata, copied at responsive sizes), their details, and
/// deletion of pictures nothing shows. Files live under the data folder's media directory as
/// <c>yyyy/MM/{guid}.{ext}</c> with copies <c>yyyy/MM/{guid}-{width}.webp</c>; see <see cref="ResponsiveImage"/>.
/// </summary>
public sealed class MediaLibrary(MastheadDb db, SiteOptions site, MediaOptions options, AuditLog audit, SiteClock clock, SiteCache cache,
    ILogger<MediaLibrary> logger)
{
    public const int MaxAltText = 500;
    public const int MaxCaption = 1000;
    public const int MaxCredit = 200;
    private const int MaxOriginalName = 300;
    /// <summary>Files being written wait here; the dot keeps them from being served at /media/.</summary>
    private const string IncomingFolder = ".incoming";

    /// <summary>Why these details cannot be saved, or null when they can.</summary>
    public static string? Check(ImageDetails details) =>
        details.AltText.Trim().Length > MaxAltText ? $"Alt text can be up to {MaxAltText} characters."
        : details.Caption.Trim().Length > MaxCaption ? $"The caption can be up to {MaxCaption:N0} characters."
        : details.Credit.Trim().Length > MaxCredit ? $"The credit can be up to {MaxCredit} characters."
        : null;

    private static ImageDetails Clean(ImageDetails details) => new(details.AltText.Trim(), details.Caption.Trim(), details.Credit.Trim());

    public async Task<MediaUploadResult> UploadAsync(Stream content, string fileName, int? uploadedById, ImageDetails details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(details);
        if (Check(details) is { } invalid)
        {
            return new MediaUploadResult(null, invalid);
        }
        details = Clean(details);
        var bytes = await ReadAtMostAsync(content, options.MaxUploadBytes, ct);
        if (bytes is null)
        {
            return new MediaUploadResult(null, TooLarge(options.MaxUploadBytes));
        }
        var processing = ImageProcessor.Process(bytes, options);
        if (processing.Image is not { } processed)
        {
            return new MediaUploadResult(null, processing.Error);
        }

        var now = clock.UtcNow;
        var stem = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():n}";
        var image = new Image
        {
            FileName = $"{stem}.{processed.Extension}",
            AltText = details.AltText,
            Caption = details.Caption,
            Credit = details.Credit,
            CreatedAt = now,
            OriginalName = OriginalName(fileName),
            UploadedById = uploadedById is > 0 ? uploadedById : null,
        };
        Describe(image, processed);

        var stored = await StoreAsync(image, processed, async () =>
        {
            var who = image.UploadedById is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
            // The row and its audit entry (which needs the row's id) are saved together or not at all.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            db.Images.Add(image);
            await db.SaveChangesAsync(ct);
            audit.Add(image.UploadedById, who ?? "", "media.uploaded", "image", image.Id,
                $"{image.OriginalName} ({image.Width}\u00d7{image.Height} {processed.Kind}, {ByteSizeText(image.ByteSize)})");
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }, ct);
        return stored
            ? new MediaUploadResult(image, null)
            : new MediaUploadResult(null, "The picture could not be saved on the server, and nothing was kept. Please try again, or tell an administrator if it happens again.");
    }

    /// <summary>The facts of the processed file that the row records: type, size, dimensions and the widths of its copies.</summary>
    private static void Describe(Image image, ProcessedImage processed)
    {
        image.ContentType = processed.ContentType;
        image.Width = processed.Width;
        image.Height = processed.Height;
        image.ByteSize = processed.Original.Length;
        image.Widths = ResponsiveImage.FormatWidths(processed.Copies.Select(c => c.Width));
    }

    /// <summary>
    /// Writes the processed file and its copies under the row's file name, then saves the row with
    /// <paramref name="save"/>. When either fails, the files written are removed and the context forgets its changes,
    /// so nothing is half-kept; the failure is logged and false returned.
    /// </summary>
    private async Task<bool> StoreAsync(Image image, ProcessedImage processed, Func<Task> save, CancellationToken ct)
    {
        var files = new List<(string Name, byte[] Bytes)> { (image.FileName, processed.Original) };
        files.AddRange(processed.Copies.Select(c => (ResponsiveImage.CopyFileName(image.FileName, c.Width), c.Bytes)));
        var written = new List<string>();
        var saved = false;
        try
        {
            await WriteAllAsync(files, written, ct);
            await save();
            saved = true;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException)
        {
            logger.LogError(e, "Could not store the picture {Name}", image.FileName);
            return false;
        }
        finally
        {
            if (!saved)
            {
                db.ChangeTracker.Clear();
                foreach (var path in written)
                {
                    TryDelete(path);
                }
            }
        }
    }

    /// <summary>
    /// Gives an imported picture (a row without its file) the file fetched for it, processed exactly as an upload is:
    /// metadata removed, turned upright, WebP copies made, dimensions recorded. The file keeps the row's name, except
    /// that its extension follows what the bytes turned out to be. On any failure the row stays as it was and no
    /// file is left behind; the result says why.
    /// </summary>
    internal async Task<string?> StoreFetchedAsync(int imageId, byte[] bytes, CancellationToken ct)
    {
        var image = await db.Images.FirstOrDefaultAsync(i => i.Id == imageId, ct);
        if (image is null)
        {
            return "The picture was deleted from the library.";
        }
        if (File.Exists(Path.Combine(site.MediaPath, image.FileName)))
        {
            // Another run (the command line and the button at once) stored it meanwhile: keep that one.
            return null;
        }
        var processing = ImageProcessor.Process(bytes, options);
        if (processing.Image is not { } processed)
        {
            return processing.Error;
        }
        var dot = image.FileName.LastIndexOf('.');
        var stem = dot > image.FileName.LastIndexOf('/') ? image.FileName[..dot] : image.FileName;
        image.FileName = $"{stem}.{processed.Extension}";
        Describe(image, processed);
        // Leftovers of an earlier, interrupted attempt would block the move into place; the row never named them.
        TryDelete(Path.Combine(site.MediaPath, image.FileName));
        foreach (var (width, _) in processed.Copies)
        {
            TryDelete(Path.Combine(site.MediaPath, ResponsiveImage.CopyFileName(image.FileName, width)));
        }
        return await StoreAsync(image, processed, () => db.SaveChangesAsync(ct), ct) ? null : "The picture could not be saved on the server.";
    }

    public async Task<MediaChangeResult> UpdateDetailsAsync(int imageId, ImageDetails details, Staffer by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(by);
        if (Check(details) is { } invalid)
        {
            return new MediaChangeResult(MediaChange.Invalid, invalid);
        }
        details = Clean(details);
        var image = await db.Images.FirstOrDefaultAsync(i => i.Id == imageId, ct);
        if (image is null)
        {
            return new MediaChangeResult(MediaChange.NotFound, "That image is no longer in the library.");
        }
        if (!by.CanEditAny)
        {
            // Alt text, caption and credit are part of every page that shows the picture: below editor, only the
            // uploader may change them, and only where every published story showing it is theirs to publish.
            if (image.UploadedById != by.UserId)
            {
                return new MediaChangeResult(MediaChange.Forbidden, "Only editors and the person who uploaded this picture can change its details.");
            }
            var shown = (await UsesAsync(image, ct)).Articles.Where(a => a.Status == ArticleStatus.Published).Select(a => a.ArticleId).ToList();
            var stories = await db.Articles.AsNoTracking().Include(a => a.Bylines).Where(a => shown.Contains(a.Id)).ToListAsync(ct);
            if (stories.Any(story => !by.CanPublish(story)))
            {
                return new MediaChangeResult(MediaChange.Forbidden, "This picture appears in published stories you cannot publish: ask an editor to change its details.");
            }
        }
        var changed = new List<string>();
        if (image.AltText != details.AltText)
        {
            changed.Add(details.AltText.Length == 0 ? "alt text removed" : "alt text");
        }
        if (image.Caption != details.Caption)
        {
            changed.Add("caption");
        }
        if (image.Credit != details.Credit)
        {
            changed.Add("credit");
        }
        if (changed.Count == 0)
        {
            return new MediaChangeResult(MediaChange.Saved);
        }
        (image.AltText, image.Caption, image.Credit) = (details.AltText, details.Caption, details.Credit);
        audit.Add(by.UserId, by.Name, "media.updated", "image", image.Id, $"{Describe(image)}: {string.Join(", ", changed)}");
        await db.SaveChangesAsync(ct);
        // Pages show the alt text, caption and credit: any of them changing makes cached pages stale.
        await cache.EvictContentAsync(ct);
        return new MediaChangeResult(MediaChange.Saved);
    }

    /// <summary>Deletes an image nothing shows, with its copies. Editors and admins may, and whoever uploaded it.</summary>
    public async Task<MediaChangeResult> DeleteAsync(int imageId, Staffer by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        var image = await db.Images.FirstOrDefaultAsync(i => i.Id == imageId, ct);
        if (image is null)
        {
            return new MediaChangeResult(MediaChange.NotFound, "That image is no longer in the library.");
        }
        if (!CanDelete(image, by))
        {
            return new MediaChangeResult(MediaChange.Forbidden, "Only editors, admins and the person who uploaded an image can delete it.");
        }
        var uses = await UsesAsync(image, ct);
        if (uses.Any)
        {
            return new MediaChangeResult(MediaChange.InUse, UsesSentence(uses));
        }
        db.Images.Remove(image);
        audit.Add(by.UserId, by.Name, "media.deleted", "image", image.Id, Describe(image));
        await db.SaveChangesAsync(ct);
        // The row is gone for good; files that cannot be removed now are only unreachable leftovers.
        foreach (var name in FilesOf(image))
        {
            TryDelete(Path.Combine(site.MediaPath, name));
        }
        return new MediaChangeResult(MediaChange.Saved);
    }

    public static bool CanDelete(Image image, Staffer by) => by.CanEditAny || (image.UploadedById is { } id && id == by.UserId);

    /// <summary>Articles with the image as their lead picture or in their body (by its address), and authors with it as their photo.</summary>
    public async Task<ImageUses> UsesAsync(Image image, CancellationToken ct)
    {
        var id = image.Id;
        var address = "/media/" + image.FileName;
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.ImageId == id || a.BodyMarkdown.Contains(address))
            .OrderByDescending(a => a.ModifiedAt)
            .Select(a => new ImageUse(a.Id, a.Headline, a.Status, a.PublishedAt, a.Slug, a.ImageId == id))
            .ToListAsync(ct);
        var authors = await db.Authors.AsNoTracking().Where(a => a.ImageId == id).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(ct);
        return new ImageUses(articles, authors);
    }

    private static string UsesSentence(ImageUses uses)
    {
        var parts = new List<string>();
        if (uses.Articles.Count > 0)
        {
            parts.Add(uses.Articles.Count == 1 ? $"the article \u201c{uses.Articles[0].Headline}\u201d" : $"{uses.Articles.Count} articles");
        }
        if (uses.Authors.Count > 0)
        {
            parts.Add(uses.Authors.Count == 1 ? $"{uses.Authors[0]}\u2019s author profile" : $"{uses.Authors.Count} author profiles");
        }
        return $"This image is still used by {string.Join(" and ", parts)}. Choose another picture there first.";
    }

    /// <summary>
    /// The library newest first, optionally matching <paramref name="search"/> in the alt text, caption, credit or file
    /// name, and optionally only the images without alt text.
    /// </summary>
    public async Task<MediaSearchResult> SearchAsync(string? search, bool needsAltText, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Images.AsNoTracking();
        if (needsAltText)
        {
            query = query.Where(i => i.AltText == "");
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            query = query.Where(i => EF.Functions.Like(i.AltText, pattern, "\\") || EF.Functions.Like(i.Caption, pattern, "\\")
                || EF.Functions.Like(i.Credit, pattern, "\\") || (i.OriginalName != null && EF.Functions.Like(i.OriginalName, pattern, "\\")));
        }
        var total = await query.CountAsync(ct);
        var pages = Paged<Image>.CountPages(total, pageSize);
        var current = Math.Clamp(page, 1, pages);
        var images = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((current - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new MediaSearchResult(images, current, pages, total);
    }

    public Task<int> CountNeedingAltTextAsync(CancellationToken ct) => db.Images.CountAsync(i => i.AltText == "", ct);

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The original and its copies, relative to the media directory.</summary>
    public static IEnumerable<string> FilesOf(Image image) =>
        [image.FileName, .. ResponsiveImage.ParseWidths(image.Widths).Select(w => ResponsiveImage.CopyFileName(image.FileName, w))];

    public static string ByteSizeText(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024d:0.#} KB",
        _ => $"{bytes / (1024d * 1024):0.#} MB",
    };

    public static string TooLarge(long maxBytes) => $"This file is larger than the {ByteSizeText(maxBytes)} limit. Make it smaller and upload it again.";

    private static string Describe(Image image) => $"#{image.Id} {image.OriginalName ?? image.FileName}";

    private static string OriginalName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        if (name.Length == 0)
        {
            return "upload";
        }
        return name.Length <= MaxOriginalName ? name : name[..MaxOriginalName];
    }

    /// <summary>The whole stream, or null when it holds more than <paramref name="max"/> bytes.</summary>
    internal static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Each file is written in full under a hidden name, then moved into place, so readers never get half a file.</summary>
    private async Task WriteAllAsync(IReadOnlyList<(string Name, byte[] Bytes)> files, List<string> written, CancellationToken ct)
    {
        var incoming = Path.Combine(site.MediaPath, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var staged = new List<(string Temp, string Final)>();
        try
        {
            foreach (var (name, bytes) in files)
            {
                var temp = Path.Combine(incoming, $"{Guid.NewGuid():n}.tmp");
                staged.Add((temp, Path.Combine(site.MediaPath, name)));
                await File.WriteAllBytesAsync(temp, bytes, ct);
            }
            foreach (var (temp, final) in staged)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                File.Move(temp, final, overwrite: false);
                written.Add(final);
            }
        }
        finally
        {
            foreach (var (temp, _) in staged)
            {
                TryDelete(temp);
            }
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete {Path}", path);
        }
    }
}
