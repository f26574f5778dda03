using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Masthead.IntegrationTests.Media;

/// <summary>Pictures made by the tests themselves, in each format the library takes, and files that only pretend to be pictures.</summary>
public static class TestImages
{
    /// <summary>A photograph-like picture: a gradient with shapes, so encoders have detail to keep.</summary>
    public static byte[] Draw(SKEncodedImageFormat format, int width, int height, int quality = 85)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using (var sky = new SKPaint())
        {
            sky.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [new SKColor(0x2b, 0x1d, 0x4e), new SKColor(0xf0, 0x8a, 0x4b)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, sky);
        }
        using var shape = new SKPaint { IsAntialias = true, Color = new SKColor(0xff, 0xd1, 0x66) };
        var random = new Random(width * 31 + height);
        for (var i = 0; i < 40; i++)
        {
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(5, Math.Max(6, width / 12)), shape);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A GIF drawn by hand (SkiaSharp cannot write GIF): stripes in four colours, with a comment naming a place.</summary>
    public static byte[] Gif(int width, int height, int frames, string comment)
    {
        var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        Span<byte> word = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)width);
        gif.Write(word);
        BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)height);
        gif.Write(word);
        gif.Write([0x81, 0, 0]); // global colour table of 4 entries
        gif.Write([0xC8, 0x10, 0x2E, 0x1B, 0x1B, 0x1B, 0xF4, 0xC9, 0x5D, 0x3E, 0x7C, 0xB1]);
        gif.Write([0x21, 0xFE, (byte)comment.Length, .. Encoding.ASCII.GetBytes(comment), 0]);
        if (frames > 1)
        {
            gif.Write([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        }
        for (var f = 0; f < frames; f++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 20, 0, 0, 0]); // 0.2 s a frame
            gif.Write([0x2C, 0, 0, 0, 0]);
            BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)width);
            gif.Write(word);
            BinaryPrimitives.WriteUInt16LittleEndian(word, (ushort)height);
            gif.Write(word);
            gif.WriteByte(0);
            gif.WriteByte(2); // LZW minimum code size
            WriteLzw(gif, width * height, i => (byte)(((i % width) / 16 + (i / width) / 16 + f) % 4));
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>
    /// LZW data that never grows its table past 3-bit codes: a clear code after every two pixels. Larger than real
    /// GIF compression, but every decoder reads it.
    /// </summary>
    private static void WriteLzw(Stream gif, int pixels, Func<int, byte> colour)
    {
        var codes = new List<int>();
        for (var i = 0; i < pixels; i++)
        {
            if (i % 2 == 0)
            {
                codes.Add(4);
            }
            codes.Add(colour(i));
        }
        codes.Add(5);
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var code in codes)
        {
            buffer |= code << bits;
            bits += 3;
            while (bits >= 8)
            {
                bytes.Add((byte)buffer);
                buffer >>= 8;
                bits -= 8;
            }
        }
        if (bits > 0)
        {
            bytes.Add((byte)buffer);
        }
        for (var i = 0; i < bytes.Count; i += 255)
        {
            var length = Math.Min(255, bytes.Count - i);
            gif.WriteByte((byte)length);
            gif.Write(bytes.GetRange(i, length).ToArray());
        }
        gif.WriteByte(0);
    }

    public const string GpsMarker = "GPS-52.3676N-4.9041E";

    /// <summary>
    /// The JPEG with an EXIF block right after its start marker, as a phone writes it: orientation 6 (turn 90 degrees
    /// clockwise to view) and a GPS directory with latitude, longitude and a processing method naming <see cref="GpsMarker"/>.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg)
    {
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)(v >> 8)); tiff.Add((byte)v); }
        void U32(int v) { U16(v >> 16); U16(v & 0xFFFF); }
        void Entry(int tag, int type, int count, int value) { U16(tag); U16(type); U32(count); U32(value); }

        tiff.AddRange("MM\0*"u8.ToArray());
        U32(8); // IFD0 right after the header
        // IFD0: 2 entries (2 + 2*12 + 4 = 30 bytes) -> GPS IFD at 38
        U16(2);
        Entry(0x0112, 3, 1, 6 << 16); // Orientation = 6 (a SHORT sits in the first two bytes of the value)
        Entry(0x8825, 4, 1, 38); // GPSInfo IFD pointer
        U32(0);
        // GPS IFD: 5 entries (2 + 5*12 + 4 = 66 bytes) -> data from 104
        var marker = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        U16(5);
        Entry(0x0001, 2, 2, 'N' << 24); // GPSLatitudeRef "N"
        Entry(0x0002, 5, 3, 104); // GPSLatitude, 3 rationals
        Entry(0x0003, 2, 2, 'E' << 24); // GPSLongitudeRef "E"
        Entry(0x0004, 5, 3, 128); // GPSLongitude, 3 rationals
        Entry(0x001B, 7, marker.Length, 152); // GPSProcessingMethod
        U32(0);
        foreach (var (n, d) in new[] { (52, 1), (22, 1), (340, 100), (4, 1), (54, 1), (1476, 100) })
        {
            U32(n);
            U32(d);
        }
        tiff.AddRange(marker);

        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Count;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>A real PNG header claiming a picture of <paramref name="width"/> x <paramref name="height"/>, followed by a few bytes of data.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x63, 0x60, 0, 0, 0, 2, 0, 1]);
        Chunk(png, "IEND", []);
        return [.. png];
    }

    private static void Chunk(List<byte> png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.AddRange(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.AddRange(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.AddRange(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    public static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    public static (int Width, int Height, SKEncodedImageFormat Format, int Frames) Shape(byte[] bytes)
    {
        var (w, h, format, frames, _) = Inspect(bytes);
        return (w, h, format, frames);
    }

    public static (int Width, int Height, SKEncodedImageFormat Format, int Frames, SKEncodedOrigin Origin) Inspect(byte[] bytes)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes)) ?? throw new Xunit.Sdk.XunitException("Not a picture SkiaSharp can read.");
        return (codec.Info.Width, codec.Info.Height, codec.EncodedFormat, Math.Max(1, codec.FrameCount), codec.EncodedOrigin);
    }
}
