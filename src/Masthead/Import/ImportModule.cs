using Masthead.Articles;
using Masthead.Data;
using Masthead.Import.Backup;
using Masthead.Import.WordPress;
using Masthead.Pages;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Import;

public static class ImportModule
{
    public static WebApplicationBuilder AddImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WordPressImporter>();
        builder.Services.AddScoped<WordPressExporter>();
        builder.Services.AddScoped<SiteBackup>();
        return builder;
    }

    /// <summary>`import wxr FILE [--dry-run]`: prints progress lines and the summary; exit code 1 when the file could not be read.</summary>
    public static async Task<int> ImportWxrFromConsoleAsync(IServiceProvider services, string file, bool dryRun, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"No such file: {file}");
            return 1;
        }
        using var scope = services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<WordPressImporter>();
        await using var stream = File.OpenRead(file);
        ImportReport report = null!;
        await ConsoleProgress.RunAsync("Importing", stream.Length, () => stream.Position,
            async progress => report = await importer.ImportAsync(stream, dryRun, progress, ct));
        (report.Error is null ? Console.Out : Console.Error).WriteLine(report);
        return report.Error is null ? 0 : 1;
    }

    /// <summary>`export wxr FILE`: the whole site as a WordPress export, written to a temporary file and moved into place.</summary>
    public static async Task<int> ExportWxrFromConsoleAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var temporary = file + ".partial";
        int count;
        await using (var stream = File.Create(temporary))
        {
            count = await scope.ServiceProvider.GetRequiredService<WordPressExporter>().ExportAsync(stream, ct);
        }
        File.Move(temporary, file, overwrite: true);
        Console.WriteLine($"Exported {count} articles to {file}.");
        return 0;
    }

    /// <summary>`import json FILE`: restores a backup into an empty site; progress as for WXR, then the counts; exit code 1 when refused.</summary>
    public static async Task<int> ImportJsonFromConsoleAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"No such file: {file}");
            return 1;
        }
        using var scope = services.CreateScope();
        var backup = scope.ServiceProvider.GetRequiredService<SiteBackup>();
        await using var stream = File.OpenRead(file);
        BackupReport report = null!;
        await ConsoleProgress.RunAsync("Restoring", stream.Length, () => stream.Position, async progress => report = await backup.ImportAsync(stream, progress, ct));
        (report.Error is null ? Console.Out : Console.Error).WriteLine(report);
        return report.Error is null ? 0 : 1;
    }

    /// <summary>`export json FILE`: the whole site as a backup, written to a temporary file and moved into place when complete.</summary>
    public static async Task<int> ExportJsonFromConsoleAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var temporary = file + ".partial";
        BackupReport report;
        await using (var stream = File.Create(temporary))
        {
            report = await scope.ServiceProvider.GetRequiredService<SiteBackup>().ExportAsync(stream, Console.IsOutputRedirected ? Console.WriteLine : null, ct);
        }
        File.Move(temporary, file, overwrite: true);
        Console.WriteLine($"Backed up to {file}: " + string.Join(", ", BackupFormat.Kinds.Select(k => $"{report.Counts.GetValueOrDefault(k)} {k}")) + ".");
        return 0;
    }

    /// <summary>
    /// WordPress addresses that are not article-shaped keep working: /?p=ID and /?page_id=ID (which would otherwise
    /// be the front page) answer 301 to the imported story or page. Old permalinks reach the 404 page, which looks them up too.
    /// </summary>
    public static void UseLegacyRedirects(this WebApplication app) => app.Use(async (context, next) =>
    {
        var query = context.Request.Query;
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/" && (query.ContainsKey("p") || query.ContainsKey("page_id")))
        {
            var key = query.ContainsKey("p") ? $"/?p={query["p"]}" : $"/?page_id={query["page_id"]}";
            if (await RedirectTargetAsync(context.RequestServices.GetRequiredService<MastheadDb>(), key, context.RequestAborted) is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = target;
                return;
            }
        }
        await next(context);
    });

    /// <summary>Where an old address leads now: a published article's or standing page's address, or null.</summary>
    public static async Task<string?> RedirectTargetAsync(MastheadDb db, string path, CancellationToken ct)
    {
        var target = await db.Redirects.AsNoTracking()
            .Where(r => r.Path == path)
            .Select(r => new
            {
                Article = r.Article != null && r.Article.PublishedAt != null && r.Article.Status == ArticleStatus.Published
                    ? new { r.Article.Slug, r.Article.PublishedAt } : null,
                Page = db.SitePages.Where(p => p.Id == r.SitePageId && p.Status == SitePageStatus.Published)
                    .Select(p => new { p.Slug, ParentSlug = db.SitePages.Where(x => x.Id == p.ParentId).Select(x => x.Slug).FirstOrDefault() })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return target?.Article is { } article ? ArticlePaths.For(article.PublishedAt!.Value, article.Slug)
            : target?.Page is { } page ? SitePagePaths.For(page.Slug, page.ParentSlug)
            : null;
    }
}
