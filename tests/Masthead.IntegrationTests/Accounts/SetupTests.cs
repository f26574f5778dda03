using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masthead.IntegrationTests.Accounts;

/// <summary>A new site with no admin: the first one is made at /admin/setup with the token from the log.</summary>
public sealed class SetupTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private string Token => app.Services.GetRequiredService<SetupToken>().Value;

    private static Dictionary<string, string> Typed(string email, string token) => new()
    {
        ["Token"] = token,
        ["Name"] = "Ada Founder",
        ["Email"] = email,
        ["Password"] = Staff.Password,
        ["ConfirmPassword"] = Staff.Password,
    };

    [Fact]
    public async Task Setup_needs_the_token_from_the_log_creates_the_first_admin_signed_in_and_then_closes()
    {
        // The announcement comes from a background service, a moment after the server has started.
        List<string> Announced() => [.. app.Log.Entries.Where(e => e.StartsWith("Warning ", StringComparison.Ordinal) && e.Contains("No admin account yet", StringComparison.Ordinal))];
        for (var i = 0; i < 100 && Announced().Count == 0; i++)
        {
            await Task.Delay(50);
        }
        var announced = Announced();
        Assert.EndsWith($": No admin account yet: create one at /admin/setup?token={Token}", Assert.Single(announced).TrimEnd());

        using var stranger = new Reader(app);
        var noToken = await stranger.OpenAsync("/admin/setup");
        Assert.Equal(HttpStatusCode.Forbidden, noToken.Status);
        Assert.Contains("not valid", noToken.Text("[role=alert]"));
        Assert.Null(noToken.One("input[name=Password]"));
        var wrongToken = await stranger.OpenAsync("/admin/setup?token=" + new string('0', Token.Length));
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.Status);

        // The form of the right link, sent with a made-up token, creates nothing.
        var forged = await stranger.SubmitAsync($"/admin/setup?token={Token}", "form.account-form", Typed("forger@masthead.example", "forged"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "forger@masthead.example")));

        var weak = await stranger.SubmitAsync($"/admin/setup?token={Token}", "form.account-form",
            new Dictionary<string, string>(Typed("founder@masthead.example", Token)) { ["Password"] = "short", ["ConfirmPassword"] = "short" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.Status);
        Assert.Contains("at least 12 characters", weak.FieldError("Password"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "founder@masthead.example")));
        Assert.False(await app.WithDbAsync(db => db.Authors.AnyAsync(a => a.Name == "Ada Founder")));

        using var founder = new Reader(app);
        var created = await founder.SubmitAsync($"/admin/setup?token={Token}", "form.account-form", Typed("founder@masthead.example", Token));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/admin", created.Location());
        var users = await founder.OpenAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Equal("Ada Founder", users.Text(".admin-account a[href='/admin/account']"));
        var admin = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "founder@masthead.example"));
        Assert.NotNull(admin.AuthorId);
        Assert.Null(admin.InvitedAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.setup" && a.TargetId == admin.Id)));

        // Once there is an admin the page is gone, whatever the token.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.OpenAsync($"/admin/setup?token={Token}")).Status);
        var second = await stranger.PostAsync($"/admin/setup?token={Token}", Typed("second@masthead.example", Token));
        Assert.NotEqual(HttpStatusCode.Redirect, second.Status);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "second@masthead.example")));
    }
}
