using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Articles;

public static class ArticlesModule
{
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArticleRenderer>();
        builder.Services.AddSingleton<SectionDirectory>();
        builder.Services.AddScoped<ArticlePublisher>();
        builder.Services.AddScoped<ArticleRevisions>();
        builder.Services.AddScoped<EditorialWorkflow>();
        builder.Services.AddOptions<ArticleOptions>().Bind(builder.Configuration.GetSection("Articles")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArticleOptions>>().Value);
        builder.Services.AddHostedService<ArticleScheduler>();

        // Later pages of every list live under page/N/, as readers know it from WordPress sites.
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Articles/FrontPage", "page/{pageNumber:int:min(2)}/");
            o.Conventions.AddPageRoute("/Articles/Read", "{year:int}/{month:int}/{day:int}/{slug}/comment-page-{commentPage:int:min(2)}/");
            o.Conventions.AddPageRoute("/Articles/SectionPage", "section/{slug}/page/{pageNumber:int:min(2)}/");
            o.Conventions.AddPageRoute("/Articles/TagPage", "tag/{slug}/page/{pageNumber:int:min(2)}/");
            o.Conventions.AddPageRoute("/Articles/AuthorPage", "author/{slug}/page/{pageNumber:int:min(2)}/");
            o.Conventions.AddPageRoute("/Articles/DateArchive", "{year:int}/page/{pageNumber:int:min(2)}/");
            o.Conventions.AddPageRoute("/Articles/DateArchive", "{year:int}/{month:int}/page/{pageNumber:int:min(2)}/");
            o.Conventions.AddPageRoute("/Articles/DateArchive", "{year:int}/{month:int}/{day:int}/page/{pageNumber:int:min(2)}/");
        });
        return builder;
    }
}
