using System.Net;
using System.Net.Sockets;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Media;

/// <summary>An imported picture whose file is not in the media folder yet.</summary>
public sealed record PendingImage(int Id, string FileName, string SourceUrl);

/// <summary>Why one picture could not be fetched; its row was left as it was.</summary>
public sealed record FetchFailure(int ImageId, string SourceUrl, string Reason);

/// <summary>What a fetch did: pictures fetched, pictures that failed and why, and pictures that were already there.</summary>
public sealed record FetchReport(int Fetched, IReadOnlyList<FetchFailure> Failures, int AlreadyPresent, int Remaining)
{
    public override string ToString()
    {
        var lines = new List<string> { $"{Fetched} fetched, {Failures.Count} failed, {AlreadyPresent} already present." };
        lines.AddRange(Failures.Select(f => $"  #{f.ImageId} {f.SourceUrl}: {f.Reason}"));
        if (Remaining > 0)
        {
            lines.Add($"{Remaining} more still to fetch: run it again.");
        }
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>
/// Fetches the files of imported pictures: a WordPress import keeps each attachment's original address and details,
/// and the file is fetched here, later, when a network is available. A picture counts as missing when its file is
/// not in the media folder, so a run that was interrupted or partly failed is simply run again. Each download is
/// http or https only, to public addresses only (unless <see cref="MediaOptions.FetchAllowPrivateAddresses"/>), within
/// the upload size limit and a time limit, and goes through <see cref="MediaLibrary"/> exactly as an upload does.
/// </summary>
public sealed class ImageFetcher(IServiceScopeFactory scopes, SiteOptions site, MediaOptions options, IHttpClientFactory clients, SiteCache cache,
    ILogger<ImageFetcher> logger)
{
    public const string HttpClientName = nameof(ImageFetcher);
    /// <summary>Two downloads at a time: quick enough for an archive, gentle with the old host and the machine.</summary>
    private const int Concurrency = 2;

    /// <summary>Imported pictures (with an original address) whose file is missing, oldest first; and how many are present.</summary>
    public async Task<(IReadOnlyList<PendingImage> Pending, int Present)> FindAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MastheadDb>();
        var imported = await db.Images.AsNoTracking().Where(i => i.SourceUrl != null).OrderBy(i => i.Id)
            .Select(i => new PendingImage(i.Id, i.FileName, i.SourceUrl!)).ToListAsync(ct);
        var pending = imported.Where(i => !File.Exists(Path.Combine(site.MediaPath, i.FileName))).ToList();
        return (pending, imported.Count - pending.Count);
    }

    /// <summary>
    /// Fetches up to <paramref name="limit"/> missing pictures (all when null), two at a time. <paramref name="progress"/>
    /// hears one line per picture, from any thread.
    /// </summary>
    public async Task<FetchReport> FetchAsync(int? limit, Staffer by, Action<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        var (pending, present) = await FindAsync(ct);
        var batch = limit is { } most ? pending.Take(most).ToList() : pending;
        var failures = new System.Collections.Concurrent.ConcurrentBag<FetchFailure>();
        var fetched = 0;
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (image, token) =>
        {
            var error = await FetchOneAsync(image, token);
            if (error is null)
            {
                Interlocked.Increment(ref fetched);
                progress?.Invoke($"Fetched #{image.Id} {image.SourceUrl}");
            }
            else
            {
                failures.Add(new FetchFailure(image.Id, image.SourceUrl, error));
                progress?.Invoke($"Failed #{image.Id} {image.SourceUrl}: {error}");
            }
        });
        var report = new FetchReport(fetched, [.. failures.OrderBy(f => f.ImageId)], present, pending.Count - batch.Count);
        if (batch.Count > 0)
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(by.UserId, by.Name, "media.fetched", "image", null,
                $"Imported pictures: {fetched} fetched, {report.Failures.Count} failed" + (report.Remaining > 0 ? $", {report.Remaining} still to fetch" : ""), ct);
        }
        if (fetched > 0)
        {
            // Pages leave out pictures without a size (not fetched yet): the ones just fetched have one now.
            await cache.EvictContentAsync(ct);
        }
        return report;
    }

    /// <summary>Null when the picture was fetched and stored, else the reason it was not.</summary>
    private async Task<string?> FetchOneAsync(PendingImage image, CancellationToken ct)
    {
        if (!Uri.TryCreate(image.SourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return "Only http and https addresses are fetched.";
        }
        if (!options.FetchAllowPrivateAddresses && IPAddress.TryParse(url.DnsSafeHost, out var literal) && !IsPublic(literal))
        {
            return PrivateAddress;
        }
        byte[]? bytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // One limit for the whole download: a server that answers at once and then sends a byte a minute is cut off too.
        timeout.CancelAfter(TimeSpan.FromSeconds(options.FetchTimeoutSeconds));
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return $"The server answered {(response.ReasonPhrase is { Length: > 0 } reason ? $"{code} {reason}" : code)}.";
            }
            if (response.Content.Headers.ContentLength > options.MaxUploadBytes)
            {
                return MediaLibrary.TooLarge(options.MaxUploadBytes);
            }
            await using var content = await response.Content.ReadAsStreamAsync(timeout.Token);
            bytes = await MediaLibrary.ReadAtMostAsync(content, options.MaxUploadBytes, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"No complete answer within {options.FetchTimeoutSeconds} seconds.";
        }
        catch (HttpRequestException e)
        {
            return e.InnerException is PrivateAddressException ? PrivateAddress : $"The download failed: {e.Message}";
        }
        catch (IOException e)
        {
            return $"The download failed: {e.Message}";
        }
        if (bytes is null)
        {
            return MediaLibrary.TooLarge(options.MaxUploadBytes);
        }
        using var scope = scopes.CreateScope();
        string? error;
        try
        {
            error = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().StoreFetchedAsync(image.Id, bytes, ct);
        }
        catch (InvalidOperationException e)
        {
            // The image library could not encode this one; the others go on.
            logger.LogError(e, "Imported picture {Id} from {Url} could not be processed", image.Id, image.SourceUrl);
            return "The picture could not be processed.";
        }
        if (error is not null)
        {
            logger.LogInformation("Imported picture {Id} from {Url} not stored: {Error}", image.Id, image.SourceUrl, error);
        }
        return error;
    }

    private const string PrivateAddress = "The address is on a private network or this machine; such addresses are not fetched.";

    private sealed class PrivateAddressException(IPAddress address) : IOException($"{address} is not a public address.");

    /// <summary>
    /// The connection itself checks where it goes, after DNS and on every redirect, so neither a host name that
    /// resolves to a private address nor a redirect to one can reach the server's own network. No proxy is used: a
    /// proxy would make the check see the proxy's address instead of the picture's.
    /// </summary>
    internal static SocketsHttpHandler CreateHandler(MediaOptions options) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            if (addresses.Length == 0)
            {
                throw new IOException($"{context.DnsEndPoint.Host} has no address.");
            }
            if (!options.FetchAllowPrivateAddresses && addresses.FirstOrDefault(a => !IsPublic(a)) is { } forbidden)
            {
                throw new PrivateAddressException(forbidden);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>False for loopback, private, link-local, shared (carrier-grade NAT), unspecified, multicast and reserved addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19));
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
                || address.IsIPv6Teredo || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)); // 2001:db8::/32 documentation
        }
        return false;
    }
}
