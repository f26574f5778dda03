using System.Net;
using Masthead.Accounts;
using Masthead.Admin;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Accounts;

public sealed class PasswordResetTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string NewPassword = "a fresh and different passphrase";

    /// <summary>Asks for a link, then waits for the mail that goes out after the answer.</summary>
    private async Task<FetchedPage> ForgotAsync(Reader reader, string email)
    {
        var page = await reader.SubmitAsync("/admin/forgot-password", "form.account-form", new Dictionary<string, string> { ["Email"] = email });
        await app.Services.GetRequiredService<PasswordResetQueue>().IdleAsync();
        return page;
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_every_address_and_mails_only_real_accounts()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        var nobody = $"{Newsroom.Unique("nobody")}@masthead.example";
        using var reader = new Reader(app);

        var known = await ForgotAsync(reader, email);
        var unknown = await ForgotAsync(reader, nobody);

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(ForgotPasswordModel.Sent, known.Text("[role=status]"));
        Assert.Equal(known.Text("main"), unknown.Text("main"));
        Assert.Single(app.MailTo(email));
        Assert.Empty(app.MailTo(nobody));

        var invalid = await ForgotAsync(reader, "not an address");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Status);
        Assert.Equal("Please enter a valid email address.", invalid.FieldError("Email"));
    }

    [Fact]
    public async Task One_account_gets_at_most_one_link_every_few_minutes_however_often_it_is_asked_for()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        using var reader = new Reader(app);
        await ForgotAsync(reader, email);
        var again = await ForgotAsync(reader, email);
        Assert.Equal(ForgotPasswordModel.Sent, again.Text("[role=status]"));
        Assert.Single(app.MailTo(email));
    }

    [Fact]
    public async Task The_reset_link_sets_a_new_password_once_and_the_old_one_stops_working()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Editor);
        using var reader = new Reader(app);
        await ForgotAsync(reader, email);
        var link = AccountsApp.LinkIn(Assert.Single(app.MailTo(email)), "/admin/reset-password?");

        var weak = await reader.SubmitAsync(link, "form.account-form", new Dictionary<string, string> { ["Password"] = "too short", ["ConfirmPassword"] = "too short" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.Status);
        Assert.Contains("at least 12 characters", weak.FieldError("Password"));

        var done = await reader.SubmitAsync(link, "form.account-form", new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Your password has been changed", done.Text("[role=status]"));

        using var oldPassword = new Reader(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Staff.SignInAsync(oldPassword, email)).Status);
        using var newPassword = new Reader(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(newPassword, email, NewPassword)).Status);

        var reused = await reader.OpenAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Contains("not valid", reused.Text("[role=alert]"));
        var token = weak.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var replayed = await reader.PostAsync(link, new Dictionary<string, string>
        {
            ["Password"] = "an attacker's passphrase", ["ConfirmPassword"] = "an attacker's passphrase", ["__RequestVerificationToken"] = token,
        });
        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        using var afterwards = new Reader(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(afterwards, email, NewPassword)).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.password-reset" && a.StaffName == "Staff editor")));
    }

    [Fact]
    public async Task A_forged_reset_token_is_refused_and_changes_nothing()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        var (id, stamp) = (account.Id, account.SecurityStamp);
        using var reader = new Reader(app);
        var forged = await reader.OpenAsync($"/admin/reset-password?user={id}&token=CfDJ8forgedtoken");
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Null(forged.One("input[name=Password]"));
        Assert.Equal(stamp, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
    }
}
