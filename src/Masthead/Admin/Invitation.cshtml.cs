using System.ComponentModel.DataAnnotations;
using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>Where an invited member of staff chooses a password, through the link in their invitation.</summary>
public sealed class InvitationModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Accept your invitation", CanonicalPath = "/admin/invitation", NoIndex = true };

    [BindProperty(Name = "user", SupportsGet = true)]
    public int UserId { get; set; }

    [BindProperty(Name = "token", SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Please choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string? ConfirmPassword { get; set; }

    public string? Name { get; private set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await InvitedAsync() is null ? Invalid() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await InvitedAsync() is not { } user)
        {
            return Invalid();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        user.InvitedAt = null;
        user.EmailConfirmed = true;
        // Setting the password changes the security stamp, which is what makes the link single-use; the two
        // changes above are saved with it.
        var result = await users.AddPasswordAsync(user, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await audit.RecordAsync(user.Id, user.DisplayName, "user.joined", "user", user.Id, $"{user.DisplayName} <{user.Email}> accepted the invitation");
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/admin/account?welcome=1");
    }

    public bool LinkInvalid { get; private set; }

    /// <summary>The invited account, when the link is genuine and still unused.</summary>
    private async Task<StaffUser?> InvitedAsync()
    {
        var user = UserId > 0 && !string.IsNullOrEmpty(Token) ? await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        if (user is null || user.InvitedAt is null || await users.HasPasswordAsync(user) || StaffRoster.IsLockedByAdmin(user.LockoutEnd)
            || !await users.VerifyUserTokenAsync(user, StaffRoster.InvitationProvider, StaffRoster.InvitationPurpose, Token!))
        {
            return null;
        }
        (Name, Email) = (user.DisplayName, user.Email);
        return user;
    }

    private PageResult Invalid()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
