using System.ComponentModel.DataAnnotations;
using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>
/// Creates the first admin of a new site. Open only while there is no admin, and only with the token the server
/// printed to its log at start-up; afterwards the page does not exist.
/// </summary>
public sealed class SetupModel(StaffRoster roster, SetupToken setupToken, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Set up the newsroom", CanonicalPath = "/admin/setup", NoIndex = true };

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Please enter your email address."), EmailAddress(ErrorMessage = "Please enter a valid email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Please enter your name."), StringLength(StaffRoster.MaxNameLength, ErrorMessage = "Your name can be at most 100 characters.")]
    public string Name { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Please choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await roster.AdminExistsAsync(ct) ? NotFound() : !setupToken.Matches(Token) ? Refused() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await setupToken.Gate.WaitAsync(ct);
        try
        {
            if (await roster.AdminExistsAsync(ct))
            {
                return NotFound();
            }
            if (!setupToken.Matches(Token))
            {
                return Refused();
            }
            if (!ModelState.IsValid)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            var result = await roster.CreateAsync(Email, Name, StaffRoles.Admin, Password, ct);
            if (result.User is not { } admin)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, error.Message);
                }
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            await audit.RecordAsync(admin.Id, admin.DisplayName, "user.setup", "user", admin.Id, $"First admin: {admin.DisplayName} <{admin.Email}>", ct);
            await signIn.SignInAsync(admin, isPersistent: false);
            return LocalRedirect("/admin");
        }
        finally
        {
            setupToken.Gate.Release();
        }
    }

    public bool TokenRefused { get; private set; }

    private PageResult Refused()
    {
        TokenRefused = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
