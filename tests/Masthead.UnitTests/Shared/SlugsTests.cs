using Masthead.Shared;

namespace Masthead.UnitTests.Shared;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Dockworkers walk out in Rotterdam", "dockworkers-walk-out-in-rotterdam")]
    [InlineData("  São Paulo's mayor: \"No new taxes\"!  ", "sao-paulos-mayor-no-new-taxes")]
    [InlineData("Zürich & Łódź — 2026", "zurich-odz-2026")]
    [InlineData("!!!", "")]
    public void Slug_is_lower_case_ascii_with_single_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void Slug_is_cut_at_a_word_boundary_within_the_limit()
    {
        var slug = Slugs.From("The central bank raises interest rates for the fourth time this year amid stubborn inflation", 40);
        Assert.True(slug.Length <= 40);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("the-central-bank-raises", slug);
    }
}

public sealed class ArticlePathsTests
{
    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("en-US")]
    public void Article_paths_use_the_gregorian_date_in_any_culture(string culture)
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            Assert.Equal("/2026/11/02/vote/", Masthead.Articles.ArticlePaths.For(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), "vote"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
