using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;

namespace Masthead.Shared;

public static class ContentValidators
{
    /// <summary>
    /// Gives output-cached pages an ETag made from their bytes when the page set none, and answers a matching
    /// If-None-Match with 304. Runs only on a cache miss: hits are answered by the output cache from the stored
    /// headers.
    /// </summary>
    public static void UseContentValidators(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is null)
        {
            await next(context);
            return;
        }

        using var buffer = await BufferedResponse.CaptureAsync(context, next);
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey("ETag"))
        {
            var hash = SHA256.HashData(buffer.Written.Span);
            var etag = $"\"{Convert.ToBase64String(hash, 0, 12).Replace('+', '-').Replace('/', '_')}\"";
            response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }
        await BufferedResponse.SendAsync(context, buffer);
    });
}
