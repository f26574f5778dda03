namespace Masthead.Media;

/// <summary>
/// Rewrites a GIF keeping only what draws the picture: the header, the screen descriptor, colour tables, each frame's
/// timing (graphic control) and image data, and the looping instruction (NETSCAPE2.0 / ANIMEXTS1.0). Comments, plain
/// text, XMP, ICC profiles and every other application block are dropped, as is anything after the trailer. The frames
/// themselves are copied byte for byte, so an animation keeps its palette, timing and size.
/// </summary>
internal static class GifCleaner
{
    /// <summary>The cleaned file, or null when the file is not a complete GIF.</summary>
    public static byte[]? Clean(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13 || !(gif[..6].SequenceEqual("GIF87a"u8) || gif[..6].SequenceEqual("GIF89a"u8)))
        {
            return null;
        }
        var output = new MemoryStream(gif.Length);
        var pos = 13;
        var screenFlags = gif[10];
        if ((screenFlags & 0x80) != 0)
        {
            pos += 3 << ((screenFlags & 0x07) + 1);
        }
        if (pos > gif.Length)
        {
            return null;
        }
        output.Write(gif[..pos]);
        while (pos < gif.Length)
        {
            switch (gif[pos])
            {
                case 0x3B: // trailer: the end, whatever follows
                    output.WriteByte(0x3B);
                    return output.ToArray();
                case 0x2C: // image descriptor, optional local colour table, LZW code size, data sub-blocks
                {
                    if (pos + 10 > gif.Length)
                    {
                        return null;
                    }
                    var flags = gif[pos + 9];
                    var start = pos;
                    pos += 10;
                    if ((flags & 0x80) != 0)
                    {
                        pos += 3 << ((flags & 0x07) + 1);
                    }
                    pos += 1; // LZW minimum code size
                    if (pos > gif.Length || SkipSubBlocks(gif, ref pos) is false)
                    {
                        return null;
                    }
                    output.Write(gif[start..pos]);
                    break;
                }
                case 0x21: // extension
                {
                    if (pos + 2 > gif.Length)
                    {
                        return null;
                    }
                    var start = pos;
                    var label = gif[pos + 1];
                    pos += 2;
                    var firstBlock = pos < gif.Length ? gif.Slice(pos + 1, Math.Min(gif[pos], gif.Length - pos - 1)) : [];
                    if (!SkipSubBlocks(gif, ref pos))
                    {
                        return null;
                    }
                    var keep = label == 0xF9
                        || (label == 0xFF && (firstBlock.SequenceEqual("NETSCAPE2.0"u8) || firstBlock.SequenceEqual("ANIMEXTS1.0"u8)));
                    if (keep)
                    {
                        output.Write(gif[start..pos]);
                    }
                    break;
                }
                default:
                    return null;
            }
        }
        return null; // no trailer: the file was cut short
    }

    /// <summary>Moves past a run of sub-blocks (a length byte, that many bytes; a zero length ends the run).</summary>
    private static bool SkipSubBlocks(ReadOnlySpan<byte> gif, ref int pos)
    {
        while (pos < gif.Length)
        {
            var length = gif[pos];
            pos += 1 + length;
            if (length == 0)
            {
                return pos <= gif.Length;
            }
        }
        return false;
    }
}
