namespace Masthead.Shared;

/// <summary>For middleware that must see a whole response before it leaves (validators, per-view tokens).</summary>
public static class BufferedResponse
{
    /// <summary>Runs the rest of the pipeline with the response body held in memory; the caller sends it on.</summary>
    public static async Task<MemoryStream> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
        return buffer;
    }

    /// <summary>Sends what was captured, with its length.</summary>
    public static Task SendAsync(HttpContext context, MemoryStream buffer) =>
        SendAsync(context, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));

    public static async Task SendAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        if (context.Response.StatusCode is StatusCodes.Status304NotModified or StatusCodes.Status204NoContent)
        {
            // An answer that may not have a body (the output cache's 304, say) passes through as it is.
            return;
        }
        if (body.Length == 0 && context.Response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            // A bare error (a page's NotFound()) must stay bare: a Content-Length would stop the status code pages
            // from explaining it, and the 404 page from looking up where a moved page went.
            return;
        }
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
