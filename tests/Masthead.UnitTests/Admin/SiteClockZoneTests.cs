using Masthead.Admin;
using Masthead.Shared;

namespace Masthead.UnitTests.Admin;

/// <summary>The settings page changes SiteOptions.TimeZone on the live options: the clock must follow.</summary>
public sealed class SiteClockZoneTests
{
    [Fact]
    public void The_clock_follows_a_time_zone_changed_while_the_site_runs()
    {
        var site = new SiteOptions { TimeZone = "UTC" };
        var clock = new SiteClock(TimeProvider.System, site);
        var utc = new DateTime(2026, 7, 1, 12, 30, 0, DateTimeKind.Utc);
        Assert.Equal("2026-07-01T12:30:00+00:00", clock.Iso(utc));

        site.TimeZone = "Asia/Tokyo";

        Assert.Equal("2026-07-01T21:30:00+09:00", clock.Iso(utc));
    }

    [Fact]
    public void A_day_starts_at_local_midnight()
    {
        var clock = new SiteClock(TimeProvider.System, new SiteOptions { TimeZone = "America/New_York" });

        Assert.Equal(new DateTime(2026, 7, 1, 4, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2026, 7, 1)));
        Assert.Equal(new DateTime(2026, 12, 1, 5, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void Settings_accept_only_known_zone_ids(string id, bool known) => Assert.Equal(known, SiteSettings.IsTimeZone(id));
}
