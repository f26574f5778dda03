using System.Globalization;
using Masthead.Accounts;
using Masthead.Media;
using Masthead.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>
/// The media library: every picture, newest first, searchable, with the ones lacking alt text easy to find; and the
/// upload form. Nothing here is model-bound: binding would read the upload before its size is checked, so the form
/// is read by hand, with the library's own limits, and its antiforgery token checked after.
/// </summary>
[Authorize(Policy = StaffPolicies.Write)]
[IgnoreAntiforgeryToken] // checked by hand in OnPostAsync, once the upload is known to be of an acceptable size
public sealed class MediaModel(MediaLibrary library, MediaOptions options, IAntiforgery antiforgery, ImageFetcher fetcher) : PageModel, IHasPageHead
{
    private const int PageSize = 24;
    public const string NeedsAltFilter = "needs-alt";

    public PageHead Head { get; } = new() { Title = "Media", CanonicalPath = "/admin/media", NoIndex = true };

    public string? Search { get; private set; }
    public bool NeedsAlt { get; private set; }
    public MediaSearchResult Result { get; private set; } = new([], 1, 1, 0);
    public int NeedingAltText { get; private set; }
    public long MaxUploadBytes => options.MaxUploadBytes;
    /// <summary>Imported pictures whose files are still missing; counted for editors only, who may fetch them.</summary>
    public int PendingImports { get; private set; }

    /// <summary>What was typed in the upload form, shown again with the message when the upload is refused.</summary>
    public ImageDetails Typed { get; private set; } = new("", "", "");
    public string? UploadError { get; private set; }
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadQuery();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReadQuery();
        var limit = options.MaxRequestBytes;
        if (Request.ContentLength > limit)
        {
            // Refused before a byte of the body is read: the browser said how big it is.
            return await RefuseAsync(StatusCodes.Status413PayloadTooLarge, MediaLibrary.TooLarge(options.MaxUploadBytes), ct);
        }
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 20, KeyLengthLimit = 100 }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // A body sent without a length that turned out too large, or a form that is not one.
            var tooLarge = e is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return await RefuseAsync(tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                tooLarge ? MediaLibrary.TooLarge(options.MaxUploadBytes) : "The upload could not be read. Please try again.", ct);
        }
        Typed = new ImageDetails(form["altText"].ToString(), form["caption"].ToString(), form["credit"].ToString());
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, "The form had expired. Please choose the file and upload it again.", ct);
        }
        if (form.Files.GetFile("file") is not { } file || string.IsNullOrEmpty(file.FileName))
        {
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, "Choose a picture to upload.", ct);
        }
        var staffer = User.ToStaffer()!;
        MediaUploadResult result;
        await using (var content = file.OpenReadStream())
        {
            result = await library.UploadAsync(content, file.FileName, staffer.UserId, Typed, ct);
        }
        if (result.Image is not { } image)
        {
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, result.Error ?? "The picture could not be uploaded.", ct);
        }
        Notice = image.AltText.Length == 0
            ? $"Uploaded {image.OriginalName}. It has no alt text yet: describe it below before it goes in a story."
            : $"Uploaded {image.OriginalName}.";
        Response.Headers.Location = $"/admin/media/{image.Id.ToString(CultureInfo.InvariantCulture)}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<IActionResult> RefuseAsync(int status, string message, CancellationToken ct)
    {
        UploadError = message;
        Response.StatusCode = status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await library.SearchAsync(Search, NeedsAlt, RequestedPage(), PageSize, ct);
        NeedingAltText = await library.CountNeedingAltTextAsync(ct);
        if (User.ToStaffer() is { CanEditAny: true })
        {
            PendingImports = (await fetcher.FindAsync(ct)).Pending.Count;
        }
    }

    private void ReadQuery()
    {
        var q = Request.Query["q"].ToString().Trim();
        Search = q.Length == 0 ? null : q.Length > 200 ? q[..200] : q;
        NeedsAlt = Request.Query["filter"] == NeedsAltFilter;
    }

    /// <summary>From ?page=N, read by hand: "page" is a route value that Razor Pages keeps for itself.</summary>
    private int RequestedPage() =>
        int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    /// <summary>The library as it is filtered, at a page.</summary>
    public string Link(int page, bool? needsAlt = null, bool keepSearch = true)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = keepSearch ? Search : null,
            ["filter"] = needsAlt ?? NeedsAlt ? NeedsAltFilter : null,
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/media", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>The form's action keeps the current view, so a refused upload shows the same page of the library.</summary>
    public string UploadAction => Link(Result.Page);
}
