using Masthead.Articles;

namespace Masthead.Admin;

/// <summary>The newsroom's desk pages: settings, sections and tags, the audit log, the dashboard.</summary>
public static class AdminDeskModule
{
    public static WebApplicationBuilder AddAdminDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SiteSettings>();
        builder.Services.AddScoped<TaxonomyEditor>();
        return builder;
    }

    /// <summary>Settings saved in the newsroom override the configuration files; read once the schema is migrated.</summary>
    public static Task ApplySiteSettingsAsync(this IServiceProvider services, CancellationToken ct) => SiteSettings.ApplyStoredAsync(services, ct);
}
