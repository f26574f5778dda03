using Masthead.Accounts;

namespace Masthead.IntegrationTests.Infrastructure;

/// <summary>Newsroom accounts for tests, and signing in through the real sign-in form.</summary>
public static class Staff
{
    public const string Password = "correct horse battery staple";

    public static async Task<string> CreateAsync(MastheadApp app, string role)
    {
        var email = $"{Guid.NewGuid():n}@masthead.example";
        var result = await app.WithServicesAsync(sp => StaffAccounts.AddAsync(sp, email, $"Staff {role}", role, Password));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    public static async Task<FetchedPage> SignInAsync(Reader staff, string email, string password = Password)
    {
        var form = await staff.OpenAsync("/admin/login");
        var token = form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await staff.PostAsync("/admin/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
    }
}
