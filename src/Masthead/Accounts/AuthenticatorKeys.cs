using System.Text;

namespace Masthead.Accounts;

/// <summary>How an authenticator app is given its key: typed in by hand, or read from an otpauth:// address.</summary>
public static class AuthenticatorKeys
{
    /// <summary>"abcdefgh..." as "ABCD EFGH ...": easier to copy by hand without losing one's place.</summary>
    public static string Format(string key)
    {
        var compact = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var formatted = new StringBuilder(compact.Length + compact.Length / 4);
        for (var i = 0; i < compact.Length; i += 4)
        {
            if (i > 0)
            {
                formatted.Append(' ');
            }
            formatted.Append(compact.AsSpan(i, Math.Min(4, compact.Length - i)));
        }
        return formatted.ToString();
    }

    /// <summary>The Key URI Format authenticator apps understand (six digits, 30 seconds, SHA-1: Identity's TOTP).</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";
}
