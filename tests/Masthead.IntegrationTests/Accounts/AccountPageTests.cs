using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Accounts;

public sealed class AccountPageTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private readonly Newsroom _newsroom = new(app);

    [Fact]
    public async Task A_profile_change_shows_on_the_public_author_page_in_bylines_and_in_the_admin_bar()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        var author = await app.WithDbAsync(db => db.Authors.AsNoTracking().SingleAsync(a => a.Id == user.AuthorId));
        Assert.Equal("Staff author", author.Name);
        await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Harbour reopens", authors: [author]);
        var photo = await app.WithDbAsync(async db =>
        {
            var image = new Masthead.Media.Image { FileName = $"{Newsroom.Unique("portrait")}.jpg", Width = 400, Height = 400, AltText = "Portrait of the reporter", CreatedAt = DateTime.UtcNow };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            return image;
        });
        Assert.Equal("Staff author", (await app.GetPageAsync(author.Path)).Text("h1"));

        using var member = new Reader(app);
        await Staff.SignInAsync(member, email);
        var page = await member.OpenAsync("/admin/account");
        Assert.Equal(email, page.One("#email")!.GetAttribute("value"));
        Assert.NotNull(page.One($"#PhotoId option[value='{photo.Id}']"));
        var saved = await member.SubmitAsync(page, "/admin/account", "#profile-form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Marta Oyelaran",
            ["JobTitle"] = "Harbour correspondent",
            ["Bio"] = "Marta covers the port, <b>shipping</b> and the coast.",
            ["PhotoId"] = photo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var after = await member.OpenAsync("/admin/account");
        Assert.Equal("Your profile is saved.", after.Text(".comment-notice"));
        Assert.Equal("Marta Oyelaran", after.Text(".admin-account a[href='/admin/account']"));
        var profile = await app.GetPageAsync(author.Path);
        Assert.Equal("Marta Oyelaran", profile.Text("h1"));
        Assert.Equal("Harbour correspondent", profile.Text(".kicker"));
        Assert.Equal("Marta covers the port, <b>shipping</b> and the coast.", profile.Text(".author-bio"));
        Assert.Equal(photo.Url, profile.One("img.author-photo")!.GetAttribute("src"));
        Assert.Equal("Marta Oyelaran", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.profile" && a.TargetId == user.Id)));
        // Search finds stories by their bylines: by the new name at once.
        var found = await app.GetPageAsync("/search?q=Oyelaran");
        Assert.Equal(["Harbour reopens"], found.All(".search-hit .card-headline a").Select(a => a.TextContent));

        var none = await member.SubmitAsync("/admin/account", "#profile-form", new Dictionary<string, string> { ["PhotoId"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, none.Status);
        Assert.Null((await app.GetPageAsync(author.Path)).One("img.author-photo"));
    }

    [Fact]
    public async Task A_bio_too_long_or_a_missing_picture_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Contributor);
        using var member = new Reader(app);
        await Staff.SignInAsync(member, email);
        var refused = await member.SubmitAsync("/admin/account", "#profile-form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Renamed Person",
            ["Bio"] = new string('x', 1001),
            ["PhotoId"] = "999999",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("at most 1000 characters", refused.FieldError("Bio"));
        Assert.Contains("no longer in the media library", refused.FieldError("PhotoId"));
        Assert.Equal("Staff contributor", await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
        var empty = await member.SubmitAsync("/admin/account", "#profile-form", new Dictionary<string, string> { ["DisplayName"] = " " });
        Assert.Equal("Please enter your name.", empty.FieldError("DisplayName"));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_keeps_the_session()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Editor);
        using var member = new Reader(app);
        await Staff.SignInAsync(member, email);
        const string next = "another long passphrase here";

        var wrongCurrent = await member.SubmitAsync("/admin/account", "#password-form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all", ["NewPassword"] = next, ["ConfirmNewPassword"] = next,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCurrent.Status);
        Assert.Equal("That is not your current password.", wrongCurrent.FieldError("CurrentPassword"));
        var weak = await member.SubmitAsync("/admin/account", "#password-form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Staff.Password, ["NewPassword"] = "short", ["ConfirmNewPassword"] = "short",
        });
        Assert.Contains("at least 12 characters", weak.FieldError("NewPassword"));

        var changed = await member.SubmitAsync("/admin/account", "#password-form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Staff.Password, ["NewPassword"] = next, ["ConfirmNewPassword"] = next,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal("Your password is changed.", (await member.OpenAsync("/admin/account")).Text(".comment-notice"));
        using var other = new Reader(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Staff.SignInAsync(other, email)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(other, email, next)).Status);
    }

    [Fact]
    public async Task Every_account_made_on_the_command_line_gets_its_own_author_profile()
    {
        var first = await Staff.CreateAsync(app, StaffRoles.Admin);
        var second = await Staff.CreateAsync(app, StaffRoles.Admin);
        var slugs = await app.WithDbAsync(db => db.Users.Where(u => u.Email == first || u.Email == second)
            .Join(db.Authors, u => u.AuthorId, a => a.Id, (u, a) => a.Slug).ToListAsync());
        Assert.Equal(2, slugs.Distinct().Count());
        Assert.All(slugs, s => Assert.StartsWith("staff-admin", s));
    }
}
