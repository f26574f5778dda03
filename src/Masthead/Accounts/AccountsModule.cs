using Masthead.Data;
using Microsoft.AspNetCore.Identity;

namespace Masthead.Accounts;

public static class AccountsModule
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // Length beats composition rules: a long passphrase is accepted without digits or symbols.
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<MastheadDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(StaffRoster.InvitationProvider)
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.Cookie.Name = "mh_staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS (directly or through a trusted proxy).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        // Reset links are short-lived; invitations have their own, longer-lived provider.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountMail.PasswordResetLifespan);
        // Open sessions re-check the account every minute, so a lock or a role change takes effect at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddScoped<StaffRoster>();
        builder.Services.AddScoped<AccountMail>();
        builder.Services.AddScoped<PasswordResets>();
        builder.Services.AddSingleton<PasswordResets.Throttle>();
        builder.Services.AddSingleton<PasswordResetQueue>();
        builder.Services.AddSingleton<SetupToken>();
        builder.Services.AddHostedService<SetupAnnouncer>();
        builder.Services.AddScoped<Admin.AdminNavigation>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Write, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(StaffPolicies.Publish, p => p.RequireRole(StaffRoles.Author, StaffRoles.Editor, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.EditAny, p => p.RequireRole(StaffRoles.Editor, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Moderate, p => p.RequireRole(StaffRoles.Editor, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Administer, p => p.RequireRole(StaffRoles.Admin));
        return builder;
    }
}
