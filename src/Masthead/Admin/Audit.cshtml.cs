using System.Globalization;
using Masthead.Accounts;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>Who did what in the newsroom, newest first: filter by person, action and target.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
public sealed class AuditModel(MastheadDb db) : PageModel, IHasPageHead
{
    private const int PageSize = 50;

    public PageHead Head { get; } = new() { Title = "Audit log", CanonicalPath = "/admin/audit", NoIndex = true };
    /// <summary>A staff account id; 0 for the system itself.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Person { get; set; }
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }
    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }
    [BindProperty(SupportsGet = true)]
    public int? TargetId { get; set; }
    public int PageNumber { get; private set; } = 1;
    public int TotalPages { get; private set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> People { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<string> Targets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var people = await db.AuditEntries.AsNoTracking().GroupBy(e => e.StaffUserId)
            .Select(g => new { Id = g.Key, Name = g.OrderByDescending(e => e.At).Select(e => e.StaffName).First() }).ToListAsync(ct);
        People = [.. people.Select(p => (p.Id ?? 0, p.Id is null ? $"{p.Name} (system)" : p.Name)).OrderBy(p => p.Item2, StringComparer.OrdinalIgnoreCase)];
        Actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        Targets = await db.AuditEntries.AsNoTracking().Where(e => e.TargetType != "").Select(e => e.TargetType).Distinct().OrderBy(t => t).ToListAsync(ct);

        var entries = db.AuditEntries.AsNoTracking();
        if (Person is 0)
        {
            entries = entries.Where(e => e.StaffUserId == null);
        }
        else if (Person is { } person)
        {
            entries = entries.Where(e => e.StaffUserId == person);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            entries = entries.Where(e => e.Action == Action);
        }
        if (!string.IsNullOrWhiteSpace(Target))
        {
            entries = entries.Where(e => e.TargetType == Target);
        }
        if (TargetId is { } targetId)
        {
            entries = entries.Where(e => e.TargetId == targetId);
        }
        Total = await entries.CountAsync(ct);
        TotalPages = Paged<int>.CountPages(Total, PageSize);
        PageNumber = Math.Clamp(int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1, 1, TotalPages);
        Entries = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>The log as it is filtered, at a page ("page" cannot be a route value: Razor Pages owns it).</summary>
    public string Link(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", new Dictionary<string, string?>
    {
        ["person"] = Person?.ToString(CultureInfo.InvariantCulture),
        ["action"] = Action,
        ["target"] = Target,
        ["targetId"] = TargetId?.ToString(CultureInfo.InvariantCulture),
        ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    /// <summary>The newsroom page of what an entry acted on, where it has one.</summary>
    public static string? TargetPath(AuditEntry entry) => (entry.TargetType, entry.TargetId) switch
    {
        ("article", { } id) => $"/admin/articles/{id}",
        ("comment", { } id) => $"/admin/comments/{id}",
        ("section", { } id) => $"/admin/sections/{id}",
        ("tag", { } id) => $"/admin/tags/{id}",
        ("user", { } id) => $"/admin/users#user-{id}",
        ("image", { } id) => $"/admin/media/{id}",
        ("settings", _) => "/admin/settings",
        _ => null,
    };
}
