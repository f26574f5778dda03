using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Media;

public static partial class MediaModule
{
    public static WebApplicationBuilder AddMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().Bind(builder.Configuration.GetSection(MediaOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value);
        builder.Services.AddScoped<MediaLibrary>();
        builder.Services.AddSingleton<ImageFetcher>();
        // The fetcher's own time limit covers each whole download, so the client's is turned off.
        builder.Services.AddHttpClient(ImageFetcher.HttpClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan;
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Masthead-ImageFetcher/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => ImageFetcher.CreateHandler(sp.GetRequiredService<MediaOptions>()));
        return builder;
    }

    /// <summary>
    /// `media fetch`: fetches every imported picture whose file is missing. Plain lines when the output is not a terminal,
    /// a progress bar when it is; then the summary. Exit code 1 when any picture failed (running it again retries those).
    /// </summary>
    public static async Task<int> FetchFromConsoleAsync(IServiceProvider services, CancellationToken ct)
    {
        var fetcher = services.GetRequiredService<ImageFetcher>();
        var by = new Staffer(0, "Command line (media fetch)", null, StaffPower.Admin);
        // The bar counts pictures, so a terminal needs their number first; plain lines do not.
        var total = Console.IsOutputRedirected ? 0 : (await fetcher.FindAsync(ct)).Pending.Count;
        FetchReport report = null!;
        await ConsoleProgress.RunAsync("Fetching pictures", total, null, async progress => report = await fetcher.FetchAsync(null, by, progress, ct));
        (report.Failures.Count == 0 ? Console.Out : Console.Error).WriteLine(report);
        return report.Failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// WordPress upload addresses (/wp-content/uploads/...) of imported pictures answer 301 to the picture in the media
    /// library once its file has been fetched; WordPress's resized copies (name-300x200.jpg) go to the same picture.
    /// Until then, and for anything else, 404: the old file is not here.
    /// </summary>
    public static void MapOldUploadAddresses(this WebApplication app) =>
        app.MapGet("/wp-content/uploads/{**rest}", async (HttpContext context, MastheadDb db, CancellationToken ct) =>
        {
            var path = context.Request.Path.Value ?? "";
            var target = await OldUploadTargetAsync(db, path, ct) ?? (ResizedCopy().Match(path) is { Success: true } m
                ? await OldUploadTargetAsync(db, path[..m.Index] + m.Groups["ext"].Value, ct)
                : null);
            return target is null ? Results.NotFound() : Results.Redirect(target, permanent: true);
        });

    private static async Task<string?> OldUploadTargetAsync(MastheadDb db, string path, CancellationToken ct)
    {
        // A fetched picture has its size (as on the story pages); one not fetched yet has none, and no file.
        var candidates = await db.Images.AsNoTracking().Where(i => i.SourceUrl != null && i.Width > 0 && i.SourceUrl.EndsWith(path))
            .Select(i => new { i.FileName, i.SourceUrl }).Take(20).ToListAsync(ct);
        var image = candidates.FirstOrDefault(i => Uri.TryCreate(i.SourceUrl, UriKind.Absolute, out var url)
            && Uri.UnescapeDataString(url.AbsolutePath).EndsWith(path, StringComparison.Ordinal));
        return image is null ? null : "/media/" + image.FileName;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"-\d{1,5}x\d{1,5}(?<ext>\.[A-Za-z0-9]{2,5})$")]
    private static partial System.Text.RegularExpressions.Regex ResizedCopy();
}
