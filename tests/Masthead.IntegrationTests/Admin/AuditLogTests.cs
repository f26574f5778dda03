using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Admin;

public sealed class AuditLogTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private Task RecordAsync(int? staffId, string name, string action, string target, int? targetId, string detail) =>
        app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<AuditLog>().RecordAsync(staffId, name, action, target, targetId, detail);
            return true;
        });

    private async Task<Reader> AdminAsync()
    {
        var admin = new Reader(app);
        await Staff.SignInAsync(admin, await Staff.CreateAsync(app, StaffRoles.Admin));
        return admin;
    }

    [Fact]
    public async Task The_log_lists_the_newest_first_filters_by_action_and_person_and_links_to_articles()
    {
        var action = $"article.t{Guid.NewGuid():n}"[..20];
        await RecordAsync(null, "Masthead", action, "article", 41, "Scheduled story went out");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await RecordAsync(7, "Nadia Editor", action, "article", 42, "Published <b>Storm</b>");
        await RecordAsync(7, "Nadia Editor", "comment.spam", "comment", 9, "Not this one");
        using var admin = await AdminAsync();

        var log = await admin.OpenAsync($"/admin/audit?action={action}");

        Assert.Equal(HttpStatusCode.OK, log.Status);
        var rows = log.All("table.audit-log tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Nadia Editor", rows[0].TextContent);
        Assert.Equal("Published <b>Storm</b>", rows[0].QuerySelector(".audit-detail")!.TextContent);
        Assert.Equal("/admin/articles/42", rows[0].QuerySelector(".audit-target a")!.GetAttribute("href"));
        Assert.Contains("Masthead (system)", rows[1].TextContent);
        Assert.Contains(log.All("#action option"), o => o.GetAttribute("value") == action);

        var system = await admin.OpenAsync($"/admin/audit?action={action}&person=0");
        Assert.Single(system.All("table.audit-log tbody tr"));
        var person = await admin.OpenAsync($"/admin/audit?person=7&target=comment");
        Assert.Equal(["Not this one"], person.All("table.audit-log .audit-detail").Select(d => d.TextContent));
    }

    [Fact]
    public async Task The_log_is_paged_fifty_at_a_time()
    {
        var action = $"paging.t{Guid.NewGuid():n}"[..20];
        for (var i = 1; i <= 55; i++)
        {
            await RecordAsync(3, "Busy Person", action, "settings", null, $"Change {i}");
        }
        using var admin = await AdminAsync();

        var first = await admin.OpenAsync($"/admin/audit?action={action}");
        var next = first.All(".pager a").Single(a => a.TextContent.Contains("Older")).GetAttribute("href")!;
        var second = await admin.OpenAsync(next);

        Assert.Equal(50, first.All("table.audit-log tbody tr").Count);
        Assert.Equal("Change 55", first.All(".audit-detail")[0].TextContent);
        Assert.Equal(5, second.All("table.audit-log tbody tr").Count);
        Assert.Equal("Change 1", second.All(".audit-detail")[^1].TextContent);
        Assert.Equal("/admin/settings", second.One(".audit-target a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Only_administrators_read_the_log()
    {
        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, await Staff.CreateAsync(app, StaffRoles.Editor));

        Assert.StartsWith("/admin/denied", (await editor.OpenAsync("/admin/audit")).Location());
    }
}
