using Masthead.Comments;

namespace Masthead.UnitTests.Comments;

/// <summary>
/// Plain prose skips the sanitizer; these hold what it is given to exactly what the sanitizer would have made of it,
/// and send everything else through the sanitizer.
/// </summary>
public sealed class CommentTextTests
{
    private readonly CommentText _text = new();

    public static TheoryData<string> PlainProse => new()
    {
        "A thoughtful reply.",
        "The minister said \"we will not back down\" & the crowd cheered.",
        "First line\r\nsecond line\r\n\r\nA new paragraph, after a blank line.",
        "Two spaces make a hard break  \nhere, and a backslash\\\nhere.",
        "Some *emphasis*, some **strong words** and _underscored_ ones, even ***both***.",
        "Écoute: naïve café, Straße, Ελλάδα, Україна, 北京, עברית, and an emoji 🗞️ too.",
        "Escaped \\*stars\\* and \\_underscores\\_ stay as they are.",
        "Tabs\tbetween\twords.",
        "100% of 3 < 4 > 2 and 'single quotes' (with brackets) [and square ones].",
        "",
        // HTML is not read as HTML here, nor headings or strike-through as Markdown: they are shown as typed.
        "<script>alert('x')</script>",
        "<b>bold</b> and <img src=x onerror=alert(1)>",
        "# Not a heading",
        "~~struck~~",
    };

    public static TheoryData<string> NeedsSanitizing => new()
    {
        "A [link](https://example.com/) here.",
        "A [bad link](javascript:alert(1)) here.",
        "Visit https://example.com or www.example.org",
        "<https://example.com/autolink>",
        "> A quotation",
        "- one\n- two",
        "3. three\n4. four",
        "Some `code` here.",
        "    indented code",
        "```js\nalert(1)\n```",
        "Above\n\n---\n\nbelow",
        "![an image](https://example.com/a.png)",
        "[ref]: https://example.com/\n\nText with a [ref].",
        "An entity: &copy; and &amp; typed as such.",
        "A non\u00A0breaking space.",
        "A NUL \0 character.",
    };

    [Theory]
    [MemberData(nameof(PlainProse))]
    public void Plain_prose_skips_the_sanitizer_and_comes_out_as_the_sanitizer_writes_it(string text)
    {
        Assert.False(_text.NeedsSanitizer(text));
        Assert.Equal(_text.RenderSanitized(text), _text.Render(text));
    }

    [Theory]
    [MemberData(nameof(NeedsSanitizing))]
    public void Markup_links_lists_code_entities_and_odd_characters_go_through_the_sanitizer(string text)
    {
        Assert.True(_text.NeedsSanitizer(text));
        Assert.Equal(_text.RenderSanitized(text), _text.Render(text));
    }

    [Fact]
    public void The_sanitizer_is_made_only_once_a_text_needs_it()
    {
        var text = new CommentText();
        foreach (var prose in PlainProse)
        {
            text.Render(prose);
        }
        Assert.False(text.SanitizerMade);

        Assert.Contains("rel=\"nofollow ugc noopener\"", text.Render("A [link](https://example.com/) here."));
        Assert.True(text.SanitizerMade);
    }

    [Fact]
    public void Thousands_of_random_texts_of_prose_and_markup_characters_come_out_as_the_sanitizer_makes_them()
    {
        // Words, punctuation, every character Markdown or HTML gives meaning to, line endings, and a few that HTML
        // serializers treat specially.
        string[] pieces =
        [
            "word", "Words", "café", "北京", "🗞️", " ", " ", "  ", "\n", "\r\n", "\n\n", "\t", ".", ",", "!", "?", "'", "\"", "(", ")",
            "*", "**", "_", "__", "`", "~", "~~", "#", "-", "+", "=", "|", ">", "<", "&", ";", "\\", "[", "]", "!", "/", ":",
            "&amp;", "&quot;", "<br />", "<b>", "</p>", "http://", "www.", "1.", "\u00A0", "\0", "\u2028",
        ];
        var random = new Random(20261128);
        var shortPath = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(_text.RenderSanitized(text) == _text.Render(text), $"Differs for {System.Text.Json.JsonSerializer.Serialize(text)}");
            shortPath += _text.NeedsSanitizer(text) ? 0 : 1;
        }
        // The comparison means something only if both paths were taken often.
        Assert.InRange(shortPath, 500, 4_500);
    }
}
