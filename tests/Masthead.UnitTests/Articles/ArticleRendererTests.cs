using Masthead.Articles;

namespace Masthead.UnitTests.Articles;

public sealed class ArticleRendererTests
{
    private readonly ArticleRenderer _renderer = new();

    [Fact]
    public void Read_also_slot_follows_the_chosen_top_level_paragraph()
    {
        var html = _renderer.Render("One.\n\n> Quoted.\n\nTwo.\n\n## Heading\n\nThree.\n\nFour.", readAlsoAfterParagraph: 3);

        var slot = html.IndexOf(ArticleRenderer.ReadAlsoSlot, StringComparison.Ordinal);
        Assert.True(slot > html.IndexOf("<p>Three.</p>", StringComparison.Ordinal));
        Assert.True(slot < html.IndexOf("<p>Four.</p>", StringComparison.Ordinal));
        Assert.Single(html.Split(ArticleRenderer.ReadAlsoSlot)[1..]);
    }

    [Fact]
    public void Short_body_gets_the_slot_at_the_end()
    {
        var html = _renderer.Render("Only one paragraph.");
        Assert.EndsWith(ArticleRenderer.ReadAlsoSlot, html.TrimEnd());
    }

    [Fact]
    public void Markdown_becomes_headings_quotes_and_figures_with_captions()
    {
        var html = _renderer.Render("## Talks resume\n\n> \"We are close,\" she said.\n\n^^^\n![Quay at dawn](/media/q.jpg)\n^^^ The quay. Photo: A. Berg");

        Assert.Contains("<h2", html);
        Assert.Contains("<blockquote>", html);
        Assert.Contains("<figure>", html);
        Assert.Contains("<figcaption>The quay. Photo: A. Berg</figcaption>", html);
        Assert.Contains("alt=\"Quay at dawn\"", html);
        Assert.Contains("\u201cWe are close,\u201d", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    public void Dangerous_html_is_removed(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, _renderer.Render(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Off_site_links_get_noopener()
    {
        Assert.Contains("rel=\"noopener\"", _renderer.Render("[original](https://northwire.example/story)"));
    }
}
