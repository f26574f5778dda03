using Microsoft.Extensions.Options;

namespace Masthead.Media;

public static class MediaModule
{
    public static WebApplicationBuilder AddMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().Bind(builder.Configuration.GetSection(MediaOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value);
        builder.Services.AddScoped<MediaLibrary>();
        return builder;
    }
}
