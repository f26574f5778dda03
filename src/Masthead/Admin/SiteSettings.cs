using System.Globalization;
using System.Net.Mail;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Mail;
using Masthead.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>What the settings page edits. The SMTP password is not here: it stays in the environment (Mail__SmtpPassword).</summary>
public sealed record SettingsForm
{
    public string? Name { get; init; }
    public string? Tagline { get; init; }
    public int? LogoImageId { get; init; }
    public string? TimeZone { get; init; }
    public ModerationPolicy Moderation { get; init; }
    public int CloseAfterDays { get; init; }
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public string? SmtpUser { get; init; }
    public string? MailFrom { get; init; }
}

/// <summary>
/// Site settings changed in the newsroom. They are stored in the SiteSetting table under the configuration's own
/// keys ("Masthead:Name") and written over the live options objects, which every service holds as singletons: a
/// change is seen by the next request, with no restart. Stored values win over the configuration files.
/// </summary>
public sealed class SiteSettings(MastheadDb db, SiteOptions site, CommentOptions comments, MailOptions mail, AuditLog audit, IOutputCacheStore cache)
{
    private sealed record Setting(string Key, string Label, Func<SettingsForm, string> Read, Action<SiteOptions, CommentOptions, MailOptions, string> Apply);

    private static readonly Setting[] All =
    [
        new("Masthead:Name", "Site name", f => f.Name ?? "", (s, _, _, v) => s.Name = v),
        new("Masthead:Description", "Tagline", f => f.Tagline ?? "", (s, _, _, v) => s.Description = v),
        new("Masthead:LogoImageId", "Logo", f => f.LogoImageId?.ToString(CultureInfo.InvariantCulture) ?? "",
            (s, _, _, v) => s.LogoImageId = int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : null),
        new("Masthead:TimeZone", "Time zone", f => f.TimeZone ?? "", (s, _, _, v) => s.TimeZone = v),
        new("Comments:Moderation", "Comment policy", f => f.Moderation.ToString(),
            (_, c, _, v) => c.Moderation = Enum.TryParse<ModerationPolicy>(v, out var p) ? p : c.Moderation),
        new("Comments:CloseAfterDays", "Comments close after (days)", f => f.CloseAfterDays.ToString(CultureInfo.InvariantCulture),
            (_, c, _, v) => c.CloseAfterDays = int.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : c.CloseAfterDays),
        new("Mail:SmtpHost", "SMTP host", f => f.SmtpHost ?? "", (_, _, m, v) => m.SmtpHost = v.Length == 0 ? null : v),
        new("Mail:SmtpPort", "SMTP port", f => f.SmtpPort.ToString(CultureInfo.InvariantCulture),
            (_, _, m, v) => m.SmtpPort = int.TryParse(v, CultureInfo.InvariantCulture, out var p) ? p : m.SmtpPort),
        new("Mail:SmtpUser", "SMTP user", f => f.SmtpUser ?? "", (_, _, m, v) => m.SmtpUser = v.Length == 0 ? null : v),
        new("Mail:From", "Mail from", f => f.MailFrom ?? "", (_, _, m, v) => m.From = v),
    ];

    public SettingsForm Current() => new()
    {
        Name = site.Name,
        Tagline = site.Description,
        LogoImageId = site.LogoImageId,
        TimeZone = site.TimeZone,
        Moderation = comments.Moderation,
        CloseAfterDays = comments.CloseAfterDays,
        SmtpHost = mail.SmtpHost,
        SmtpPort = mail.SmtpPort,
        SmtpUser = mail.SmtpUser,
        MailFrom = mail.From,
    };

    /// <summary>True for an IANA zone id this server knows ("Europe/London", "UTC").</summary>
    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && SiteClock.TryFindZone(id, out var zone) && (zone.HasIanaId || id == "UTC");

    /// <summary>Trims what was typed; errors are keyed by the form's field names.</summary>
    public async Task<(SettingsForm Form, Dictionary<string, string> Errors)> ValidateAsync(SettingsForm typed, CancellationToken ct)
    {
        var form = typed with
        {
            Name = typed.Name?.Trim() ?? "",
            Tagline = typed.Tagline?.Trim() ?? "",
            TimeZone = typed.TimeZone?.Trim() ?? "",
            SmtpHost = typed.SmtpHost?.Trim() ?? "",
            SmtpUser = typed.SmtpUser?.Trim() ?? "",
            MailFrom = typed.MailFrom?.Trim() ?? "",
        };
        var errors = new Dictionary<string, string>();
        if (form.Name!.Length == 0)
        {
            errors[nameof(SettingsForm.Name)] = "Enter the site's name.";
        }
        else if (form.Name.Length > 100)
        {
            errors[nameof(SettingsForm.Name)] = "The site's name can have at most 100 characters.";
        }
        if (form.Tagline!.Length > 300)
        {
            errors[nameof(SettingsForm.Tagline)] = "The tagline can have at most 300 characters.";
        }
        if (form.LogoImageId is { } logo && !await db.Images.AnyAsync(i => i.Id == logo, ct))
        {
            errors[nameof(SettingsForm.LogoImageId)] = $"There is no image {logo} in the media library.";
        }
        if (!IsTimeZone(form.TimeZone))
        {
            errors[nameof(SettingsForm.TimeZone)] = $"\u201c{form.TimeZone}\u201d is not a time zone this server knows. Choose one from the list, e.g. Europe/London.";
        }
        if (!Enum.IsDefined(form.Moderation))
        {
            errors[nameof(SettingsForm.Moderation)] = "Choose a comment policy.";
        }
        if (form.CloseAfterDays is < 0 or > 36500)
        {
            errors[nameof(SettingsForm.CloseAfterDays)] = "Enter a number of days from 0 (never close) to 36500.";
        }
        if (form.SmtpHost!.Length > 253 || form.SmtpHost.Length > 0 && Uri.CheckHostName(form.SmtpHost) == UriHostNameType.Unknown)
        {
            errors[nameof(SettingsForm.SmtpHost)] = "Enter a host name such as smtp.example.com, or leave it empty to write mail to the outbox folder.";
        }
        if (form.SmtpPort is < 1 or > 65535)
        {
            errors[nameof(SettingsForm.SmtpPort)] = "Enter a port from 1 to 65535 (587 for most servers).";
        }
        if (form.SmtpUser!.Length > 200)
        {
            errors[nameof(SettingsForm.SmtpUser)] = "The SMTP user can have at most 200 characters.";
        }
        if (form.MailFrom!.Length == 0 || form.MailFrom.Length > 254 || !MailAddress.TryCreate(form.MailFrom, out var from) || from.Address != form.MailFrom)
        {
            errors[nameof(SettingsForm.MailFrom)] = "Enter the address mail is sent from, e.g. newsroom@example.com.";
        }
        return (form, errors);
    }

    /// <summary>Stores a validated form, applies it to the running site and records what changed. Returns the labels of the changed settings.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(SettingsForm form, Staffer by, CancellationToken ct)
    {
        var before = Current();
        var changes = All.Where(s => s.Read(before) != s.Read(form)).ToList();
        if (changes.Count == 0)
        {
            return [];
        }
        var stored = await db.SiteSettings.Where(s => changes.Select(c => c.Key).Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        foreach (var change in changes)
        {
            var value = change.Read(form);
            if (stored.TryGetValue(change.Key, out var row))
            {
                row.Value = value;
            }
            else
            {
                db.SiteSettings.Add(new SiteSetting { Key = change.Key, Value = value });
            }
        }
        audit.Add(by.UserId, by.Name, "settings.changed", "settings", null,
            string.Join("; ", changes.Select(c => $"{c.Label}: \u201c{c.Read(before)}\u201d \u2192 \u201c{c.Read(form)}\u201d")));
        await db.SaveChangesAsync(ct);
        foreach (var change in changes)
        {
            change.Apply(site, comments, mail, change.Read(form));
        }
        await FindLogoAsync(db, site, ct);
        // The name, tagline and clock appear on every public page and feed.
        await cache.EvictByTagAsync(SiteCache.ContentTag, ct);
        await cache.EvictByTagAsync(SiteCache.CommentsTag, ct);
        return [.. changes.Select(c => c.Label)];
    }

    /// <summary>At start-up, after the schema is migrated: the stored settings override the configuration's.</summary>
    public static async Task ApplyStoredAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var stored = await sp.GetRequiredService<MastheadDb>().SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var (site, comments, mail) = (sp.GetRequiredService<SiteOptions>(), sp.GetRequiredService<CommentOptions>(), sp.GetRequiredService<MailOptions>());
        foreach (var setting in All)
        {
            if (stored.TryGetValue(setting.Key, out var value) && (setting.Key != "Masthead:TimeZone" || IsTimeZone(value)))
            {
                setting.Apply(site, comments, mail, value);
            }
        }
        await FindLogoAsync(sp.GetRequiredService<MastheadDb>(), site, ct);
    }

    /// <summary>The masthead shows the logo's picture: its address is looked up once, not on every page.</summary>
    private static async Task FindLogoAsync(MastheadDb db, SiteOptions site, CancellationToken ct)
    {
        var file = site.LogoImageId is { } id ? await db.Images.Where(i => i.Id == id).Select(i => i.FileName).FirstOrDefaultAsync(ct) : null;
        site.LogoPath = file is null ? null : $"/media/{file}";
    }
}
