using Microsoft.AspNetCore.Identity;

namespace Masthead.Accounts;

/// <summary>Staff accounts from the command line, for the first admin and for operators.</summary>
public static class StaffAccounts
{
    public static async Task<int> AddFromConsoleAsync(IServiceProvider services, string email, string name, string role, CancellationToken ct)
    {
        if (!Console.IsInputRedirected)
        {
            Console.Error.Write("Password: ");
        }
        var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
        using var scope = services.CreateScope();
        var result = await AddAsync(scope.ServiceProvider, email, name, role, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }
            return 1;
        }
        Console.WriteLine($"Added {email} as {role}.");
        return 0;
    }

    /// <summary>An account that can sign in at once, with the author profile it writes as.</summary>
    public static async Task<IdentityResult> AddAsync(IServiceProvider services, string email, string name, string role, string password)
    {
        var result = await services.GetRequiredService<StaffRoster>().CreateAsync(email, name, role, password ?? "");
        return result.Succeeded
            ? IdentityResult.Success
            : IdentityResult.Failed([.. result.Errors.Select(e => new IdentityError { Code = e.Field, Description = e.Message })]);
    }
}
