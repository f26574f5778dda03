using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>
/// Turns two-factor authentication on (key for the authenticator app, a code to prove it works, then recovery codes
/// shown once) or off (with a current code).
/// </summary>
public sealed class AccountTwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit, SiteOptions site)
    : PageModel, IHasPageHead
{
    public const int RecoveryCodeCount = 10;

    public PageHead Head { get; } = new() { Title = "Two-factor authentication", CanonicalPath = "/admin/account/two-factor", NoIndex = true };

    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public string? Key { get; private set; }
    public string? KeyUri { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Shown once, right after two-factor is turned on.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (!await CodeIsRightAsync(user))
        {
            await LoadAsync(user);
            return Refused();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await audit.RecordAsync(user.Id, user.DisplayName, "user.2fa-on", "user", user.Id, $"{user.DisplayName} turned on two-factor authentication");
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        Notice = "Two-factor authentication is on. From now on you sign in with your password and a code from the app.";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (!await CodeIsRightAsync(user))
        {
            await LoadAsync(user);
            return Refused();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // The old key and recovery codes are of no use to anyone now; turning it on again starts afresh.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordAsync(user.Id, user.DisplayName, "user.2fa-off", "user", user.Id, $"{user.DisplayName} turned off two-factor authentication");
        await signIn.RefreshSignInAsync(user);
        Notice = "Two-factor authentication is off.";
        return RedirectToPage();
    }

    private async Task<bool> CodeIsRightAsync(StaffUser user)
    {
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "Please enter the 6-digit code your authenticator app shows.");
            return false;
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the time on your phone and enter the code it shows now.");
            return false;
        }
        return true;
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = AuthenticatorKeys.Format(key);
        KeyUri = AuthenticatorKeys.Uri($"{site.Name} newsroom", user.Email ?? user.UserName ?? "", key);
    }
}
