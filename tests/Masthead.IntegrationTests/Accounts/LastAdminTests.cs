using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Accounts;

/// <summary>Its own site, so the admins a test counts are the ones it made.</summary>
public sealed class LastAdminTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private Task<int> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task The_last_admin_who_can_sign_in_may_not_be_demoted_or_locked()
    {
        var chiefEmail = await Staff.CreateAsync(app, StaffRoles.Admin);
        var chief = await UserIdAsync(chiefEmail);
        using var admin = new Reader(app);
        await Staff.SignInAsync(admin, chiefEmail);

        var demoted = await admin.SubmitAsync("/admin/users", $"#user-{chief} form[action*=Role]", new Dictionary<string, string> { ["role"] = StaffRoles.Editor });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demoted.Status);
        Assert.Contains("last admin", demoted.Text($"#user-{chief} .field-error"));
        var selfLock = await admin.SubmitAsync("/admin/users", $"#user-{chief} form[action*=Lock]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, selfLock.Status);
        Assert.Equal("You cannot lock your own account.", selfLock.Text($"#user-{chief} .field-error"));

        // An invited admin has no password yet, so cannot take over.
        var invited = await admin.SubmitAsync("/admin/users", "#invite-form", new Dictionary<string, string>
        {
            ["InviteEmail"] = $"{Newsroom.Unique("deputy")}@masthead.example", ["InviteName"] = "Invited Deputy", ["InviteRole"] = StaffRoles.Admin,
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await admin.SubmitAsync("/admin/users", $"#user-{chief} form[action*=Role]", new Dictionary<string, string> { ["role"] = StaffRoles.Author })).Status);

        // With a second admin who can sign in, the first may step down, and the second is then the last.
        var deputyEmail = await Staff.CreateAsync(app, StaffRoles.Admin);
        var deputy = await UserIdAsync(deputyEmail);
        var stepDown = await admin.SubmitAsync("/admin/users", $"#user-{chief} form[action*=Role]", new Dictionary<string, string> { ["role"] = StaffRoles.Editor });
        Assert.Equal(HttpStatusCode.Redirect, stepDown.Status);
        using var second = new Reader(app);
        await Staff.SignInAsync(second, deputyEmail);
        var lastOne = await second.SubmitAsync("/admin/users", $"#user-{deputy} form[action*=Role]", new Dictionary<string, string> { ["role"] = StaffRoles.Contributor });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lastOne.Status);
        var roles = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            return (await users.GetRolesAsync((await users.FindByIdAsync(deputy.ToString(System.Globalization.CultureInfo.InvariantCulture)))!)).ToList();
        });
        Assert.Equal([StaffRoles.Admin], roles);
        Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "user.role").ToListAsync()));
    }
}
