using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Accounts;

public sealed class UsersTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static string UniqueEmail(string who) => $"{Newsroom.Unique(who)}@masthead.example";

    private async Task<Reader> SignedInAsync(string role)
    {
        var reader = new Reader(app);
        var signedIn = await Staff.SignInAsync(reader, await Staff.CreateAsync(app, role));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return reader;
    }

    private static Task<FetchedPage> InviteAsync(Reader admin, string email, string name, string role) =>
        admin.SubmitAsync("/admin/users", "#invite-form", new Dictionary<string, string>
        {
            ["InviteEmail"] = email,
            ["InviteName"] = name,
            ["InviteRole"] = role,
        });

    private Task<int> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task The_users_page_is_for_admins_and_the_account_pages_for_signed_in_staff_only()
    {
        using var anonymous = new Reader(app);
        foreach (var path in new[] { "/admin/users", "/admin/account", "/admin/account/two-factor" })
        {
            var page = await anonymous.OpenAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/admin/login", page.Location());
        }
        foreach (var path in new[] { "/admin/forgot-password", "/admin/login" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.OpenAsync(path)).Status);
        }
        // Links without a valid token answer, anonymously, with an explanation rather than a sign-in form.
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.OpenAsync("/admin/invitation?user=1&token=nope")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.OpenAsync("/admin/reset-password?user=1&token=nope")).Status);
        var twoFactor = await anonymous.OpenAsync("/admin/login/two-factor");
        Assert.Equal("/admin/login", twoFactor.Location());

        foreach (var role in new[] { StaffRoles.Contributor, StaffRoles.Author, StaffRoles.Editor })
        {
            using var staff = await SignedInAsync(role);
            var denied = await staff.OpenAsync("/admin/users");
            Assert.Equal(HttpStatusCode.Redirect, denied.Status);
            Assert.StartsWith("/admin/denied", denied.Location());
            Assert.Equal(HttpStatusCode.OK, (await staff.OpenAsync("/admin/account")).Status);
            Assert.Equal(HttpStatusCode.OK, (await staff.OpenAsync("/admin/account/two-factor")).Status);
        }
        using var admin = await SignedInAsync(StaffRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.OpenAsync("/admin/users")).Status);
    }

    [Fact]
    public async Task An_invitation_mails_a_single_use_link_that_sets_the_password_and_signs_the_new_member_in()
    {
        using var admin = await SignedInAsync(StaffRoles.Admin);
        var email = UniqueEmail("invitee");
        var invited = await InviteAsync(admin, email, "Nadia Rahman", StaffRoles.Author);
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        var id = await UserIdAsync(email);

        var list = await admin.OpenAsync("/admin/users");
        Assert.Equal($"Invitation sent to {email}.", list.Text(".comment-notice"));
        Assert.Equal("invited", list.Text($"#user-{id} .status-pill"));
        Assert.Equal("author", list.Text($"#user-{id} .staff-role"));
        Assert.Equal("off", list.Text($"#user-{id} .staff-2fa"));
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.NotNull(account.InvitedAt);
        Assert.Null(account.PasswordHash);
        var profile = await app.WithDbAsync(db => db.Authors.AsNoTracking().SingleAsync(a => a.Id == account.AuthorId));
        Assert.Equal("Nadia Rahman", profile.Name);
        Assert.StartsWith("nadia-rahman", profile.Slug);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.invited" && a.TargetId == id)));

        // An invited account has no password to sign in with.
        using var early = new Reader(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Staff.SignInAsync(early, email, "any password at all")).Status);

        var mail = Assert.Single(app.MailTo(email));
        Assert.Contains("invited", mail.Subject);
        var link = AccountsApp.LinkIn(mail, "/admin/invitation?");
        using var newcomer = new Reader(app);
        var form = await newcomer.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Nadia Rahman", form.Text(".account-welcome"));

        var mismatch = await newcomer.SubmitAsync(form, link, "form.account-form", new Dictionary<string, string>
        {
            ["Password"] = "a brand new passphrase", ["ConfirmPassword"] = "a different passphrase",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.Status);
        Assert.Equal("The two passwords are not the same.", mismatch.FieldError("ConfirmPassword"));

        var accepted = await newcomer.SubmitAsync(link, "form.account-form", new Dictionary<string, string>
        {
            ["Password"] = "a brand new passphrase", ["ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.StartsWith("/admin/account", accepted.Location());
        Assert.Equal("Nadia Rahman", (await newcomer.OpenAsync("/admin")).Text(".admin-account a[href='/admin/account']"));
        account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Null(account.InvitedAt);
        Assert.True(account.EmailConfirmed);
        Assert.Equal("active", (await admin.OpenAsync("/admin/users")).Text($"#user-{id} .status-pill"));

        // The link has done its work: opening or posting it again changes nothing.
        using var replay = new Reader(app);
        var reused = await replay.OpenAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Contains("not valid", reused.Text("[role=alert]"));
        var stamp = account.SecurityStamp;
        var token = form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await newcomer.PostAsync(link, new Dictionary<string, string>
        {
            ["Password"] = "someone else's passphrase", ["ConfirmPassword"] = "someone else's passphrase", ["__RequestVerificationToken"] = token,
        });
        Assert.NotEqual(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(stamp, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
        using var again = new Reader(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(again, email, "a brand new passphrase")).Status);
    }

    [Fact]
    public async Task A_forged_invitation_token_or_a_resent_invitations_old_link_is_refused()
    {
        using var admin = await SignedInAsync(StaffRoles.Admin);
        var email = UniqueEmail("resent");
        await InviteAsync(admin, email, "Resent Person", StaffRoles.Contributor);
        var id = await UserIdAsync(email);
        var first = AccountsApp.LinkIn(Assert.Single(app.MailTo(email)), "/admin/invitation?");

        using var forger = new Reader(app);
        var forged = await forger.OpenAsync($"/admin/invitation?user={id}&token=CfDJ8forged");
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("not valid", forged.Text("[role=alert]"));
        Assert.Null(forged.One("input[name=Password]"));

        var resent = await admin.SubmitAsync("/admin/users", $"#user-{id} form[action*=Resend]");
        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        Assert.Equal(2, app.MailTo(email).Count);
        var second = AccountsApp.LinkIn(app.MailTo(email)[1], "/admin/invitation?");
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.BadRequest, (await forger.OpenAsync(first)).Status);
        Assert.Equal(HttpStatusCode.OK, (await forger.OpenAsync(second)).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.reinvited" && a.TargetId == id)));
    }

    [Fact]
    public async Task Inviting_an_address_already_on_the_staff_says_so_beside_the_field_and_creates_nothing()
    {
        using var admin = await SignedInAsync(StaffRoles.Admin);
        var email = await Staff.CreateAsync(app, StaffRoles.Editor);
        var authors = await app.WithDbAsync(db => db.Authors.CountAsync());
        var duplicate = await InviteAsync(admin, email, "Twice Over", StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.Status);
        Assert.Contains("already taken", duplicate.FieldError("InviteEmail"));
        var empty = await InviteAsync(admin, "not an address", "", StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
        Assert.Equal("Please enter a valid email address.", empty.FieldError("InviteEmail"));
        Assert.Equal("Please enter the name.", empty.FieldError("InviteName"));
        Assert.Equal(authors, await app.WithDbAsync(db => db.Authors.CountAsync()));
        Assert.Empty(app.MailTo(email));
    }

    [Fact]
    public async Task An_admin_changes_a_role_and_locks_and_unlocks_an_account_and_each_is_audited()
    {
        using var admin = await SignedInAsync(StaffRoles.Admin);
        var email = await Staff.CreateAsync(app, StaffRoles.Contributor);
        var id = await UserIdAsync(email);
        using var member = new Reader(app);
        await Staff.SignInAsync(member, email);
        Assert.Equal("/admin/denied", (await member.OpenAsync("/admin/comments")).Location().Split('?')[0]);

        var promoted = await admin.SubmitAsync("/admin/users", $"#user-{id} form[action*=Role]", new Dictionary<string, string> { ["role"] = StaffRoles.Editor });
        Assert.Equal(HttpStatusCode.Redirect, promoted.Status);
        var list = await admin.OpenAsync("/admin/users");
        Assert.Equal("Staff contributor is now an editor.", list.Text(".comment-notice"));
        Assert.Equal("editor", list.Text($"#user-{id} .staff-role"));
        Assert.Equal("editor", list.One($"#user-{id} select[name=role] option[selected]")!.GetAttribute("value"));
        // Open sessions pick the new role up at their next check, within a minute.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await member.OpenAsync("/admin/comments")).Status);

        var locked = await admin.SubmitAsync("/admin/users", $"#user-{id} form[action*=Lock]");
        Assert.Equal(HttpStatusCode.Redirect, locked.Status);
        Assert.Equal("locked", (await admin.OpenAsync("/admin/users")).Text($"#user-{id} .status-pill"));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var ended = await member.OpenAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.StartsWith("/admin/login", ended.Location());
        using var retry = new Reader(app);
        var refused = await Staff.SignInAsync(retry, email);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("locked", refused.Text("[role=alert]"));

        var unlocked = await admin.SubmitAsync("/admin/users", $"#user-{id} form[action*=Unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.Status);
        Assert.Equal("active", (await admin.OpenAsync("/admin/users")).Text($"#user-{id} .status-pill"));
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(retry, email)).Status);

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.TargetType == "user" && a.TargetId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["user.role", "user.locked", "user.unlocked"], actions);
    }
}
