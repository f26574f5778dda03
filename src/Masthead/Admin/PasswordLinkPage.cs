using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>
/// A page reached through an emailed link (?user=…&amp;token=…) where someone chooses a password. The link is checked on
/// every request: a link that is not genuine, no longer valid or for a locked account shows a 400 page; a password
/// the rules refuse is shown beside the field with 422.
/// </summary>
public abstract class PasswordLinkPage(UserManager<StaffUser> users) : PageModel, IHasPageHead
{
    public abstract PageHead Head { get; }

    [BindProperty(Name = "user", SupportsGet = true)]
    public int UserId { get; set; }

    [BindProperty(Name = "token", SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Please choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string? ConfirmPassword { get; set; }

    public bool LinkInvalid { get; private set; }

    protected UserManager<StaffUser> Users { get; } = users;

    /// <summary>The account the link is for, once the link has been found genuine.</summary>
    protected StaffUser? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LinkedAccountAsync() is null ? Invalid() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LinkedAccountAsync() is not { } user)
        {
            return Invalid();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return await ChoosePasswordAsync(user);
    }

    /// <summary>The token provider and purpose the link's token was made with.</summary>
    protected abstract (string Provider, string Purpose) TokenKind { get; }

    /// <summary>Whether this kind of link is meant for the account as it stands (an invitation only for someone still invited).</summary>
    protected abstract Task<bool> IsForAsync(StaffUser user);

    /// <summary>Sets <see cref="Password"/> on the account, which has a genuine link and a password that passed the form's checks.</summary>
    protected abstract Task<IActionResult> ChoosePasswordAsync(StaffUser user);

    protected PageResult Invalid()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The page again with why the password rules refused the password.</summary>
    protected PageResult Refused(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(Password), error.Description);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<StaffUser?> LinkedAccountAsync()
    {
        var user = UserId > 0 && !string.IsNullOrEmpty(Token) ? await Users.FindByIdAsync(UserId.ToString(CultureInfo.InvariantCulture)) : null;
        if (user is null || !await IsForAsync(user) || StaffRoster.IsLockedByAdmin(user.LockoutEnd)
            || !await Users.VerifyUserTokenAsync(user, TokenKind.Provider, TokenKind.Purpose, Token!))
        {
            return null;
        }
        Account = user;
        return user;
    }
}
