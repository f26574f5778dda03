using Masthead.Accounts;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Masthead.Admin;

/// <summary>Where an invited member of staff chooses a password, through the link in their invitation.</summary>
public sealed class InvitationModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) : PasswordLinkPage(users)
{
    public override PageHead Head { get; } = new() { Title = "Accept your invitation", CanonicalPath = "/admin/invitation", NoIndex = true };

    public string? Name => Account?.DisplayName;
    public string? Email => Account?.Email;

    protected override (string Provider, string Purpose) TokenKind => (StaffRoster.InvitationProvider, StaffRoster.InvitationPurpose);

    protected override async Task<bool> IsForAsync(StaffUser user) => user.InvitedAt is not null && !await Users.HasPasswordAsync(user);

    protected override async Task<IActionResult> ChoosePasswordAsync(StaffUser user)
    {
        user.InvitedAt = null;
        user.EmailConfirmed = true;
        // Setting the password changes the security stamp, which is what makes the link single-use; the two
        // changes above are saved with it.
        var result = await Users.AddPasswordAsync(user, Password);
        if (!result.Succeeded)
        {
            return Refused(result);
        }
        await audit.RecordAsync(user.Id, user.DisplayName, "user.joined", "user", user.Id, $"{user.DisplayName} <{user.Email}> accepted the invitation");
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/admin/account?welcome=1");
    }
}
