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
