using Masthead.Accounts;
using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Accounts;

/// <summary>Its own site, so that the two admins it makes are the only ones.</summary>
public sealed class LastAdminRaceTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Two_admins_demoting_each_other_at_the_same_moment_leave_one_admin()
    {
        var ids = new List<int>();
        foreach (var email in new[] { await Staff.CreateAsync(app, StaffRoles.Admin), await Staff.CreateAsync(app, StaffRoles.Admin) })
        {
            ids.Add(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
        }

        // Each demotes the other, each in a request of its own on a thread of its own, released together.
        using var start = new Barrier(2);
        var outcomes = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => app.WithServicesAsync(sp =>
        {
            var roster = sp.GetRequiredService<StaffRoster>();
            start.SignalAndWait();
            return roster.ChangeRoleAsync(new Staffer(ids[1 - i], "Admin", null, StaffPower.Admin), id, StaffRoles.Editor);
        }))));

        Assert.Equal([StaffOutcome.Done, StaffOutcome.LastAdmin], outcomes.Select(o => o.Outcome).Order());
        var admins = await app.WithDbAsync(db => db.UserRoles.CountAsync(ur => ids.Contains(ur.UserId) && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRoles.Admin)));
        Assert.Equal(1, admins);
    }
}
