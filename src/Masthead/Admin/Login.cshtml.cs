using System.ComponentModel.DataAnnotations;
using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

public sealed class LoginModel(SignInManager<StaffUser> signIn) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Sign in", CanonicalPath = "/admin/login", NoIndex = true };

    [BindProperty, Required(ErrorMessage = "Please enter your email address."), EmailAddress(ErrorMessage = "Please enter a valid email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Please enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only ever back into this site.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right; a short-lived cookie remembers that while the code is asked for.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? $"/admin/login/two-factor?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : "/admin/login/two-factor");
        }
        Problem = result.IsLockedOut
            ? "This account is locked: for 15 minutes after too many failed attempts, or until an admin unlocks it."
            : result.IsNotAllowed ? "This account may not sign in yet." : "The email address or password is not right.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
