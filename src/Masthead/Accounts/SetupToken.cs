using System.Security.Cryptography;
using System.Text;

namespace Masthead.Accounts;

/// <summary>
/// The secret that opens /admin/setup on a site with no admin yet. A new one is made each time the site starts and
/// is only ever shown in the server's log, so only whoever runs the server can create the first admin.
/// </summary>
public sealed class SetupToken
{
    public string Value { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>Serialises the check for an existing admin with the creation of the first one.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));
}

/// <summary>Tells the operator where to create the first admin, when the site starts without one.</summary>
public sealed class SetupAnnouncer(IServiceScopeFactory scopes, SetupToken token, ILogger<SetupAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        if (!await scope.ServiceProvider.GetRequiredService<StaffRoster>().AdminExistsAsync(cancellationToken))
        {
            logger.LogWarning("No admin account yet: create one at /admin/setup?token={SetupToken}", token.Value);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
