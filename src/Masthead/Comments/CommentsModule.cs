using System.Text;
using System.Threading.RateLimiting;
using Masthead.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Masthead.Comments;

/// <summary>Marks pages whose cached HTML holds a comment form: each view gets fresh tokens filled in.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CommentFormAttribute : Attribute;

public static partial class CommentsModule
{
    public const string AntiforgeryMarker = MarkerPrefix + "antiforgery\"";
    public const string RateLimitMessage = "Too many posts from your address. Please wait a minute and try again.";

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
        // one pass through the platform's crypto library instead of AES-CBC plus an HMAC: every article view issues
        // form tokens, and unprotecting costs about half as much. Keys made before keep their algorithm until they expire.
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
                HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated != true
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
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
    /// Article pages are cached whole, yet every reader needs their own antiforgery and form tokens. The cached HTML
    /// carries markers in the comment form; this fills them in on the way out, per view.
    /// </summary>
    public static void UseCommentFormTokens(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CommentFormAttribute>() is null)
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.ContentLength > CommentOptions.MaxRequestBytes)
        {
            // Refused before a byte of it is read, with the reason and a way back.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/html; charset=utf-8";
            var back = System.Net.WebUtility.HtmlEncode(context.Request.Path.Value ?? "/");
            await context.Response.WriteAsync(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                "<title>Too much to send</title></head><body><main><h1>That was too much to send</h1>" +
                $"<p>Comments can be up to {CommentOptions.MaxBodyLength:N0} characters. Please shorten yours and post it again.</p>" +
                $"<p><a href=\"{back}#respond\">Back to the story</a></p></main></body></html>", context.RequestAborted);
            return;
        }
        using var buffer = await BufferedResponse.CaptureAsync(context, next);
        await BufferedResponse.SendAsync(context, FillFormTokens(context, buffer.Written));
    });

    /// <summary>
    /// The page's bytes cut at each marker, with this view's tokens between the pieces. The cached copy is never
    /// decoded or copied as text: a 60 KB article page with its comments costs a few searches and one write.
    /// </summary>
    private static List<ReadOnlyMemory<byte>> FillFormTokens(HttpContext context, ReadOnlyMemory<byte> html)
    {
        var pieces = new List<ReadOnlyMemory<byte>>(5);
        var rest = html;
        while (!rest.IsEmpty)
        {
            var at = rest.Span.IndexOf(MarkerStart);
            if (at < 0)
            {
                break;
            }
            var marker = rest.Span[at..];
            byte[]? value = null;
            var length = 0;
            if (marker.StartsWith(AntiforgeryMarkerUtf8))
            {
                var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
                value = Encoding.ASCII.GetBytes($"value=\"{tokens.RequestToken}\"");
                length = AntiforgeryMarkerUtf8.Length;
            }
            else if (marker.StartsWith(FormTokenMarkerUtf8))
            {
                var digits = marker[FormTokenMarkerUtf8.Length..];
                var end = digits[..Math.Min(digits.Length, 11)].IndexOf((byte)'"');
                if (end is > 0 and <= 10 && System.Buffers.Text.Utf8Parser.TryParse(digits[..end], out int articleId, out var used) && used == end)
                {
                    var token = context.RequestServices.GetRequiredService<CommentFormToken>().Issue(articleId);
                    value = Encoding.ASCII.GetBytes($"value=\"{token}\"");
                    length = FormTokenMarkerUtf8.Length + end + 1;
                }
            }
            if (value is null)
            {
                // Text that merely looks like a marker's start (in a story, say) stays as it is.
                pieces.Add(rest[..(at + MarkerStart.Length)]);
                rest = rest[(at + MarkerStart.Length)..];
                continue;
            }
            pieces.Add(rest[..at]);
            pieces.Add(value);
            rest = rest[(at + length)..];
        }
        pieces.Add(rest);
        return pieces;
    }

    // The markers as the form writes them, and as bytes for the search in the cached page.
    private const string MarkerPrefix = "data-fill=\"";
    private const string FormTokenMarkerPrefix = MarkerPrefix + "form-token:";
    private static readonly byte[] MarkerStart = Encoding.ASCII.GetBytes(MarkerPrefix);
    private static readonly byte[] AntiforgeryMarkerUtf8 = Encoding.ASCII.GetBytes(AntiforgeryMarker);
    private static readonly byte[] FormTokenMarkerUtf8 = Encoding.ASCII.GetBytes(FormTokenMarkerPrefix);

    public static string FormTokenPlaceholder(int articleId) => $"{FormTokenMarkerPrefix}{articleId}\"";
}
