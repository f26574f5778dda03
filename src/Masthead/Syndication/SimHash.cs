using System.Text.RegularExpressions;

namespace Masthead.Syndication;

/// <summary>
/// 64-bit SimHash over word pairs: two tellings of the same story (another agency's, or a lightly edited one) get
/// fingerprints only a few bits apart, while different stories differ in about half their bits.
/// </summary>
public static partial class SimHash
{
    public const int NearDuplicateBits = 10;

    public static long Of(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        Span<int> weights = stackalloc int[64];
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var hash = Fnv1a($"{words[i]} {words[i + 1]}");
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }
        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }
        return unchecked((long)fingerprint);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    /// <summary>FNV-1a, 64 bits: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
