using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Masthead.IntegrationTests.Infrastructure;

/// <summary>A file the <see cref="FeedServer"/> serves, and how: at once, after a wait, or a few bytes at a time.</summary>
public sealed record ServedFile(int Status, byte[] Body, string Type)
{
    /// <summary>How long the server waits before it answers at all.</summary>
    public TimeSpan Delay { get; init; }
    /// <summary>When set, the headers go at once and the body follows one byte per this interval.</summary>
    public TimeSpan? Trickle { get; init; }
    /// <summary>Sent without a Content-Length, so the client only learns the size by reading.</summary>
    public bool Chunked { get; init; }
}

/// <summary>
/// Agency feeds and other files served from loopback by the test itself: the body, status and ETag can change
/// between requests, and an answer can be slow or trickle. Each request is answered on its own, so a slow answer
/// never holds up the next request.
/// </summary>
public sealed class FeedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stopping = new();
    public ConcurrentDictionary<string, (int Status, string Body, string Type, string? ETag)> Feeds { get; } = new();
    public ConcurrentDictionary<string, ServedFile> Files { get; } = new();
    public ConcurrentQueue<string?> IfNoneMatch { get; } = new();
    /// <summary>Every path asked for, in order.</summary>
    public ConcurrentQueue<string> Requested { get; } = new();
    public string Base { get; }

    public FeedServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Base);
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                _ = Task.Run(() => AnswerAsync(context));
            }
        });
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            Requested.Enqueue(path);
            IfNoneMatch.Enqueue(context.Request.Headers["If-None-Match"]);
            if (Files.TryGetValue(path, out var file))
            {
                await Task.Delay(file.Delay, _stopping.Token);
                context.Response.StatusCode = file.Status;
                context.Response.ContentType = file.Type;
                context.Response.SendChunked = file.Chunked || file.Trickle is not null;
                if (!context.Response.SendChunked)
                {
                    context.Response.ContentLength64 = file.Body.Length;
                }
                if (file.Trickle is { } interval)
                {
                    foreach (var b in file.Body)
                    {
                        await context.Response.OutputStream.WriteAsync(new[] { b }, _stopping.Token);
                        await context.Response.OutputStream.FlushAsync(_stopping.Token);
                        await Task.Delay(interval, _stopping.Token);
                    }
                }
                else
                {
                    await context.Response.OutputStream.WriteAsync(file.Body, _stopping.Token);
                }
            }
            else if (!Feeds.TryGetValue(path, out var feed))
            {
                context.Response.StatusCode = 404;
            }
            else if (feed.ETag is not null && context.Request.Headers["If-None-Match"] == feed.ETag)
            {
                context.Response.StatusCode = 304;
            }
            else
            {
                context.Response.StatusCode = feed.Status;
                context.Response.ContentType = feed.Type;
                if (feed.ETag is not null)
                {
                    context.Response.Headers["ETag"] = feed.ETag;
                }
                var bytes = Encoding.UTF8.GetBytes(feed.Body);
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client gave up (a timeout under test) or the server is stopping.
            context.Response.Abort();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        _stopping.Dispose();
    }
}
