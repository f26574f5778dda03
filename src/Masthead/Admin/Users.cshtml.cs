using Masthead.Accounts;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>The newsroom's staff: who they are, their role and state; invitations, role changes and locks.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
public sealed class UsersModel(MastheadDb db, StaffRoster roster, SiteClock clock) : PageModel, IHasPageHead
{
    public sealed record Member(int Id, string Name, string Email, string Role, DateTime CreatedAt, DateTime? InvitedAt,
        DateTimeOffset? LockoutEnd, bool TwoFactor, string? AuthorSlug)
    {
        public bool Invited => InvitedAt is not null;
    }

    public PageHead Head { get; } = new() { Title = "Users", CanonicalPath = "/admin/users", NoIndex = true };
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public DateTimeOffset Now => clock.UtcNow;

    [TempData]
    public string? Notice { get; set; }
    public string? Problem { get; private set; }
    /// <summary>The member a refused action was about, so the message can sit beside their row.</summary>
    public int? ProblemFor { get; private set; }

    // Nullable, so empty fields get the roster's own messages rather than an implicit "required".
    [BindProperty]
    public string? InviteEmail { get; set; }
    [BindProperty]
    public string? InviteName { get; set; }
    [BindProperty]
    public string? InviteRole { get; set; } = StaffRoles.Author;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var result = await roster.InviteAsync(User.ToStaffer()!, InviteEmail ?? "", InviteName ?? "", InviteRole ?? "", ct);
        if (result.User is { } user)
        {
            Notice = $"Invitation sent to {user.Email}.";
            return RedirectToPage();
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("Invite" + (error.Field is "" or "Password" ? "Email" : error.Field), error.Message);
        }
        return await RefusedAsync(null, null, ct);
    }

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken ct) =>
        await OutcomeAsync(id, await roster.ResendInvitationAsync(User.ToStaffer()!, id, ct), r => $"A new invitation was sent to {r.User!.Email}; earlier links no longer work.", ct);

    public async Task<IActionResult> OnPostRoleAsync(int id, string? role, CancellationToken ct) =>
        await OutcomeAsync(id, await roster.ChangeRoleAsync(User.ToStaffer()!, id, role ?? "", ct), r => $"{r.User!.DisplayName} is now {Article(role!)} {role}.", ct);

    public async Task<IActionResult> OnPostLockAsync(int id, CancellationToken ct) =>
        await OutcomeAsync(id, await roster.SetLockedAsync(User.ToStaffer()!, id, locked: true, ct), r => $"{r.User!.DisplayName} is locked out and can no longer sign in.", ct);

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct) =>
        await OutcomeAsync(id, await roster.SetLockedAsync(User.ToStaffer()!, id, locked: false, ct), r => $"{r.User!.DisplayName} can sign in again.", ct);

    private async Task<IActionResult> OutcomeAsync(int id, StaffResult result, Func<StaffResult, string> done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            Notice = done(result);
            return RedirectToPage();
        }
        if (result.Outcome == StaffOutcome.NotFound)
        {
            return NotFound();
        }
        return await RefusedAsync(id, result.Outcome switch
        {
            StaffOutcome.LastAdmin => "This is the last admin who can sign in: make someone else an admin first.",
            StaffOutcome.Self => "You cannot lock your own account.",
            StaffOutcome.NotInvited => "This account has already accepted its invitation.",
            _ => string.Join(" ", result.Errors.Select(e => e.Message)),
        }, ct);
    }

    private async Task<PageResult> RefusedAsync(int? id, string? problem, CancellationToken ct)
    {
        (ProblemFor, Problem) = (id, problem);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var members = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.CreatedAt, u.InvitedAt, u.LockoutEnd, u.TwoFactorEnabled,
                AuthorSlug = db.Authors.Where(a => a.Id == u.AuthorId).Select(a => a.Slug).FirstOrDefault(),
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Members = [.. members.Select(m => new Member(m.Id, m.DisplayName, m.Email ?? "", m.Role ?? "", m.CreatedAt, m.InvitedAt, m.LockoutEnd, m.TwoFactorEnabled, m.AuthorSlug))];
    }

    private static string Article(string role) => role is StaffRoles.Admin or StaffRoles.Editor or StaffRoles.Author ? "an" : "a";
}
