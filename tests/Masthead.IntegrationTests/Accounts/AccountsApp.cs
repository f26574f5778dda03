using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Masthead.IntegrationTests.Accounts;

/// <summary>
/// A site for account tests: anonymous posts are not limited per address (every test posts from 127.0.0.1); what the
/// server logs is kept by every test app (<see cref="MastheadApp.Log"/>), as an operator reads the console.
/// </summary>
public class AccountsApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Comments:PostsPerMinutePerAddress"] = "10000",
    };

    public string Outbox => Path.Combine(DataDirectory, "outbox");

    /// <summary>The messages sent to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string address) => Directory.Exists(Outbox)
        ? [.. Directory.GetFiles(Outbox, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))]
        : [];

    /// <summary>The site-relative link (path and query) in a message that starts with <paramref name="path"/>.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"https?://[^/\s]+({Regex.Escape(path)}\S*)");
        Assert.True(match.Success, $"No {path} link in:\n{message.TextBody}");
        return match.Groups[1].Value;
    }
}

/// <summary>An authenticator app: RFC 6238 codes (SHA-1, 30 seconds, 6 digits) from a Base32 key.</summary>
public static class Authenticator
{
    public static string Code(string key, DateTimeOffset? at = null)
    {
        var secret = Base32(key);
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--, step >>= 8)
        {
            counter[i] = (byte)(step & 0xff);
        }
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is certainly wrong now: not the code of any step the server accepts.</summary>
    public static string WrongCode(string key)
    {
        var accepted = Enumerable.Range(-3, 7).Select(s => Code(key, DateTimeOffset.UtcNow.AddSeconds(30 * s))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => (n * 7919 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
