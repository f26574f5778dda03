using System.Text;
using Masthead.Media;

namespace Masthead.UnitTests.Media;

public sealed class GifCleanerTests
{
    private static readonly byte[] Header = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255];
    private static readonly byte[] Loop = [0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0];
    private static readonly byte[] Timing = [0x21, 0xF9, 4, 0, 10, 0, 0, 0];
    // A 1x1 frame: descriptor, LZW code size 2, codes clear, 0, end.
    private static readonly byte[] Frame = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];

    private static byte[] Comment(string text) => [0x21, 0xFE, (byte)text.Length, .. Encoding.ASCII.GetBytes(text), 0];

    private static byte[] Xmp(string text) =>
        [0x21, 0xFF, 11, .. "XMP DataXMP"u8, (byte)text.Length, .. Encoding.ASCII.GetBytes(text), 0];

    [Fact]
    public void Comments_xmp_and_trailing_bytes_are_dropped_and_the_picture_and_its_animation_kept()
    {
        byte[] gif = [.. Header, .. Comment("shot at 52.37N 4.89E"), .. Loop, .. Xmp("<x:xmpmeta>GPS</x:xmpmeta>"), .. Timing, .. Frame, .. Timing, .. Frame, 0x3B,
            .. "hidden after the end"u8];

        var cleaned = GifCleaner.Clean(gif);

        Assert.Equal([.. Header, .. Loop, .. Timing, .. Frame, .. Timing, .. Frame, 0x3B], cleaned);
    }

    [Fact]
    public void A_gif_cut_short_is_not_cleaned_but_refused()
    {
        byte[] gif = [.. Header, .. Timing, .. Frame, 0x3B];

        Assert.Null(GifCleaner.Clean(gif[..^1]));
        Assert.Null(GifCleaner.Clean(gif[..(Header.Length + Timing.Length + 5)]));
        Assert.Null(GifCleaner.Clean("GIF89a"u8));
    }
}
