using Masthead.Accounts;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>The site's name, tagline, logo, clock, comment policy and outgoing mail, changed without a restart.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
public sealed class SettingsModel(SiteSettings settings, MastheadDb db) : PageModel, IHasPageHead
{
    public sealed record LogoChoice(int Id, string Label);

    public PageHead Head { get; } = new() { Title = "Settings", CanonicalPath = "/admin/settings", NoIndex = true };
    [BindProperty]
    public SettingsForm Form { get; set; } = new();
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> TimeZones { get; private set; } = [];
    public IReadOnlyList<LogoChoice> Logos { get; private set; } = [];
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = settings.Current();
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (form, errors) = await settings.ValidateAsync(Form, ct);
        // Numbers that did not parse never reach the form's values: say so beside the field.
        foreach (var (key, entry) in ModelState)
        {
            var field = key.StartsWith("Form.", StringComparison.Ordinal) ? key["Form.".Length..] : key;
            if (entry.Errors.Count > 0 && !errors.ContainsKey(field))
            {
                errors[field] = field switch
                {
                    nameof(SettingsForm.LogoImageId) => "Enter the number of an image from the media library, or leave it empty for no logo.",
                    nameof(SettingsForm.CloseAfterDays) => "Enter a number of days from 0 (never close) to 36500.",
                    nameof(SettingsForm.SmtpPort) => "Enter a port from 1 to 65535 (587 for most servers).",
                    nameof(SettingsForm.Moderation) => "Choose a comment policy.",
                    _ => "This value is not valid.",
                };
            }
        }
        if (errors.Count > 0)
        {
            Form = form;
            Errors = errors;
            await LoadChoicesAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var changed = await settings.SaveAsync(form, User.ToStaffer()!, ct);
        Notice = changed.Count == 0 ? "Nothing was changed." : $"Saved: {string.Join(", ", changed)}.";
        return Redirect("/admin/settings");
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var zones = TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append("UTC");
        if (SiteSettings.IsTimeZone(Form.TimeZone))
        {
            zones = zones.Append(Form.TimeZone!);
        }
        TimeZones = [.. zones.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var images = await db.Images.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(200)
            .Select(i => new { i.Id, i.FileName, i.AltText }).ToListAsync(ct);
        Logos = [.. images.Select(i => new LogoChoice(i.Id, $"{i.Id}: {(string.IsNullOrWhiteSpace(i.AltText) ? i.FileName : i.AltText)}"))];
        if (Form.LogoImageId is { } current && Logos.All(l => l.Id != current))
        {
            Logos = [new LogoChoice(current, $"{current}"), .. Logos];
        }
    }

    public static string PolicyLabel(ModerationPolicy policy) => policy switch
    {
        ModerationPolicy.HoldAll => "Hold every comment for a moderator",
        ModerationPolicy.HoldFirst => "Hold a commenter's first comment; publish later ones at once",
        _ => "Publish at once unless the filters hold them",
    };
}
