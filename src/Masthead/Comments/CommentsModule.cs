using System.Threading.RateLimiting;
using Masthead.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Masthead.Comments;

/// <summary>Marks pages that take comment posts.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CommentFormAttribute : Attribute;

public static class CommentsModule
{
    public const string RateLimitMessage = "Too many posts from your address. Please wait a minute and try again.";

    /// <summary>Where the comment form's script asks for this reader's tokens (see CommentEndpoints).</summary>
    public const string FormTokensPath = "/comments/form-tokens";

    public static WebApplicationBuilder AddComments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommentOptions>().Bind(builder.Configuration.GetSection(CommentOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<CommentOptions>>().Value);
        builder.Services.AddSingleton<CommentText>();
        builder.Services.AddSingleton<CommentFormToken>();
        builder.Services.AddSingleton<UnsubscribeToken>();
        builder.Services.AddSingleton<CommenterCookies>();
        builder.Services.AddSingleton<CommentNotifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CommentNotifier>());
        builder.Services.AddScoped<SpamFilter>();
        builder.Services.AddSingleton<CommentWriter>();
        builder.Services.AddScoped<CommentPoster>();
        builder.Services.AddScoped<CommentModerator>();

        // Signing keys live in the data folder, so form tokens and cookies survive restarts. New keys use AES-256-GCM,
        // one pass through the platform's crypto library instead of AES-CBC plus an HMAC: every comment form asks for
        // tokens and every post checks them, and unprotecting costs about half as much. Keys made before keep their algorithm until they expire.
        // (GCM authenticates by itself; no validation algorithm applies.)
        builder.Services.AddDataProtection().SetApplicationName("Masthead")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        builder.Services.AddOptions<KeyManagementOptions>().Configure<SiteOptions, ILoggerFactory>((o, site, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(site.DataPath, "keys")), logs));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mh_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });

        // A coarse guard per address on every anonymous post (comments, sign-in), in front of the finer
        // per-commenter limits in CommentPoster. Signed-in staff are not limited.
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<CommentOptions>>((o, comments) =>
        {
            var perMinute = comments.Value.PostsPerMinutePerAddress;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Comment form tokens are signed for each asker: a reader asks once per form, so a few times the
                // posts allowed is plenty, and nobody can make the site sign without end. Everything else a reader
                // asks for (every page view comes through here) is not limited, and the address is not even read.
                var post = HttpMethods.IsPost(context.Request.Method);
                if (context.User.Identity?.IsAuthenticated == true || !(post || context.Request.Path.StartsWithSegments(FormTokensPath)))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var (key, limit) = post ? (address, perMinute) : ($"tokens {address}", perMinute * 6);
                return RateLimitPartition.GetFixedWindowLimiter(key,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync(RateLimitMessage, ct);
            };
        });
        return builder;
    }

    /// <summary>
    /// Refuses a comment post larger than any comment can be before a byte of it is read, with the reason and a way
    /// back to the story.
    /// </summary>
    public static void UseCommentPostLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !(context.Request.ContentLength > CommentOptions.MaxRequestBytes)
            || context.GetEndpoint()?.Metadata.GetMetadata<CommentFormAttribute>() is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/html; charset=utf-8";
        var back = System.Net.WebUtility.HtmlEncode(context.Request.Path.Value ?? "/");
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>Too much to send</title></head><body><main><h1>That was too much to send</h1>" +
            $"<p>Comments can be up to {CommentOptions.MaxBodyLength:N0} characters. Please shorten yours and post it again.</p>" +
            $"<p><a href=\"{back}#respond\">Back to the story</a></p></main></body></html>", context.RequestAborted);
    });
}
