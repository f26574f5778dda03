using System.ComponentModel.DataAnnotations;

namespace Masthead.Shared;

/// <summary>The publication itself: its name, language, clock and where its data lives. Section "Masthead".</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Masthead";

    /// <summary>The publication's name as readers know it.</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string Name { get; set; } = "The Masthead Herald";

    [StringLength(300)]
    public string Description { get; set; } = "Independent reporting and the wire, from around the world.";

    /// <summary>The publication's logo: an image from the media library, or none.</summary>
    public int? LogoImageId { get; set; }

    /// <summary>The address of the logo's picture, found from <see cref="LogoImageId"/> when settings are applied.</summary>
    public string? LogoPath { get; set; }

    /// <summary>ISO 639 language of the content.</summary>
    [Required, RegularExpression("^[a-z]{2,3}(-[A-Za-z0-9]+)?$")]
    public string Language { get; set; } = "en";

    /// <summary>Readers see times in this zone (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The public address, e.g. https://news.example.com; when empty the request's own host is used.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>The data folder: the SQLite file and uploaded media. Relative paths are taken from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Fill an empty database with demo content at start-up.</summary>
    public bool Demo { get; set; }

    /// <summary>Articles per page on lists and archives.</summary>
    [Range(5, 100)]
    public int PageSize { get; set; } = 20;

    public string DataPath => Path.GetFullPath(DataDirectory);

    /// <summary>The absolute base for links in pages and feeds: <see cref="BaseUrl"/>, or the address the request came to.</summary>
    public string BaseUrlFor(HttpRequest request) =>
        string.IsNullOrEmpty(BaseUrl) ? $"{request.Scheme}://{request.Host}" : BaseUrl.TrimEnd('/');

    /// <summary>The address used in links that leave the site (emails): <see cref="BaseUrl"/>, or the default local address.</summary>
    public string PublicUrl => string.IsNullOrEmpty(BaseUrl) ? "http://localhost:5000" : BaseUrl.TrimEnd('/');
    public string MediaPath => Path.Combine(DataPath, "media");
}
