using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Pages;

public static class SitePagesModule
{
    public static WebApplicationBuilder AddSitePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageDirectory>();
        builder.Services.AddScoped<SitePageEditor>();
        builder.Services.Configure<RouteOptions>(o => o.ConstraintMap[SitePageSlugConstraint.Name] = typeof(SitePageSlugConstraint));
        // The editor answers both /admin/pages/new and /admin/pages/{id}.
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Admin/SitePageEditor", "admin/pages/{id:int}"));
        return builder;
    }
}
