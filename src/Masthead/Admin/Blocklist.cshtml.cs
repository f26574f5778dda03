using Masthead.Accounts;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>Words, emails and addresses whose comments go straight to spam.</summary>
[Authorize(Policy = StaffPolicies.Moderate)]
public sealed class BlocklistModel(MastheadDb db, TimeProvider time) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Comment blocklist", CanonicalPath = "/admin/comments/blocklist", NoIndex = true };
    public IReadOnlyList<BlockedTerm> Terms { get; private set; } = [];
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Terms = await db.BlockedTerms.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Value).ToListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(BlockKind kind, string? value, CancellationToken ct)
    {
        var term = (value ?? "").Trim().ToLowerInvariant();
        if (term.Length is 0 or > 254 || !Enum.IsDefined(kind))
        {
            Notice = "Enter a word, an email address or an IP address (at most 254 characters).";
        }
        else if (await db.BlockedTerms.AnyAsync(t => t.Kind == kind && t.Value == term, ct))
        {
            Notice = $"\u201c{term}\u201d is already blocked.";
        }
        else
        {
            db.BlockedTerms.Add(new BlockedTerm { Kind = kind, Value = term, CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            Notice = $"Comments with \u201c{term}\u201d now go to spam.";
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var removed = await db.BlockedTerms.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        Notice = removed == 1 ? "Removed from the blocklist." : "That entry was already gone.";
        return RedirectToPage();
    }
}
