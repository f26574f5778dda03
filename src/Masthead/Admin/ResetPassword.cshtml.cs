using System.ComponentModel.DataAnnotations;
using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>Sets a new password through the link from "forgot your password?". The link works once.</summary>
public sealed class ResetPasswordModel(UserManager<StaffUser> users, AuditLog audit) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Choose a new password", CanonicalPath = "/admin/reset-password", NoIndex = true };

    [BindProperty(Name = "user", SupportsGet = true)]
    public int UserId { get; set; }

    [BindProperty(Name = "token", SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Please choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string? ConfirmPassword { get; set; }

    public bool LinkInvalid { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await AccountAsync() is null ? Invalid() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await AccountAsync() is not { } user)
        {
            return Invalid();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // A new password changes the security stamp: this link, any other reset link and every open session end.
        var result = await users.ResetPasswordAsync(user, Token!, Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                return Invalid();
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // Someone who proved they own the mailbox may try again at once.
        await users.ResetAccessFailedCountAsync(user);
        if (user.LockoutEnd is { } end && !StaffRoster.IsLockedByAdmin(end))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        await audit.RecordAsync(user.Id, user.DisplayName, "user.password-reset", "user", user.Id, $"{user.DisplayName} <{user.Email}> reset their password by email");
        Done = true;
        return Page();
    }

    private async Task<StaffUser?> AccountAsync()
    {
        var user = UserId > 0 && !string.IsNullOrEmpty(Token) ? await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return user is null || user.InvitedAt is not null || StaffRoster.IsLockedByAdmin(user.LockoutEnd)
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose, Token!)
            ? null : user;
    }

    private PageResult Invalid()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
