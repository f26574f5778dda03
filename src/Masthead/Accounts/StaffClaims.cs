using System.Security.Claims;
using Masthead.Articles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Masthead.Accounts;

/// <summary>Puts the display name and the author profile in the sign-in cookie, so pages need no query to know who acts.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<int>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.AuthorId is { } authorId)
        {
            identity.AddClaim(new Claim(StaffClaims.AuthorId, authorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}

public static class StaffClaims
{
    public const string DisplayName = "masthead:name";
    public const string AuthorId = "masthead:author";

    /// <summary>The signed-in member of staff as the newsroom's rules see them; null for anyone else.</summary>
    public static Staffer? ToStaffer(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }
        var power = principal.IsInRole(StaffRoles.Admin) ? StaffPower.Admin
            : principal.IsInRole(StaffRoles.Editor) ? StaffPower.Editor
            : principal.IsInRole(StaffRoles.Author) ? StaffPower.Author
            : principal.IsInRole(StaffRoles.Contributor) ? StaffPower.Contributor
            : (StaffPower?)null;
        if (power is null)
        {
            return null;
        }
        int? authorId = int.TryParse(principal.FindFirstValue(AuthorId), out var a) ? a : null;
        var name = principal.FindFirstValue(DisplayName) is { Length: > 0 } n ? n : principal.Identity.Name ?? "";
        return new Staffer(id, name, authorId, power.Value);
    }
}
