using Masthead.Media;

namespace Masthead.UnitTests.Media;

public sealed class ResponsiveImageTests
{
    [Fact]
    public void Copies_are_named_after_the_original_with_their_width()
    {
        Assert.Equal("2026/11/abc-640.webp", ResponsiveImage.CopyFileName("2026/11/abc.jpg", 640));
        Assert.Equal("2026/11/abc-320.webp", ResponsiveImage.CopyFileName("2026/11/abc.webp", 320));
        Assert.Equal("v1.2/abc-320.webp", ResponsiveImage.CopyFileName("v1.2/abc", 320));
    }

    [Theory]
    [InlineData("320,640,1024", new[] { 320, 640, 1024 })]
    [InlineData(" 1024, 320 ,640,640", new[] { 320, 640, 1024 })]
    [InlineData("320,,abc,-5,640", new[] { 320, 640 })]
    [InlineData("", new int[0])]
    [InlineData(null, new int[0])]
    public void Widths_are_read_smallest_first_ignoring_what_is_not_a_width(string? widths, int[] expected) =>
        Assert.Equal(expected, ResponsiveImage.ParseWidths(widths));

    [Fact]
    public void An_original_no_wider_than_the_largest_copy_width_is_offered_beside_its_copies()
    {
        var image = new ResponsiveImage("2026/11/abc.jpg", 1200, 675, "320,640,1024");

        Assert.Equal("/media/2026/11/abc-320.webp 320w, /media/2026/11/abc-640.webp 640w, /media/2026/11/abc-1024.webp 1024w, /media/2026/11/abc.jpg 1200w",
            image.SrcSet);
    }

    [Fact]
    public void A_large_original_is_left_to_the_archive_and_the_largest_copy_serves_wide_screens()
    {
        var image = new ResponsiveImage("2026/11/abc.jpg", 6000, 4000, "320,640,1024,1600");

        Assert.DoesNotContain("abc.jpg", image.SrcSet);
        Assert.EndsWith("/media/2026/11/abc-1600.webp 1600w", image.SrcSet);
        Assert.Equal("/media/2026/11/abc-1600.webp", image.Src(2000));
    }

    [Fact]
    public void Src_is_the_smallest_file_at_least_as_wide_as_asked()
    {
        var image = new ResponsiveImage("a/b.png", 1200, 675, "320,640,1024");

        Assert.Equal("/media/a/b-640.webp", image.Src(640));
        Assert.Equal("/media/a/b-1024.webp", image.Src(700));
        Assert.Equal("/media/a/b.png", image.Src(1100));
        Assert.Equal("/media/a/b.png", image.Src(5000));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_picture_without_copies_is_linked_as_before_with_no_srcset(string? widths)
    {
        var image = new ResponsiveImage("demo/skyline-1.jpg", 1200, 675, widths);

        Assert.Null(image.SrcSet);
        Assert.Equal("/media/demo/skyline-1.jpg", image.Src(640));
    }

    [Fact]
    public void A_picture_narrower_than_every_copy_width_has_one_copy_at_its_own_width()
    {
        Assert.Equal([200], ImageProcessor.CopyWidthsFor(200));
        Assert.Equal([320], ImageProcessor.CopyWidthsFor(321));
        Assert.Equal([320, 640, 1024], ImageProcessor.CopyWidthsFor(1600));
        Assert.Equal([320, 640, 1024, 1600], ImageProcessor.CopyWidthsFor(1601));
        var single = new ResponsiveImage("a/b.gif", 200, 100, "200");
        Assert.Equal("/media/a/b-200.webp 200w", single.SrcSet);
    }
}
