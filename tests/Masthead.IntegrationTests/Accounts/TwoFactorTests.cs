using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Accounts;

/// <summary>Its own site whose clock is never moved, so codes computed from real time are the server's codes.</summary>
public sealed class TwoFactorTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Page = "/admin/account/two-factor";

    /// <summary>Turns two-factor on as the member would; returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(Reader member)
    {
        var page = await member.OpenAsync(Page);
        Assert.Equal("off", page.Text(".account-2fa"));
        var key = page.Text("#authenticator-key");
        var compact = key.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await member.SubmitAsync(page, Page, "#enable-form", new Dictionary<string, string> { ["Code"] = Authenticator.Code(compact) });
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        var codes = enabled.All("#recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        return (compact, codes);
    }

    private static Task<FetchedPage> CodeAsync(Reader reader, string field, string code) =>
        reader.SubmitAsync("/admin/login/two-factor", field == "Code" ? "#code-form" : "#recovery-form", new Dictionary<string, string> { [field] = code });

    [Fact]
    public async Task Turning_two_factor_on_shows_the_key_in_groups_of_four_and_needs_a_right_code_then_shows_ten_recovery_codes_once()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        using var member = new Reader(app);
        await Staff.SignInAsync(member, email);
        var page = await member.OpenAsync(Page);
        var key = page.Text("#authenticator-key");
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        var uri = page.One("#authenticator-uri")!.GetAttribute("href")!;
        Assert.StartsWith("otpauth://totp/", uri);
        Assert.Contains($"secret={key.Replace(" ", "", StringComparison.Ordinal)}", uri);
        Assert.Contains(Uri.EscapeDataString(email), uri);

        var wrong = await member.SubmitAsync(page, Page, "#enable-form", new Dictionary<string, string> { ["Code"] = Authenticator.WrongCode(key) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("not right", wrong.FieldError("Code"));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var enabled = await member.SubmitAsync(page, Page, "#enable-form", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key.Replace(" ", "", StringComparison.Ordinal)) });
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.Equal(10, enabled.All("#recovery-codes code").Count);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // Still signed in, and the codes are never shown again.
        var later = await member.OpenAsync(Page);
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Equal("on", later.Text(".account-2fa"));
        Assert.Empty(later.All("#recovery-codes"));
        Assert.Contains("10 unused recovery codes", later.Text("main"));
        Assert.Equal("on", (await member.OpenAsync("/admin/account")).Text(".account-2fa"));
    }

    [Fact]
    public async Task With_two_factor_on_signing_in_asks_for_a_code_and_refuses_a_wrong_one()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Editor);
        string key;
        using (var member = new Reader(app))
        {
            await Staff.SignInAsync(member, email);
            (key, _) = await EnableAsync(member);
        }

        using var reader = new Reader(app);
        var password = await Staff.SignInAsync(reader, email);
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.Equal("/admin/login/two-factor", password.Location());
        // The password alone opens nothing.
        Assert.StartsWith("/admin/login", (await reader.OpenAsync("/admin")).Location());

        var wrong = await CodeAsync(reader, "Code", Authenticator.WrongCode(key));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Contains("not right", wrong.FieldError("Code"));
        Assert.StartsWith("/admin/login", (await reader.OpenAsync("/admin")).Location());

        var right = await CodeAsync(reader, "Code", Authenticator.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal("/admin", right.Location());
        Assert.Equal(HttpStatusCode.OK, (await reader.OpenAsync("/admin")).Status);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        IReadOnlyList<string> codes;
        using (var member = new Reader(app))
        {
            await Staff.SignInAsync(member, email);
            (_, codes) = await EnableAsync(member);
        }
        using var first = new Reader(app);
        await Staff.SignInAsync(first, email);
        var used = await CodeAsync(first, "RecoveryCode", codes[3]);
        Assert.Equal(HttpStatusCode.Redirect, used.Status);
        Assert.Equal(HttpStatusCode.OK, (await first.OpenAsync("/admin")).Status);
        Assert.Contains("9 unused recovery codes", (await first.OpenAsync(Page)).Text("main"));

        using var second = new Reader(app);
        await Staff.SignInAsync(second, email);
        var reused = await CodeAsync(second, "RecoveryCode", codes[3]);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.Status);
        Assert.Contains("used already", reused.FieldError("RecoveryCode"));
    }

    [Fact]
    public async Task Guessing_codes_locks_the_account_like_guessing_passwords()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        string key;
        using (var member = new Reader(app))
        {
            await Staff.SignInAsync(member, email);
            (key, _) = await EnableAsync(member);
        }
        using var guesser = new Reader(app);
        await Staff.SignInAsync(guesser, email);
        FetchedPage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await CodeAsync(guesser, "Code", Authenticator.WrongCode(key));
        }
        Assert.Contains("locked", last.Text("[role=alert]"));
        var right = await CodeAsync(guesser, "Code", Authenticator.Code(key));
        Assert.NotEqual(HttpStatusCode.Redirect, right.Status);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Two_factor_is_turned_off_only_with_a_current_code_and_then_signing_in_needs_the_password_alone()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Contributor);
        using var member = new Reader(app);
        await Staff.SignInAsync(member, email);
        var (key, _) = await EnableAsync(member);

        var wrong = await member.SubmitAsync(Page, "#disable-form", new Dictionary<string, string> { ["Code"] = Authenticator.WrongCode(key) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("not right", wrong.FieldError("Code"));
        var off = await member.SubmitAsync(Page, "#disable-form", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        var page = await member.OpenAsync(Page);
        Assert.Equal("off", page.Text(".account-2fa"));
        Assert.NotEqual(key, page.Text("#authenticator-key").Replace(" ", "", StringComparison.Ordinal));

        using var again = new Reader(app);
        var signedIn = await Staff.SignInAsync(again, email);
        Assert.Equal("/admin", signedIn.Location());
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.StaffName == "Staff contributor" && a.Action.StartsWith("user.2fa")).Select(a => a.Action).ToListAsync());
        Assert.Contains("user.2fa-on", actions);
        Assert.Contains("user.2fa-off", actions);
    }
}
