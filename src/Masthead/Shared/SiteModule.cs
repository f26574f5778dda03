using System.IO.Compression;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Masthead.Shared;

public static class SiteModule
{
    private static readonly TimeSpan SearchLifetime = TimeSpan.FromMinutes(10);

    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>()
            .Bind(builder.Configuration.GetSection(SiteOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => SiteClock.TryFindZone(o.TimeZone, out _), "Masthead:TimeZone is not a known time zone id.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<SiteOptions>>().Value);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteClock>();

        // Long search queries are cut to size by the search page rather than refused by the server.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 32 * 1024);

        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/feed+json"]);
        });
        // Cached pages are stored compressed (see UseOutputCache in Program.cs), but pages that are never cached (the
        // newsroom, a form sent back with messages) are compressed on every request: favour speed.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        builder.Services.AddOutputCache(o =>
        {
            // The cache sits outside compression and keeps one copy per encoding a client can take.
            o.AddBasePolicy(new VaryByEncoding());
            // Every new search is cached too: under a stream of them the cache grew to ASP.NET Core's default limit
            // of 100 MB. The pages readers keep coming back to fit in far less (a story's page is 10 KB compressed);
            // beyond the limit the least used go first.
            o.SizeLimit = 32 * 1024 * 1024;
            // Only the query keys a page reads vary the cache, so made-up query strings cannot fill it. Readers with
            // a commenter's cookie see their own name in the form and their held comments: their pages skip the cache.
            o.AddPolicy(SiteCache.PublicPolicy, p => p
                .Expire(TimeSpan.FromMinutes(10))
                .Tag(SiteCache.ContentTag)
                .SetVaryByQuery("replytocom")
                .With(context => !Comments.CommenterCookies.ArePresent(context.HttpContext.Request)));
            // A search is stored when it is asked for again within the cache's lifetime (up to 16,384 addresses a
            // generation): one-off searches, most of them, would otherwise push out the pages readers return to.
            o.AddPolicy(SiteCache.SearchPolicy, p => p
                .Expire(SearchLifetime)
                .Tag(SiteCache.ContentTag)
                .SetVaryByQuery("q", "section", "author", "from", "to", "sort", "page")
                .AddPolicy<StoreOnSecondRequest>());
        });
        builder.Services.AddSingleton(new RecentAddresses(16_384, SearchLifetime));
        builder.Services.AddSingleton<SiteCache>();
        builder.Services.AddHostedService<NativeHeapTrimmer>();
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }

    /// <summary>
    /// The theme's own files from wwwroot. Pages link them with asp-append-version, so a link carries a hash of the
    /// file (?v=...) and changes when the file does: such requests are cached for a year.
    /// </summary>
    public static void UseSiteAssets(this WebApplication app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600",
    });

    /// <summary>Uploaded and generated images from the data folder. File names never change, so they are cached for a year.</summary>
    public static void MapMedia(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<SiteOptions>();
        Directory.CreateDirectory(site.MediaPath);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(site.MediaPath),
            RequestPath = "/media",
            OnPrepareResponse = ctx =>
                ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
    }

    public static void UseSiteForwardedHeaders(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }
        app.UseForwardedHeaders(options);
    }

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
        return next(context);
    });

    /// <summary>
    /// Keys cached answers by the encoding the response compression will choose for the request (br, gzip or none),
    /// so each is compressed once, when it is cached, rather than on every hit. Keyed by the choice rather than the raw
    /// Accept-Encoding header, so the many ways browsers spell the same preference share one copy. Only adds to the
    /// key: whether an answer is cached at all is still each endpoint's policy.
    /// </summary>
    private sealed class VaryByEncoding : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var provider = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
            var encoding = provider.CheckRequestAcceptsCompression(http) ? provider.GetCompressionProvider(http)?.EncodingName : null;
            context.CacheVaryByRules.VaryByValues["encoding"] = encoding ?? "identity";
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
