using Masthead.Media;
using SkiaSharp;

namespace Masthead.UnitTests.Media;

public sealed class ImageProcessorTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ImageKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, ImageKind.Png)]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, ImageKind.Gif)]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, ImageKind.WebP)]
    public void The_kind_of_picture_comes_from_its_first_bytes(byte[] bytes, ImageKind kind) =>
        Assert.Equal(kind, ImageProcessor.Sniff(bytes));

    [Theory]
    [InlineData("<html><body>not a picture</body></html>")]
    [InlineData("RIFF1234WAVEfmt ")]
    [InlineData("")]
    public void Anything_else_is_not_a_picture(string text)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        Assert.Null(ImageProcessor.Sniff(bytes));
        Assert.Equal(text.Length == 0 ? "The file is empty." : ImageProcessor.NotAnImage, ImageProcessor.Process(bytes, new MediaOptions()).Error);
    }

    /// <summary>A 3x2 picture whose top-left pixel is red and every other pixel blue.</summary>
    private static SKBitmap Marked()
    {
        var bitmap = new SKBitmap(new SKImageInfo(3, 2, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Blue);
        bitmap.SetPixel(0, 0, SKColors.Red);
        return bitmap;
    }

    // Where the stored top-left pixel must end up once the EXIF orientation is applied, in a picture of the given size.
    [Theory]
    [InlineData(SKEncodedOrigin.TopLeft, 3, 2, 0, 0)]
    [InlineData(SKEncodedOrigin.TopRight, 3, 2, 2, 0)]
    [InlineData(SKEncodedOrigin.BottomRight, 3, 2, 2, 1)]
    [InlineData(SKEncodedOrigin.BottomLeft, 3, 2, 0, 1)]
    [InlineData(SKEncodedOrigin.LeftTop, 2, 3, 0, 0)]
    [InlineData(SKEncodedOrigin.RightTop, 2, 3, 1, 0)]
    [InlineData(SKEncodedOrigin.RightBottom, 2, 3, 1, 2)]
    [InlineData(SKEncodedOrigin.LeftBottom, 2, 3, 0, 2)]
    public void Each_exif_orientation_turns_the_picture_upright(SKEncodedOrigin origin, int width, int height, int redX, int redY)
    {
        using var source = Marked();
        using var upright = ImageProcessor.Upright(source, origin);

        Assert.Equal((width, height), (upright.Width, upright.Height));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.Equal((x, y) == (redX, redY) ? SKColors.Red : SKColors.Blue, upright.GetPixel(x, y));
            }
        }
    }
}
