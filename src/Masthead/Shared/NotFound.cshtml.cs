using Masthead.Articles;
using Masthead.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Shared;

/// <summary>The answer to every unknown path: a way back in rather than a dead end.</summary>
public sealed class NotFoundModel(MastheadDb db) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Page not found", NoIndex = true };
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Head.CanonicalPath = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath is { Length: > 0 } path
            ? path : Request.Path.Value ?? "/";
        Latest = await db.LatestAsync(8, ct);
    }
}
