using System.Globalization;
using Masthead.Accounts;
using Masthead.Data;
using Masthead.Media;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>One file of a picture: the original or a responsive copy.</summary>
public sealed record ImageFile(string Label, string Url, int Width, int Height, long? Bytes);

/// <summary>One picture: its alt text, caption and credit to edit, its files, where it is used, and deletion when unused.</summary>
[Authorize(Policy = StaffPolicies.Write)]
public sealed class MediaImageModel(MastheadDb db, MediaLibrary library, SiteOptions site) : DeskItemPage("Picture")
{
    public Image Image { get; private set; } = null!;
    public ImageUses Uses { get; private set; } = new([], []);
    public IReadOnlyList<ImageFile> Files { get; private set; } = [];
    public string? UploadedBy { get; private set; }
    public bool CanDelete { get; private set; }

    [BindProperty]
    public string? AltText { get; set; }
    [BindProperty]
    public string? Caption { get; set; }
    [BindProperty]
    public string? Credit { get; set; }
    public string? DetailsError { get; private set; }
    public string? DeleteError { get; private set; }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await library.UpdateDetailsAsync(id, new ImageDetails(AltText ?? "", Caption ?? "", Credit ?? ""), User.ToStaffer()!, ct);
        if (result.Outcome == MediaChange.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            DetailsError = result.Error;
            return await ShowAgainAsync(id, result.Outcome == MediaChange.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity, ct);
        }
        Notice = "The picture\u2019s details are saved. Pages that show it are updated.";
        return SeeOther($"/admin/media/{id.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await library.DeleteAsync(id, User.ToStaffer()!, ct);
        if (result.Outcome == MediaChange.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            DeleteError = result.Error;
            var status = result.Outcome == MediaChange.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return await ShowAgainAsync(id, status, ct, refill: true);
        }
        Notice = "The picture was deleted.";
        return SeeOther("/admin/media");
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    protected override void FillForm() => (AltText, Caption, Credit) = (Image.AltText, Image.Caption, Image.Credit);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var image = await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (image is null)
        {
            return false;
        }
        Image = image;
        Head.Title = image.OriginalName ?? Path.GetFileName(image.FileName);
        Head.CanonicalPath = $"/admin/media/{id.ToString(CultureInfo.InvariantCulture)}";
        Uses = await library.UsesAsync(image, ct);
        UploadedBy = image.UploadedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        CanDelete = User.ToStaffer() is { } staffer && MediaLibrary.CanDelete(image, staffer);
        var files = new List<ImageFile> { new($"Original ({image.ContentType})", image.Url, image.Width, image.Height, SizeOf(image.FileName)) };
        foreach (var width in ResponsiveImage.ParseWidths(image.Widths))
        {
            var name = ResponsiveImage.CopyFileName(image.FileName, width);
            var height = image.Width > 0 ? Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width)) : 0;
            files.Add(new ImageFile("WebP copy", $"/media/{name}", width, height, SizeOf(name)));
        }
        Files = files;
        return true;
    }

    private long? SizeOf(string name)
    {
        var file = new FileInfo(Path.Combine(site.MediaPath, name));
        return file.Exists ? file.Length : null;
    }
}
