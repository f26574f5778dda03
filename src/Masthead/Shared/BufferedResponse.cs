using System.Buffers;

namespace Masthead.Shared;

/// <summary>For middleware that must see a whole response before it leaves (validators).</summary>
public static class BufferedResponse
{
    /// <summary>Runs the rest of the pipeline with the response body held in pooled memory; the caller sends it on.</summary>
    public static async Task<PooledBody> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        var buffer = new PooledBody();
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

    /// <summary>Sends what was captured, with its length, in one flush.</summary>
    public static async Task SendAsync(HttpContext context, PooledBody buffer)
    {
        var body = buffer.Written;
        if (IsBodiless(context, body.Length))
        {
            return;
        }
        context.Response.ContentLength = body.Length;
        await context.Response.BodyWriter.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// An answer that may not have a body (the output cache's 304, say) passes through as it is. So does a bare error
    /// (a page's NotFound()): a Content-Length would stop the status code pages from explaining it, and the 404 page
    /// from looking up where a moved page went.
    /// </summary>
    private static bool IsBodiless(HttpContext context, long length) =>
        context.Response.StatusCode is StatusCodes.Status304NotModified or StatusCodes.Status204NoContent
        || (length == 0 && context.Response.StatusCode >= StatusCodes.Status400BadRequest);
}

/// <summary>
/// A write-only response body kept in arrays borrowed from the shared pool: every page rendered for the cache (60 KB
/// and more with its comments) passes through without becoming a large-object allocation.
/// </summary>
public sealed class PooledBody : Stream
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_length < 0, this);
        if (_length + buffer.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + buffer.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_length >= 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = -1;
        }
        base.Dispose(disposing);
    }
}
