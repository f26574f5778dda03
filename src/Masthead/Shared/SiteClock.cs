using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Masthead.Shared;

/// <summary>Now, and how times look to readers: stored in UTC, shown in the site's zone with a valid ISO offset.</summary>
public sealed class SiteClock(TimeProvider time, SiteOptions site)
{
    /// <summary>The zone found for the id it was found for; the settings page can change the id while the site runs.</summary>
    private volatile Tuple<string, TimeZoneInfo>? _zone;
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>The site's time zone as it is now set (UTC when the id is unknown).</summary>
    public TimeZoneInfo Zone
    {
        get
        {
            var id = site.TimeZone;
            if (_zone is { } known && known.Item1 == id)
            {
                return known.Item2;
            }
            var zone = TryFindZone(id, out var found) ? found : TimeZoneInfo.Utc;
            _zone = Tuple.Create(id, zone);
            return zone;
        }
    }

    public DateTimeOffset Local(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>Today's date where the site is.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Local(UtcNow).DateTime);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in the site's zone.</summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var zone = Zone;
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where clocks spring forward at midnight, the day starts at the first moment that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }
        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }

    /// <summary>ISO 8601 with offset, e.g. 2026-11-27T03:23:00+00:00, as &lt;time datetime&gt; and schema.org want it.</summary>
    public string Iso(DateTime utc) => Local(utc).ToString(IsoFormat, CultureInfo.InvariantCulture);

    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>27 November 2026, 03:23</summary>
    public string Long(DateTime utc) => Local(utc).ToString(LongFormat, Culture);

    private const string LongFormat = "d MMMM yyyy, HH:mm";

    /// <summary>27 Nov 2026</summary>
    public string Short(DateTime utc) => Local(utc).ToString(ShortFormat, Culture);

    private const string ShortFormat = "d MMM yyyy";

    /// <summary>
    /// How long ago, in words ("3 hours ago"). Pages are cached for minutes, so the words are as fresh as the page;
    /// comments.js brings them up to date in the browser.
    /// </summary>
    public string Ago(DateTime utc)
    {
        var age = UtcNow - utc;
        return age.TotalMinutes switch
        {
            < 1 => "just now",
            < 2 => "1 minute ago",
            < 60 => $"{(int)age.TotalMinutes} minutes ago",
            < 120 => "1 hour ago",
            < 1440 => $"{(int)age.TotalHours} hours ago",
            < 2880 => "yesterday",
            < 43200 => $"{(int)age.TotalDays} days ago",
            _ => $"on {Short(utc)}",
        };
    }

    public IHtmlContent Time(DateTime utc, bool withTime = true)
    {
        var local = Local(utc);
        return new HtmlString($"<time datetime=\"{local.ToString(IsoFormat, CultureInfo.InvariantCulture)}\">" +
            $"{HtmlEncoder.Default.Encode(local.ToString(withTime ? LongFormat : ShortFormat, Culture))}</time>");
    }

    /// <summary>The value of a datetime-local input showing this time in the site's zone, e.g. 2026-11-27T09:30.</summary>
    public string LocalInput(DateTime utc) => Local(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A time typed in the site's zone (a datetime-local input) as UTC; null when it is not a time.</summary>
    public DateTime? FromLocalInput(string? value)
    {
        if (!DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var zone = TryFindZone(site.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        // A time the clocks skip in spring does not exist: read it as the moment after the jump.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
