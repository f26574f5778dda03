using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>The second step of signing in for accounts with two-factor authentication: a code from the app, or a recovery code.</summary>
public sealed class LoginTwoFactorModel(SignInManager<StaffUser> signIn) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Sign in: code", CanonicalPath = "/admin/login/two-factor", NoIndex = true };

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToLogin() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return BackToLogin();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var recovery = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0 && recovery.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Please enter the 6-digit code from your authenticator app.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // Wrong codes count as failed sign-in attempts, so guessing runs into the same lockout as guessing passwords.
        var result = code.Length > 0
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        if (result.IsLockedOut)
        {
            Problem = "This account is locked: for 15 minutes after too many failed attempts, or until an admin unlocks it.";
        }
        else
        {
            ModelState.AddModelError(code.Length > 0 ? nameof(Code) : nameof(RecoveryCode),
                code.Length > 0 ? "That code is not right, or it has expired. Enter the code your app shows now." : "That recovery code is not right, or it was used already.");
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    private RedirectResult BackToLogin() => Redirect("/admin/login");
}
