using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Masthead.Admin;

/// <summary>Sets a new password through the link from "forgot your password?". The link works once.</summary>
public sealed class ResetPasswordModel(UserManager<StaffUser> users, AuditLog audit) : PasswordLinkPage(users)
{
    public override PageHead Head { get; } = new() { Title = "Choose a new password", CanonicalPath = "/admin/reset-password", NoIndex = true };

    public bool Done { get; private set; }

    protected override (string Provider, string Purpose) TokenKind =>
        (Users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose);

    protected override Task<bool> IsForAsync(StaffUser user) => Task.FromResult(user.InvitedAt is null);

    protected override async Task<IActionResult> ChoosePasswordAsync(StaffUser user)
    {
        // A new password changes the security stamp: this link, any other reset link and every open session end.
        var result = await Users.ResetPasswordAsync(user, Token!, Password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken") ? Invalid() : Refused(result);
        }
        // Someone who proved they own the mailbox may try again at once.
        await Users.ResetAccessFailedCountAsync(user);
        if (user.LockoutEnd is { } end && !StaffRoster.IsLockedByAdmin(end))
        {
            await Users.SetLockoutEndDateAsync(user, null);
        }
        await audit.RecordAsync(user.Id, user.DisplayName, "user.password-reset", "user", user.Id, $"{user.DisplayName} <{user.Email}> reset their password by email");
        Done = true;
        return Page();
    }
}
