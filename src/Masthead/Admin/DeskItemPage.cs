using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>
/// A desk page about one stored thing addressed by id (a comment, a picture, a section, a tag): it answers 404 once
/// the thing is gone, fills its form from the stored values on a GET, and shows itself again beside a refused change.
/// </summary>
public abstract class DeskItemPage(string title) : PageModel, IHasPageHead
{
    // The title and address are those of the thing, set by LoadAsync; the title here only names the kind.
    public PageHead Head { get; } = new() { Title = title, NoIndex = true };
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        FillForm();
        return Page();
    }

    /// <summary>Reads the thing and what the page shows about it; false when there is no such thing.</summary>
    protected abstract Task<bool> LoadAsync(int id, CancellationToken ct);

    /// <summary>Puts the stored values into the form's fields.</summary>
    protected abstract void FillForm();

    /// <summary>
    /// The page again with <paramref name="status"/> for a change that was refused: the form keeps what was typed into
    /// it, or shows the stored values again with <paramref name="refill"/> when the refused change came from another form.
    /// </summary>
    protected async Task<IActionResult> ShowAgainAsync(int id, int status, CancellationToken ct, bool refill = false)
    {
        Response.StatusCode = status;
        await LoadAsync(id, ct);
        if (refill)
        {
            FillForm();
        }
        return Page();
    }
}
