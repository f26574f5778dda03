using Masthead.Shared;

namespace Masthead.UnitTests.Shared;

public sealed class SiteClockTests
{
    private static SiteClock Clock(string zone) => new(TimeProvider.System, new SiteOptions { TimeZone = zone });

    [Fact]
    public void Iso_times_carry_the_sites_offset()
    {
        var utc = new DateTime(2026, 7, 1, 12, 30, 0, DateTimeKind.Utc);
        Assert.Equal("2026-07-01T12:30:00+00:00", Clock("UTC").Iso(utc));
        Assert.Equal("2026-07-01T15:30:00+03:00", Clock("Europe/Moscow").Iso(utc));
        Assert.Equal("2026-07-01T08:30:00-04:00", Clock("America/New_York").Iso(utc));
    }

    [Fact]
    public void Time_element_shows_a_readable_local_time()
    {
        var html = Clock("UTC").Time(new DateTime(2026, 11, 27, 3, 23, 0, DateTimeKind.Utc)).ToString();
        Assert.Equal("<time datetime=\"2026-11-27T03:23:00+00:00\">27 November 2026, 03:23</time>", html);
    }

    [Fact]
    public void Unknown_zone_is_reported()
    {
        Assert.False(SiteClock.TryFindZone("Mars/Olympus_Mons", out _));
        Assert.True(SiteClock.TryFindZone("Europe/Berlin", out _));
    }
}

public sealed class SiteClockAgoTests
{
    [Theory]
    [InlineData(0.5, "just now")]
    [InlineData(1.5, "1 minute ago")]
    [InlineData(45, "45 minutes ago")]
    [InlineData(90, "1 hour ago")]
    [InlineData(300, "5 hours ago")]
    [InlineData(1500, "yesterday")]
    [InlineData(4400, "3 days ago")]
    public void Ago_says_how_long_ago_in_words(double minutesAgo, string expected)
    {
        var clock = new SiteClock(TimeProvider.System, new SiteOptions());
        Assert.Equal(expected, clock.Ago(clock.UtcNow.AddMinutes(-minutesAgo)));
    }
}
