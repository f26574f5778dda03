using System.ComponentModel.DataAnnotations;
using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>Asks for a reset link. The answer is the same whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(PasswordResetQueue resets) : PageModel, IHasPageHead
{
    public const string Sent = "If that address has a newsroom account, we have sent it a link to choose a new password. Check your inbox (and the spam folder).";

    public PageHead Head { get; } = new() { Title = "Forgot your password?", CanonicalPath = "/admin/forgot-password", NoIndex = true };

    [BindProperty, Required(ErrorMessage = "Please enter your email address."), EmailAddress(ErrorMessage = "Please enter a valid email address.")]
    public string Email { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        resets.Request(Email);
        Done = true;
        return Page();
    }
}
