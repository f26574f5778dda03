using System.Globalization;
using SkiaSharp;

namespace Masthead.Media;

/// <summary>The kinds of picture the library accepts, decided from the file's first bytes.</summary>
public enum ImageKind
{
    Jpeg,
    Png,
    WebP,
    Gif,
}

/// <summary>A picture ready to be stored: the cleaned original and its WebP copies, all in memory.</summary>
internal sealed record ProcessedImage(ImageKind Kind, int Width, int Height, byte[] Original, IReadOnlyList<(int Width, byte[] Bytes)> Copies)
{
    public string Extension => Kind switch { ImageKind.Png => "png", ImageKind.WebP => "webp", ImageKind.Gif => "gif", _ => "jpg" };
    public string ContentType => Kind switch { ImageKind.Png => "image/png", ImageKind.WebP => "image/webp", ImageKind.Gif => "image/gif", _ => "image/jpeg" };
}

internal sealed record Processing(ProcessedImage? Image, string? Error)
{
    public static Processing Fail(string error) => new(null, error);
}

/// <summary>
/// Turns uploaded bytes into what the library stores. Nothing about the file is trusted: its kind comes from its
/// first bytes, its size from its header (checked before any pixel is decoded), and the original is rewritten so
/// that no metadata survives: JPEG, PNG and WebP are decoded and encoded again (turned upright first, as their EXIF
/// orientation says, since that instruction goes with the rest of the metadata); GIF is rewritten block by block by
/// <see cref="GifCleaner"/>, keeping its animation. Every picture gets WebP copies at the <see cref="ResponsiveImage.CopyWidths"/>
/// smaller than itself, or one at its own width when it is smaller than all of them; animations get animated copies.
/// </summary>
internal static class ImageProcessor
{
    public const string NotAnImage = "This file is not a JPEG, PNG, WebP or GIF image.";
    private const int JpegQuality = 90;
    private const float WebPOriginalQuality = 90;
    private const float WebPCopyQuality = 80;

    public static ImageKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ImageKind.Jpeg;
        }
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageKind.Png;
        }
        if (bytes.Length >= 6 && (bytes[..6].SequenceEqual("GIF87a"u8) || bytes[..6].SequenceEqual("GIF89a"u8)))
        {
            return ImageKind.Gif;
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageKind.WebP;
        }
        return null;
    }

    private static string Name(ImageKind kind) => kind switch { ImageKind.Jpeg => "JPEG", ImageKind.Png => "PNG", ImageKind.WebP => "WebP", _ => "GIF" };

    private static string Damaged(ImageKind kind) =>
        $"This {Name(kind)} file is damaged or incomplete, so it cannot be read. Try exporting or downloading it again.";

    public static Processing Process(byte[] bytes, MediaOptions options)
    {
        if (bytes.Length == 0)
        {
            return Processing.Fail("The file is empty.");
        }
        if (Sniff(bytes) is not { } kind)
        {
            return Processing.Fail(NotAnImage);
        }
        using var codec = SKCodec.Create(new SKMemoryStream(bytes), out _);
        if (codec is null || Kind(codec.EncodedFormat) != kind)
        {
            return Processing.Fail(Damaged(kind));
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var frames = kind is ImageKind.Gif or ImageKind.WebP ? Math.Max(1, codec.FrameCount) : 1;
        if (width <= 0 || height <= 0)
        {
            return Processing.Fail(Damaged(kind));
        }
        if ((long)width * height * frames > options.MaxPixels)
        {
            return Processing.Fail(frames > 1
                ? string.Create(CultureInfo.InvariantCulture, $"This animation has {frames} frames of {width} \u00d7 {height} pixels, too many pixels in all: the limit is {Megapixels(options.MaxPixels)} megapixels. Shorten it or make it smaller.")
                : string.Create(CultureInfo.InvariantCulture, $"This picture is {width} \u00d7 {height} pixels ({Megapixels((long)width * height)} megapixels); the limit is {Megapixels(options.MaxPixels)} megapixels. Make it smaller and upload it again."));
        }
        return frames > 1 ? ProcessAnimation(bytes, codec, kind, frames) : ProcessStill(bytes, codec, kind);
    }

    private static string Megapixels(long pixels) => (pixels / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture);

    private static ImageKind? Kind(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => ImageKind.Jpeg,
        SKEncodedImageFormat.Png => ImageKind.Png,
        SKEncodedImageFormat.Webp => ImageKind.WebP,
        SKEncodedImageFormat.Gif => ImageKind.Gif,
        _ => null,
    };

    private static SKImageInfo DecodeInfo(SKCodec codec) => new(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
        codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());

    private static byte[] EncodeStill(SKBitmap upright, ImageKind kind)
    {
        using var pixmap = upright.PeekPixels();
        using var data = kind switch
        {
            ImageKind.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            ImageKind.Png => pixmap.Encode(SKPngEncoderOptions.Default),
            _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebPOriginalQuality)),
        };
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode a {Name(kind)} file.");
    }

    private static Processing ProcessStill(byte[] bytes, SKCodec codec, ImageKind kind)
    {
        using var decoded = new SKBitmap(DecodeInfo(codec));
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return Processing.Fail(Damaged(kind));
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        // GIFs keep their own bytes, rebuilt without metadata blocks; other kinds are encoded again from the pixels.
        if ((kind == ImageKind.Gif ? GifCleaner.Clean(bytes) : EncodeStill(upright, kind)) is not { } original)
        {
            return Processing.Fail(Damaged(kind));
        }
        var copies = new List<(int, byte[])>();
        foreach (var width in CopyWidthsFor(upright.Width))
        {
            using var copy = Resize(upright, width);
            using var pixmap = copy.PeekPixels();
            using var data = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebPCopyQuality));
            copies.Add((width, data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp could not encode a WebP copy.")));
        }
        return new Processing(new ProcessedImage(kind, upright.Width, upright.Height, original, copies), null);
    }

    /// <summary>Each frame is drawn onto the whole canvas (frames may only paint what changed), then copied at each size.</summary>
    private static Processing ProcessAnimation(byte[] bytes, SKCodec codec, ImageKind kind, int frameCount)
    {
        var info = DecodeInfo(codec).WithAlphaType(SKAlphaType.Premul);
        var frameInfo = codec.FrameInfo;
        var frames = new List<SKBitmap>(frameCount);
        try
        {
            for (var i = 0; i < frameCount; i++)
            {
                var frame = new SKBitmap(info);
                frames.Add(frame);
                var required = i < frameInfo.Length ? frameInfo[i].RequiredFrame : -1;
                if (required >= 0 && required < i)
                {
                    frames[required].CopyTo(frame);
                }
                else
                {
                    frame.Erase(SKColors.Transparent);
                }
                var result = codec.GetPixels(info, frame.GetPixels(), new SKCodecOptions(i, required >= 0 && required < i ? required : -1));
                if (result != SKCodecResult.Success)
                {
                    return Processing.Fail(Damaged(kind));
                }
            }
            var durations = Enumerable.Range(0, frameCount)
                .Select(i => TimeSpan.FromMilliseconds(i < frameInfo.Length && frameInfo[i].Duration > 0 ? frameInfo[i].Duration : 100)).ToList();
            if ((kind == ImageKind.Gif ? GifCleaner.Clean(bytes) : EncodeAnimated(frames, durations, WebPOriginalQuality)) is not { } original)
            {
                return Processing.Fail(Damaged(kind));
            }
            var copies = new List<(int, byte[])>();
            foreach (var width in CopyWidthsFor(info.Width))
            {
                var resized = frames.Select(f => Resize(f, width)).ToList();
                try
                {
                    copies.Add((width, EncodeAnimated(resized, durations, WebPCopyQuality)));
                }
                finally
                {
                    resized.ForEach(r => r.Dispose());
                }
            }
            return new Processing(new ProcessedImage(kind, info.Width, info.Height, original, copies), null);
        }
        finally
        {
            frames.ForEach(f => f.Dispose());
        }
    }

    private static byte[] EncodeAnimated(IReadOnlyList<SKBitmap> frames, IReadOnlyList<TimeSpan> durations, float quality)
    {
        var encoderFrames = frames.Select((f, i) => new SKWebpEncoderFrame(f, durations[i])).ToArray();
        using var data = SKWebpEncoder.EncodeAnimated(encoderFrames, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality));
        return data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp could not encode an animated WebP file.");
    }

    /// <summary>The copy widths for a picture <paramref name="width"/> wide: every standard width below it, or its own width when it is narrower than all.</summary>
    public static IReadOnlyList<int> CopyWidthsFor(int width)
    {
        var smaller = ResponsiveImage.CopyWidths.Where(w => w < width).ToList();
        return smaller.Count > 0 ? smaller : [width];
    }

    private static SKBitmap Resize(SKBitmap source, int width)
    {
        var height = Math.Max(1, (int)Math.Round((double)source.Height * width / source.Width));
        var bitmap = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        using var image = SKImage.FromBitmap(source);
        // Mipmaps keep fine detail (text, stripes) from shimmering when a large photograph is made much smaller.
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        return bitmap;
    }

    /// <summary>The picture as it should be seen: EXIF orientation applied to the pixels.</summary>
    internal static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // Each matrix maps a source pixel (x, y) to where it belongs in the upright picture.
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        var info = swaps ? source.Info.WithSize(h, w) : source.Info;
        var upright = new SKBitmap(info);
        if (matrix is not { } m)
        {
            source.CopyTo(upright);
            return upright;
        }
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(m);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default, null);
        return upright;
    }
}
