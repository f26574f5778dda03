using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Masthead.BrowserTests;

/// <summary>
/// Waits for a page to arrive where a click takes it, and keeps what the page asked the network for and which of its
/// documents finished loading, so that a wait that times out says what it was still waiting for.
/// </summary>
/// <remarks>
/// Playwright's own waits after a click (<c>WaitForURLAsync</c>, <c>WaitForLoadStateAsync</c>) read the load states
/// the .NET client keeps from the browser's events, and on a busy machine they missed a "load" that had been
/// reported: the page had loaded, the client's Load event had fired, no request was open, yet the wait timed out.
/// <see cref="ArrivedAsync"/> asks the page itself instead: the address, then <c>document.readyState</c>.
/// </remarks>
public sealed class PageWatch
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IPage _page;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<IRequest, long> _pending = new();
    private readonly ConcurrentQueue<string> _events = new();

    public PageWatch(IPage page)
    {
        _page = page;
        page.Request += (_, request) => { _pending[request] = _clock.ElapsedMilliseconds; Note($"request {request.Method} {request.Url}"); };
        page.RequestFinished += (sender, request) => { _pending.TryRemove(request, out _); Note($"finished {request.Url}"); };
        page.RequestFailed += (sender, request) => { _pending.TryRemove(request, out _); Note($"failed {request.Url}: {request.Failure}"); };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                Note($"navigated {frame.Url}");
            }
        };
        page.DOMContentLoaded += (_, _) => Note("DOMContentLoaded");
        page.Load += (_, _) => Note("load");
    }

    /// <summary>
    /// Waits until the page is at an address matching <paramref name="address"/> and that document has loaded (its
    /// pictures and stylesheets too); when it does not within 30 s, fails saying <paramref name="what"/> and what the
    /// page was doing.
    /// </summary>
    public async Task ArrivedAsync(Regex address, string what)
    {
        try
        {
            await Assertions.Expect(_page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = (float)Timeout.TotalMilliseconds });
            await _page.WaitForFunctionAsync("() => document.readyState === 'complete'", null,
                new PageWaitForFunctionOptions { Timeout = (float)Timeout.TotalMilliseconds });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            throw new Xunit.Sdk.XunitException($"{what}: the browser is {await DescribeAsync()}", e);
        }
    }

    private void Note(string what)
    {
        _events.Enqueue($"{_clock.ElapsedMilliseconds,6} ms {what}");
        while (_events.Count > 60 && _events.TryDequeue(out _))
        {
        }
    }

    /// <summary>Where the page is, its document's ready state and opening words, the requests still open and the last events.</summary>
    private async Task<string> DescribeAsync()
    {
        string state;
        try
        {
            state = await _page.EvaluateAsync<string>("() => document.readyState + ', showing: ' + document.body.innerText.slice(0, 300)");
        }
        catch (PlaywrightException e)
        {
            state = "unknown (" + e.Message.Split('\n')[0] + ")";
        }
        var pending = _pending.Select(p => $"{p.Key.Method} {p.Key.Url} (since {p.Value} ms)").ToList();
        return $"at {_page.Url}, document {state}; open requests: {(pending.Count == 0 ? "none" : string.Join(", ", pending))}; " +
            $"events:\n{string.Join("\n", _events)}";
    }
}
