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

    public static async Task<IdentityResult> AddAsync(IServiceProvider services, string email, string name, string role, string password)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "role", Description = $"Unknown role '{role}'. Roles: {string.Join(", ", StaffRoles.All)}." });
        }
        var roles = services.GetRequiredService<RoleManager<IdentityRole<int>>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole<int>(role));
        }
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
    }
}
