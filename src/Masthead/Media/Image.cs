namespace Masthead.Media;

/// <summary>A picture in the media library. <see cref="FileName"/> is relative to the data folder's media directory.</summary>
public class Image
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public string ContentType { get; set; } = "image/jpeg";
    /// <summary>In pixels; 0 while an imported picture's file has not been fetched, and pages and feeds leave such pictures out.</summary>
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>Describes the picture for people who cannot see it; required before publication.</summary>
    public string AltText { get; set; } = "";
    public string Caption { get; set; } = "";
    /// <summary>Who made the picture, e.g. "Photo: Anna Petrova / Northwire".</summary>
    public string Credit { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>The address an imported image was found at; it is fetched later, when a network is available.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>The name of the uploaded file, for staff browsing the library.</summary>
    public string? OriginalName { get; set; }
    public long ByteSize { get; set; }
    /// <summary>Widths of the responsive WebP copies beside the original, e.g. "320,640,1024,1600"; empty when there are none.</summary>
    public string Widths { get; set; } = "";
    public int? UploadedById { get; set; }
    public string Url => $"/media/{FileName}";
}
