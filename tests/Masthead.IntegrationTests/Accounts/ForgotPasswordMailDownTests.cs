using System.Net;
using System.Net.Sockets;
using Masthead.Accounts;
using Masthead.Admin;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Accounts;

/// <summary>A site whose mail server refuses connections.</summary>
public sealed class MailDownApp : AccountsApp
{
    private static readonly int ClosedPort = ClosedLoopbackPort();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Comments:PostsPerMinutePerAddress"] = "10000",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = ClosedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A port that was free a moment ago and has nothing listening on it.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class ForgotPasswordMailDownTests(MailDownApp app) : IClassFixture<MailDownApp>
{
    [Fact]
    public async Task With_the_mail_server_down_a_real_account_gets_the_same_answer_as_an_unknown_address()
    {
        var email = await Staff.CreateAsync(app, StaffRoles.Author);
        using var reader = new Reader(app);

        var known = await reader.SubmitAsync("/admin/forgot-password", "form.account-form", new Dictionary<string, string> { ["Email"] = email });
        var unknown = await reader.SubmitAsync("/admin/forgot-password", "form.account-form",
            new Dictionary<string, string> { ["Email"] = $"{Newsroom.Unique("nobody")}@masthead.example" });
        await app.Services.GetRequiredService<PasswordResetQueue>().IdleAsync();

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(ForgotPasswordModel.Sent, known.Text("[role=status]"));
        Assert.Equal(known.Text("main"), unknown.Text("main"));
        // The failure is the operator's to see, in the log, not the visitor's.
        Assert.Contains(app.Log.Entries, e => e.StartsWith("Error ", StringComparison.Ordinal) && e.Contains("password reset link could not be sent", StringComparison.Ordinal));
    }
}
