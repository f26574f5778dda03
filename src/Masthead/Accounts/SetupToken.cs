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

/// <summary>
/// Tells the operator where to create the first admin, when the site starts without one. A background service, so the
/// check (the first query of ASP.NET Core Identity's store, a tenth of a second on a cold start) does not hold up
/// the server's start.
/// </summary>
public sealed class SetupAnnouncer(IServiceScopeFactory scopes, SetupToken token, ILogger<SetupAnnouncer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        if (!await scope.ServiceProvider.GetRequiredService<StaffRoster>().AdminExistsAsync(stoppingToken))
        {
            logger.LogWarning("No admin account yet: create one at /admin/setup?token={SetupToken}", token.Value);
        }
    }
}
