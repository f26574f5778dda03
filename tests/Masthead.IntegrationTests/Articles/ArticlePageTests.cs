using System.Net;
using System.Text.RegularExpressions;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;

namespace Masthead.IntegrationTests.Articles;

public sealed class ArticlePageTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    private const string WireBody = """
        Ministers met in the capital on Tuesday to discuss the port dispute.

        "We will not accept a deal that leaves the night shifts behind," said Maria Lopez, the union's spokeswoman.

        The talks are expected to last until Friday.

        ## What happens next

        > "Nobody wants the terminals closed over the holidays."
        >
        > — Jan de Vries, harbour master

        Shipping lines have already moved three sailings to other ports.
        """;

    [Fact]
    public async Task Article_page_shows_section_headline_standfirst_byline_dateline_body_source_and_tags()
    {
        var section = await _newsroom.SectionAsync("Europe");
        var anna = await _newsroom.AuthorAsync("Anna Keller");
        var tom = await _newsroom.AuthorAsync("Tom Okafor");
        var tag = await _newsroom.TagAsync("Shipping");
        var wire = await _newsroom.SourceAsync("Northwire");
        var article = await _newsroom.PublishAsync(section, "Dockworkers walk out in Rotterdam", WireBody,
            authors: [anna, tom], tags: [tag], configure: a =>
            {
                a.Dateline = "ROTTERDAM";
                a.SourceId = wire.Id;
                a.SourceUrl = "https://northwire.example/2026/rotterdam-strike";
            });

        var page = await app.GetPageAsync(article.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Europe", page.Text(".story .kicker a"));
        Assert.Equal(section.Path, page.One(".story .kicker a")!.GetAttribute("href"));
        Assert.Equal("Dockworkers walk out in Rotterdam", page.Text("h1"));
        Assert.Equal("Standfirst of Dockworkers walk out in Rotterdam.", page.Text(".standfirst"));
        var bylines = page.All(".byline a[rel=author]");
        Assert.Equal(["Anna Keller", "Tom Okafor"], bylines.Select(b => b.TextContent));
        Assert.Equal(anna.Path, bylines[0].GetAttribute("href"));
        Assert.Equal("ROTTERDAM", page.Text(".dateline"));
        Assert.Equal("What happens next", page.Text(".story-body h2"));
        Assert.Contains("harbour master", page.Text(".story-body blockquote"));
        var source = page.One(".source-line a")!;
        Assert.Equal("Northwire reported", source.TextContent);
        Assert.Equal("https://northwire.example/2026/rotterdam-strike", source.GetAttribute("href"));
        Assert.Equal(["Shipping"], page.All(".tags a[rel=tag]").Select(t => t.TextContent));
        Assert.NotNull(page.One("section#comments"));
    }

    [Fact]
    public async Task Published_and_updated_times_are_time_elements_with_an_iso_offset()
    {
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, "Budget vote delayed", publishedAt: new DateTime(2026, 10, 3, 14, 5, 0, DateTimeKind.Utc));
        await _newsroom.WithPublisherAsync(article.Id, (publisher, a) =>
        {
            a.BodyMarkdown += "\n\nThis story has been updated with the final tally.";
            return publisher.UpdateAsync(a);
        });

        var page = await app.GetPageAsync(article.Path);

        Assert.Equal("2026-10-03T14:05:00+00:00", page.One(".published time")!.GetAttribute("datetime"));
        var updated = page.One(".updated time")!.GetAttribute("datetime")!;
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"), updated);
        Assert.True(DateTimeOffset.Parse(updated, System.Globalization.CultureInfo.InvariantCulture) > new DateTimeOffset(2026, 10, 3, 14, 5, 0, TimeSpan.Zero));
        Assert.Contains("final tally", page.Text(".story-body"));
    }

    [Fact]
    public async Task Read_also_link_to_the_most_related_story_sits_after_the_third_paragraph()
    {
        var section = await _newsroom.SectionAsync();
        var tag = await _newsroom.TagAsync("Ports");
        var earlier = await _newsroom.PublishAsync(section, "Port talks collapse", tags: [tag], publishedAt: DateTime.UtcNow.AddDays(-2));
        var article = await _newsroom.PublishAsync(section, "Strike spreads to Antwerp",
            "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.", tags: [tag]);

        var page = await app.GetPageAsync(article.Path);

        var paragraphs = page.All(".story-body > p");
        Assert.Equal(["One.", "Two.", "Three.", "READ ALSO: Port talks collapse", "Four.", "Five."], paragraphs.Select(p => p.TextContent.Trim()));
        Assert.Equal(earlier.Path, page.One(".story-body .read-also a")!.GetAttribute("href"));
        // The story linked inline is not repeated in the related block.
        Assert.DoesNotContain(earlier.Path, page.All(".related .card-headline a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Read_also_uses_the_editors_pick_and_chosen_paragraph()
    {
        var section = await _newsroom.SectionAsync();
        var tag = await _newsroom.TagAsync("Rail");
        await _newsroom.PublishAsync(section, "Rail fares rise", tags: [tag]);
        var picked = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "An unrelated explainer");
        var article = await _newsroom.PublishAsync(section, "Rail strike called off", "One.\n\nTwo.\n\nThree.", tags: [tag],
            configure: a => { a.ReadAlsoArticleId = picked.Id; a.ReadAlsoAfterParagraph = 1; });

        var page = await app.GetPageAsync(article.Path);

        var paragraphs = page.All(".story-body > p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["One.", "READ ALSO: An unrelated explainer", "Two.", "Three."], paragraphs);
        Assert.Equal(picked.Path, page.One(".read-also a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Related_stories_share_tags_and_previous_and_next_stay_in_the_section()
    {
        var section = await _newsroom.SectionAsync();
        var tag = await _newsroom.TagAsync("Elections");
        var now = DateTime.UtcNow;
        var older = await _newsroom.PublishAsync(section, "Campaign opens", publishedAt: now.AddHours(-3));
        var article = await _newsroom.PublishAsync(section, "Polls tighten", tags: [tag], publishedAt: now.AddHours(-2));
        var newer = await _newsroom.PublishAsync(section, "Debate night", publishedAt: now.AddHours(-1));
        var relatedA = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Turnout questions", tags: [tag]);
        var relatedB = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Ballot design", tags: [tag]);

        var page = await app.GetPageAsync(article.Path);

        Assert.Equal(older.Path, page.One(".prev-next a.prev")!.GetAttribute("href"));
        Assert.Equal(newer.Path, page.One(".prev-next a.next")!.GetAttribute("href"));
        // The inline link and the related block: the two stories sharing the tag lead, whatever their section.
        var shown = page.All(".story-body .read-also a, .related .card-headline a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(new[] { relatedA.Path, relatedB.Path }.Order(), shown.Take(2).Order());
    }

    [Fact]
    public async Task Article_canonical_url_is_the_dated_path_with_a_trailing_slash()
    {
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, "Canonical check", publishedAt: new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc));

        var page = await app.GetPageAsync(article.Path);

        Assert.Equal($"/2026/11/02/{article.Slug}/", article.Path);
        Assert.Equal(app.BaseAddress + article.Path.TrimStart('/'), page.Canonical);
    }

    [Fact]
    public async Task Wrong_date_or_missing_trailing_slash_redirects_permanently_to_the_article()
    {
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, "One address only", publishedAt: new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc));
        using var http = app.Http();

        foreach (var path in new[] { article.Path.TrimEnd('/'), $"/2025/01/01/{article.Slug}/" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(article.Path, response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Changed_slug_answers_301_from_the_old_url_to_the_current_one()
    {
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, "Minister resigns");
        var oldPath = article.Path;
        var newSlug = Newsroom.Unique("minister-resigns-after-inquiry");

        Assert.Equal(PublishResult.SlugChanged, await _newsroom.WithPublisherAsync(article.Id, (p, a) => p.ChangeSlugAsync(a, newSlug)));
        using var http = app.Http();
        var response = await http.GetAsync(oldPath);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(ArticlePaths.For(article.PublishedAt!.Value, newSlug), response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task Withdrawn_article_answers_410_with_a_short_notice()
    {
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, "Disputed claims about a merger");
        await _newsroom.WithPublisherAsync(article.Id, (p, a) => p.WithdrawAsync(a, "Withdrawn on legal advice."));

        var page = await app.GetPageAsync(article.Path);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal("This article has been withdrawn", page.Text("h1"));
        Assert.Equal("Withdrawn on legal advice.", page.Text(".withdrawal-note"));
        Assert.Null(page.One(".story-body"));
    }

    [Fact]
    public async Task Draft_and_unknown_articles_are_not_found()
    {
        var section = await _newsroom.SectionAsync();
        var draft = await app.WithDbAsync(async db =>
        {
            var a = new Article { Slug = Newsroom.Unique("draft"), Headline = "Secret draft", SectionId = section.Id, CreatedAt = DateTime.UtcNow, ModifiedAt = DateTime.UtcNow };
            db.Articles.Add(a);
            await db.SaveChangesAsync();
            return a;
        });

        var page = await app.GetPageAsync(draft.Path);
        var unknown = await app.GetPageAsync("/2026/01/01/no-such-story/");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Secret draft", page.Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Body_html_is_sanitized_and_markdown_figures_keep_caption_and_credit()
    {
        var section = await _newsroom.SectionAsync();
        var body = "Text before.\n\n<script>alert('x')</script>\n\n<a href=\"javascript:alert(1)\">bad link</a>\n\n^^^\n![A crowd at the quay](/media/demo/quay.jpg)\n^^^ Workers gather at dawn. Photo: Lena Berg / Northwire";
        var article = await _newsroom.PublishAsync(section, "Sanitized body", body);

        using var http = app.Http();
        var html = await http.GetStringAsync(article.Path);
        var page = await app.GetPageAsync(article.Path);

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Equal("A crowd at the quay", page.One(".story-body figure img")!.GetAttribute("alt"));
        Assert.Contains("Photo: Lena Berg / Northwire", page.Text(".story-body figure figcaption"));
    }

    [Fact]
    public async Task Approved_comments_show_threaded_and_held_ones_stay_hidden()
    {
        var section = await _newsroom.SectionAsync();
        var article = await _newsroom.PublishAsync(section, "Council approves new tram line");
        var first = await _newsroom.CommentAsync(article, "Ruth Adler", "About time.", url: "https://ruth.example/");
        var reply = await _newsroom.CommentAsync(article, "Omar Haddad", "The route misses the hospital.", replyTo: first);
        await _newsroom.CommentAsync(article, "Spam Bot", "Cheap watches", CommentStatus.Spam);
        await _newsroom.CommentAsync(article, "Held Reader", "Waiting for approval", CommentStatus.Pending);

        var page = await app.GetPageAsync(article.Path);

        Assert.Equal("2 comments", page.Text("#comments-heading"));
        Assert.Equal("Ruth Adler", page.Text($"#comment-{first.Id} > article .comment-author"));
        Assert.Equal("nofollow ugc noopener", page.One($"#comment-{first.Id} .comment-author a")!.GetAttribute("rel"));
        Assert.NotNull(page.One($"#comment-{first.Id} > ol.comment-replies > #comment-{reply.Id}"));
        Assert.Equal($"#comment-{reply.Id}", page.One($"#comment-{reply.Id} .comment-permalink")!.GetAttribute("href"));
        var text = page.Document.Body!.TextContent;
        Assert.DoesNotContain("Cheap watches", text);
        Assert.DoesNotContain("Waiting for approval", text);
    }
}
