using Masthead.Import.WordPress;

namespace Masthead.UnitTests.Import;

public sealed class WordPressBodyTests
{
    private const string Site = "https://gazette.example";

    [Fact]
    public void Pictures_and_links_on_the_old_site_become_addresses_on_this_one()
    {
        var html = WordPressBody.Convert(
            "<p>See <a href=\"http://www.gazette.example/2019/05/02/floods/\">the floods</a>.</p>\n\n" +
            "<img src=\"https://gazette.example/wp-content/uploads/2019/05/river-1024x683.jpg\" alt=\"The river\">", Site);

        Assert.Contains("<a href=\"/2019/05/02/floods/\">the floods</a>", html);
        Assert.Contains("<img src=\"/wp-content/uploads/2019/05/river-1024x683.jpg\" alt=\"The river\">", html);
    }

    [Fact]
    public void Addresses_elsewhere_stay_as_they_are()
    {
        var html = WordPressBody.Convert(
            "<p><a href=\"https://agency.example/story\">Agency</a> and <a href='https://gazette.example.evil.example/x'>lookalike</a> " +
            "and <a href=\"https://gazette.example\">home</a></p>", Site);

        Assert.Contains("href=\"https://agency.example/story\"", html);
        Assert.Contains("href='https://gazette.example.evil.example/x'", html);
        Assert.Contains("href=\"/\"", html);
    }
}
