namespace Masthead.Search;

/// <summary>
/// A story's row id in the full-text index: its publication time in whole seconds since 2000-01-01 UTC, times 2^28,
/// plus its id. The index keeps its rows in row-id order, so this order is publication order: a date filter is a
/// range of row ids the index seeks to, "newest first" is the index's own order read backwards, and ranking can
/// read the newest matches first and stop once no older match can still make the page. Stories published in the
/// same second follow their ids. Ids go up to 2^28 - 1 (268 million stories).
/// </summary>
public static class SearchKey
{
    public const int IdBits = 28;
    public const long IdMask = (1L << IdBits) - 1;

    /// <summary>Dates further than about 544 years from 2000 are held at that edge (the key must fit 63 bits).</summary>
    private const long SecondLimit = 1L << 34;
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static long Of(DateTime publishedAt, int articleId)
    {
        if (articleId <= 0 || articleId > IdMask)
        {
            throw new ArgumentOutOfRangeException(nameof(articleId), articleId, "A story id must fit the search key's 28 bits.");
        }
        return AtSecond(publishedAt) + articleId;
    }

    /// <summary>The smallest key of a story published in the second <paramref name="time"/> falls in.</summary>
    public static long AtSecond(DateTime time) => Second(time) << IdBits;

    public static int ArticleId(long key) => (int)(key & IdMask);

    /// <summary>Whole seconds since 2000-01-01 UTC, rounded down (before 2000 too).</summary>
    public static long Second(DateTime time)
    {
        var ticks = time.Ticks - EpochTicks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        if (ticks < 0 && ticks % TimeSpan.TicksPerSecond != 0)
        {
            seconds--;
        }
        return Math.Clamp(seconds, -SecondLimit, SecondLimit - 1);
    }

    public static long SecondOf(long key) => key >> IdBits;
}
