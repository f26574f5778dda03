using Masthead.Articles;

namespace Masthead.Search;

public static class SearchModule
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().Bind(builder.Configuration.GetSection(SearchOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value);
        builder.Services.AddSingleton<SearchGate>();
        builder.Services.AddSingleton<SearchTurn>();
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddScoped<SqliteSearchIndex>();
        builder.Services.AddScoped<ISearchIndex>(sp => sp.GetRequiredService<SqliteSearchIndex>());
        // Order matters: related stories are found through the search index, so the index is brought up to date first.
        builder.Services.AddScoped<IArticleIndexer>(sp => sp.GetRequiredService<SqliteSearchIndex>());
        builder.Services.AddScoped<RelatedStories>();
        builder.Services.AddScoped<IArticleIndexer>(sp => sp.GetRequiredService<RelatedStories>());
        return builder;
    }
}
