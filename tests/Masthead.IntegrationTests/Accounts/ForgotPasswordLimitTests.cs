using System.Net;
using Masthead.IntegrationTests.Infrastructure;

namespace Masthead.IntegrationTests.Accounts;

/// <summary>A site with the per-address limit on anonymous posts set low, to see it reach the reset form.</summary>
public sealed class ForgotPasswordLimitApp : AccountsApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Comments:PostsPerMinutePerAddress"] = "3",
    };
}

public sealed class ForgotPasswordLimitTests(ForgotPasswordLimitApp app) : IClassFixture<ForgotPasswordLimitApp>
{
    [Fact]
    public async Task Asking_for_reset_links_too_often_from_one_address_is_refused()
    {
        using var reader = new Reader(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var page = await reader.SubmitAsync("/admin/forgot-password", "form.account-form",
                new Dictionary<string, string> { ["Email"] = $"{Newsroom.Unique("someone")}@masthead.example" });
            statuses.Add(page.Status);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
