using System.Net;
using System.Net.Sockets;
using Masthead.Accounts;
using Masthead.Admin;
using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Mail;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Admin;

/// <summary>Each test changes the live site's settings, so these run on an app of their own.</summary>
public sealed class SettingsTests(MastheadApp app) : IClassFixture<MastheadApp>, IAsyncLifetime
{
    private readonly Newsroom _newsroom = new(app);

    private async Task<Reader> AdminAsync()
    {
        var admin = new Reader(app);
        await Staff.SignInAsync(admin, await Staff.CreateAsync(app, StaffRoles.Admin));
        return admin;
    }

    private static (string, string)[] Fields(SettingsForm f) =>
    [
        ("Form.Name", f.Name ?? ""), ("Form.Tagline", f.Tagline ?? ""), ("Form.LogoImageId", f.LogoImageId?.ToString() ?? ""),
        ("Form.TimeZone", f.TimeZone ?? ""), ("Form.Moderation", f.Moderation.ToString()), ("Form.CloseAfterDays", f.CloseAfterDays.ToString()),
        ("Form.SmtpHost", f.SmtpHost ?? ""), ("Form.SmtpPort", f.SmtpPort.ToString()), ("Form.SmtpUser", f.SmtpUser ?? ""), ("Form.MailFrom", f.MailFrom ?? ""),
    ];

    private SettingsForm Defaults => new()
    {
        Name = "The Masthead Herald", Tagline = "Independent reporting and the wire, from around the world.", TimeZone = "UTC",
        Moderation = ModerationPolicy.HoldFirst, CloseAfterDays = 0, SmtpPort = 587, MailFrom = "newsroom@localhost.localdomain",
    };

    private static Task<FetchedPage> SaveAsync(Reader admin, SettingsForm form) => admin.SubmitAsync("/admin/settings", "form.settings-form", Fields(form));

    [Fact]
    public async Task A_new_site_name_shows_on_the_public_front_page_at_once()
    {
        Assert.Contains("The Masthead Herald", (await app.GetPageAsync("/")).Text("title"));
        using var admin = await AdminAsync();

        var saved = await SaveAsync(admin, Defaults with { Name = "The Evening Lantern", Tagline = "Light on the day's news." });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var front = await app.GetPageAsync("/");
        Assert.Contains("The Evening Lantern", front.Text("title"));
        Assert.Equal("Light on the day's news.", front.One("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("Saved: Site name, Tagline.", (await admin.OpenAsync("/admin/settings")).Text(".comment-notice"));
        Assert.Equal("The Evening Lantern", await app.WithDbAsync(db => db.SiteSettings.Where(s => s.Key == "Masthead:Name").Select(s => s.Value).SingleAsync()));
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "settings.changed" && e.Detail.Contains("Evening Lantern")));
        Assert.Contains("Site name: \u201cThe Masthead Herald\u201d \u2192 \u201cThe Evening Lantern\u201d", entry.Detail);
    }

    [Fact]
    public async Task A_logo_from_the_media_library_appears_in_the_public_masthead()
    {
        var file = $"2026/11/{Guid.NewGuid():n}.png";
        var imageId = await app.WithDbAsync(async db =>
        {
            var image = new Masthead.Media.Image { FileName = file, Width = 400, Height = 80, AltText = "Logo", CreatedAt = DateTime.UtcNow };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            return image.Id;
        });
        Assert.Null((await app.GetPageAsync("/")).One("img.site-logo"));
        using var admin = await AdminAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, Defaults with { LogoImageId = imageId })).Status);

        Assert.Equal($"/media/{file}", (await app.GetPageAsync("/")).One("a.site-name img.site-logo")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, Defaults)).Status);
        Assert.Null((await app.GetPageAsync("/")).One("img.site-logo"));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_with_a_message_and_nothing_is_saved()
    {
        using var admin = await AdminAsync();

        var refused = await SaveAsync(admin, Defaults with { Name = "Never Saved Gazette", TimeZone = "Mars/Olympus_Mons" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("not a time zone this server knows", refused.Text("#TimeZone-error"));
        Assert.Contains("Nothing was saved", refused.Text(".notice-error"));
        Assert.Equal("true", refused.One("#TimeZone")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteSettings.CountAsync()));
        Assert.Equal("UTC", app.Services.GetRequiredService<SiteOptions>().TimeZone);
        Assert.DoesNotContain("Never Saved Gazette", (await app.GetPageAsync("/")).Text("title"));
    }

    [Fact]
    public async Task Numbers_that_are_not_numbers_get_a_message_beside_their_field()
    {
        using var admin = await AdminAsync();
        var fields = Fields(Defaults).Select(f => f.Item1 == "Form.SmtpPort" ? (f.Item1, "lots") : f).ToArray();

        var refused = await admin.SubmitAsync("/admin/settings", "form.settings-form", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("port from 1 to 65535", refused.Text("#SmtpPort-error"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteSettings.CountAsync()));
    }

    [Fact]
    public async Task Editors_may_not_see_or_change_the_settings()
    {
        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, await Staff.CreateAsync(app, StaffRoles.Editor));
        var dashboard = await editor.OpenAsync("/admin");
        var token = dashboard.One("form[action='/admin/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.StartsWith("/admin/denied", (await editor.OpenAsync("/admin/settings")).Location());
        var posted = await editor.PostAsync("/admin/settings", [.. Fields(Defaults with { Name = "Hijacked" }).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)),
            new KeyValuePair<string, string>("__RequestVerificationToken", token)]);
        Assert.StartsWith("/admin/denied", posted.Location());
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteSettings.CountAsync()));
    }

    [Fact]
    public async Task A_new_time_zone_and_comment_policy_apply_without_a_restart()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Zone change", publishedAt: new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal("2026-07-01T12:00:00+00:00", (await app.GetPageAsync(article.Path)).One(".times time[datetime]")!.GetAttribute("datetime"));
        using var admin = await AdminAsync();

        await SaveAsync(admin, Defaults with { TimeZone = "Asia/Tokyo", Moderation = ModerationPolicy.HoldAll, CloseAfterDays = 30000 });

        Assert.Equal("2026-07-01T21:00:00+09:00", (await app.GetPageAsync(article.Path)).One(".times time[datetime]")!.GetAttribute("datetime"));
        Assert.Equal(ModerationPolicy.HoldAll, app.Services.GetRequiredService<CommentOptions>().Moderation);
        Assert.Equal(30000, app.Services.GetRequiredService<CommentOptions>().CloseAfterDays);
    }

    [Fact]
    public async Task Stored_settings_override_the_configuration_at_start_up()
    {
        await app.WithDbAsync(async db =>
        {
            db.SiteSettings.Add(new SiteSetting { Key = "Masthead:Name", Value = "Restarted Recorder" });
            db.SiteSettings.Add(new SiteSetting { Key = "Mail:SmtpPort", Value = "2525" });
            return await db.SaveChangesAsync();
        });

        await app.Services.ApplySiteSettingsAsync(CancellationToken.None);

        Assert.Equal("Restarted Recorder", app.Services.GetRequiredService<SiteOptions>().Name);
        Assert.Equal(2525, app.Services.GetRequiredService<MailOptions>().SmtpPort);
    }

    [Fact]
    public async Task Mail_goes_to_a_newly_set_smtp_host_from_the_next_message_on()
    {
        using var admin = await AdminAsync();
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var settings = await admin.OpenAsync("/admin/settings");
        Assert.Contains("Mail__SmtpPassword", settings.Text("#smtp-password-note"));
        Assert.Null(settings.One("input[type=password]"));

        await SaveAsync(admin, Defaults with { SmtpHost = "127.0.0.1", SmtpPort = port, SmtpUser = "desk" });

        var message = new MimeKit.MimeMessage { Subject = "Hello" };
        message.From.Add(MimeKit.MailboxAddress.Parse("newsroom@localhost.localdomain"));
        message.To.Add(MimeKit.MailboxAddress.Parse("reader@example.com"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var sending = app.WithServicesAsync(async sp =>
        {
            try
            {
                await sp.GetRequiredService<IMailSender>().SendAsync(message, timeout.Token);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                // The listener is no mail server: the connection is what matters.
            }
            return true;
        });
        using var connection = await server.AcceptTcpClientAsync(timeout.Token);
        Assert.True(connection.Connected);
        connection.Close();
        await sending;
        var outbox = Path.Combine(app.DataDirectory, "outbox");
        Assert.False(Directory.Exists(outbox) && Directory.EnumerateFiles(outbox, "*.eml").Any(f => File.ReadAllText(f).Contains("Subject: Hello")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Puts the shared app back as configured, so each test starts from the same settings.</summary>
    public async Task DisposeAsync()
    {
        await app.WithDbAsync(db => db.SiteSettings.ExecuteDeleteAsync());
        var site = app.Services.GetRequiredService<SiteOptions>();
        var comments = app.Services.GetRequiredService<CommentOptions>();
        var mail = app.Services.GetRequiredService<MailOptions>();
        (site.Name, site.Description, site.TimeZone, site.LogoImageId, site.LogoPath) = (Defaults.Name!, Defaults.Tagline!, "UTC", null, null);
        (comments.Moderation, comments.CloseAfterDays) = (ModerationPolicy.HoldFirst, 0);
        (mail.SmtpHost, mail.SmtpPort, mail.SmtpUser, mail.From) = (null, 587, null, Defaults.MailFrom!);
        await app.Services.GetRequiredService<SiteCache>().EvictContentAsync();
    }
}
