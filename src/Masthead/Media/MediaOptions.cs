using System.ComponentModel.DataAnnotations;

namespace Masthead.Media;

/// <summary>Limits on what the newsroom may upload. Section "Media".</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>The largest file accepted, in bytes (20 MB by default).</summary>
    [Range(1024, 1L << 31)]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// The most pixels a picture may have (all frames together for an animation), read from the file's header before
    /// anything is decoded: a small file can claim to be an enormous picture and exhaust memory when decoded.
    /// </summary>
    [Range(1, 500_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>
    /// Whether imported pictures may be fetched from loopback and private-network addresses. Off by default: the
    /// addresses come from an export file, and a crafted one could otherwise make the server read its own network.
    /// </summary>
    public bool FetchAllowPrivateAddresses { get; set; }

    /// <summary>How long one picture's download may take in all, from connecting to the last byte.</summary>
    [Range(1, 600)]
    public int FetchTimeoutSeconds { get; set; } = 30;

    /// <summary>What a multipart request may add to the file itself (the other fields, boundaries, headers).</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>The largest upload request read; anything bigger is refused before its body is read.</summary>
    public long MaxRequestBytes => MaxUploadBytes + FormOverheadBytes;
}
