using Masthead.Articles;
using Masthead.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Shared;

/// <summary>
/// Every error answer without a body of its own gets a page that says what happened. Unknown paths (404) get a way
/// back in rather than a dead end: a search box and the latest stories.
/// </summary>
[IgnoreAntiforgeryToken] // it only ever explains an answer; a re-executed POST lands here too
public sealed class StatusPageModel(MastheadDb db) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { NoIndex = true };
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];

    /// <summary>
    /// A failed POST (a comment too large to read, say) is re-executed as a POST. Its code is taken from the route by
    /// hand: binding a parameter would read the failed request's form first, fail the same way, and leave no code.
    /// </summary>
    public Task<IActionResult> OnPostAsync() =>
        OnGetAsync(int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0, HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetAsync([FromRoute] int code, CancellationToken ct)
    {
        // An imported story's old WordPress permalink answers 301 to where the story lives now.
        if (code == StatusCodes.Status404NotFound && HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { Length: > 1 } original
            && await Import.ImportModule.RedirectTargetAsync(db, original.EndsWith('/') ? original : original + "/", ct) is { } target)
        {
            return RedirectPermanent(target);
        }
        // Re-executed requests keep their original status; a direct visit to /status/N shows the same page.
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        Head.CanonicalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { Length: > 0 } path ? path : Request.Path.Value ?? "/";
        (Title, Explanation) = Code switch
        {
            404 => ("Sorry, we couldn\u2019t find that page", "The story may have moved, or the address may have been mistyped. Try a search, or start from one of the latest stories below."),
            405 => ("That can\u2019t be done here", "This address does not accept that kind of request."),
            413 => ("That was too much to send", "What you sent is larger than this site accepts. Comments can be up to 5,000 characters."),
            400 => ("That request could not be understood", "Please go back and try again."),
            _ => ("Something went wrong", "Please try again in a moment."),
        };
        Head.Title = Title;
        Latest = await db.LatestAsync(8, ct);
        return Page();
    }
}
