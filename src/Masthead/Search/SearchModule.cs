using Masthead.Articles;

namespace Masthead.Search;

public static class SearchModule
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SqliteSearchIndex>();
        builder.Services.AddScoped<ISearchIndex>(sp => sp.GetRequiredService<SqliteSearchIndex>());
        builder.Services.AddScoped<IArticleIndexer>(sp => sp.GetRequiredService<SqliteSearchIndex>());
        return builder;
    }
}
