using Masthead.Pages;

namespace Masthead.UnitTests.Pages;

public sealed class SitePagePathsTests
{
    [Theory]
    [InlineData("about", null, "/about/")]
    [InlineData("team", "about", "/about/team/")]
    public void A_page_lives_at_its_slug_under_its_parent(string slug, string? parent, string path) =>
        Assert.Equal(path, SitePagePaths.For(slug, parent));

    [Theory]
    [InlineData("about", true)]
    [InlineData("corrections-policy", true)]
    [InlineData("2026-review", true)]
    [InlineData("2026", false)]
    [InlineData("About", false)]
    [InlineData("about--us", false)]
    [InlineData("-about", false)]
    [InlineData("favicon.ico", false)]
    [InlineData("", false)]
    public void Only_what_could_be_a_page_address_is_well_formed(string slug, bool expected) =>
        Assert.Equal(expected, SitePagePaths.IsWellFormed(slug));

    [Theory]
    [InlineData("feed")]
    [InlineData("section")]
    [InlineData("tag")]
    [InlineData("author")]
    [InlineData("search")]
    [InlineData("admin")]
    [InlineData("media")]
    [InlineData("page")]
    [InlineData("1999")]
    public void The_sites_own_first_segments_and_years_are_refused_at_the_top(string slug) =>
        Assert.NotNull(SitePagePaths.WhyNotTopLevel(slug));

    [Fact]
    public void An_ordinary_slug_is_fine_at_the_top() => Assert.Null(SitePagePaths.WhyNotTopLevel("about"));
}
