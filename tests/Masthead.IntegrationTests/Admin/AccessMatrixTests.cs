using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;

namespace Masthead.IntegrationTests.Admin;

/// <summary>
/// Every newsroom page against every kind of visitor: anonymous readers are sent to sign in, staff without the role
/// are refused, staff with it get the page. Posts are refused the same way, so a forged form cannot act either.
/// </summary>
public sealed class AccessMatrixTests(NewsroomApp app) : IClassFixture<NewsroomApp>
{
    /// <summary>Roles from least to most trusted; a page open to one is open to those after it.</summary>
    private static readonly string[] Ladder = [StaffRoles.Contributor, StaffRoles.Author, StaffRoles.Editor, StaffRoles.Admin];

    public static TheoryData<string, string> Pages => new()
    {
        { "/admin", StaffRoles.Contributor },
        { "/admin/articles", StaffRoles.Contributor },
        { "/admin/articles/new", StaffRoles.Contributor },
        { "/admin/media", StaffRoles.Contributor },
        { "/admin/pages", StaffRoles.Author },
        { "/admin/pages/new", StaffRoles.Author },
        { "/admin/account", StaffRoles.Contributor },
        { "/admin/account/two-factor", StaffRoles.Contributor },
        { "/admin/comments", StaffRoles.Editor },
        { "/admin/comments/blocklist", StaffRoles.Editor },
        { "/admin/comments/commenter?email=someone%40example.com", StaffRoles.Editor },
        { "/admin/sections", StaffRoles.Editor },
        { "/admin/tags", StaffRoles.Editor },
        { "/admin/wire", StaffRoles.Editor },
        { "/admin/media/fetch", StaffRoles.Editor },
        { "/admin/users", StaffRoles.Admin },
        { "/admin/settings", StaffRoles.Admin },
        { "/admin/import", StaffRoles.Admin },
        { "/admin/audit", StaffRoles.Admin },
    };

    private readonly Dictionary<string, Reader> _signedIn = [];

    private async Task<Reader> AsAsync(string role)
    {
        if (!_signedIn.TryGetValue(role, out var reader))
        {
            reader = new Reader(app);
            Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(reader, await Staff.CreateAsync(app, role))).Status);
            _signedIn[role] = reader;
        }
        return reader;
    }

    private static string Location(FetchedPage page) => page.Response.Headers.Location?.OriginalString ?? "";

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_newsroom_page_admits_exactly_the_roles_it_is_for(string path, string minimum)
    {
        using var stranger = new Reader(app);
        var anonymous = await stranger.OpenAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Contains("/admin/login", Location(anonymous));
        var forged = await stranger.PostAsync(path, new Dictionary<string, string> { ["action"] = "approved" });
        Assert.True(forged.Status is HttpStatusCode.BadRequest or HttpStatusCode.Redirect, $"Anonymous POST to {path} answered {forged.Status}");
        Assert.DoesNotContain("/admin/denied", Location(forged));

        foreach (var role in Ladder)
        {
            var staff = await AsAsync(role);
            var page = await staff.OpenAsync(path);
            if (Array.IndexOf(Ladder, role) >= Array.IndexOf(Ladder, minimum))
            {
                Assert.True(page.Status == HttpStatusCode.OK, $"{role} opening {path}: {page.Status} {Location(page)}");
                continue;
            }
            Assert.True(page.Status == HttpStatusCode.Redirect && Location(page).Contains("/admin/denied"), $"{role} opening {path}: {page.Status} {Location(page)}");

            // A valid antiforgery token (from a page the role may see) still does not let the role act.
            var token = (await staff.OpenAsync("/admin")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var posted = await staff.PostAsync(path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["action"] = "approved", ["ids"] = "1" });
            Assert.True(posted.Status == HttpStatusCode.Redirect && Location(posted).Contains("/admin/denied"), $"{role} posting to {path}: {posted.Status} {Location(posted)}");
        }
        foreach (var reader in _signedIn.Values)
        {
            reader.Dispose();
        }
    }
}
