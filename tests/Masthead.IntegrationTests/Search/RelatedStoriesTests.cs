using Masthead.Articles;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Search;

public sealed class RelatedStoriesTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    /// <summary>A made-up word of letters only, so that it is one word to the index and shared by no other test.</summary>
    private static string Word(string stem)
    {
        const string letters = "bcdfghjkmnpqrstvwxz";
        return stem + new string(Guid.NewGuid().ToByteArray().Take(6).Select(b => letters[b % letters.Length]).ToArray());
    }

    private static string Paragraphs(params string[] words) =>
        string.Join("\n\n", words.Select((w, i) => $"Paragraph {i + 1} returns to {w} and what {w} means for the town."));

    [Fact]
    public async Task A_story_on_the_same_topic_is_shown_first_and_an_unrelated_one_from_the_same_day_and_section_after_it()
    {
        var (flood, levee) = (Word("flood"), Word("levee"));
        var section = await _newsroom.SectionAsync();
        var other = await _newsroom.SectionAsync();
        var now = DateTime.UtcNow;
        // Same topic, but another section and two months older: only the text ties it to the story.
        var sameTopic = await _newsroom.PublishAsync(other, $"Council debates the {flood} {levee} again", Paragraphs(flood, levee, flood), publishedAt: now.AddDays(-60));
        var unrelated = await _newsroom.PublishAsync(section, "Bakery wins a prize for its bread", Paragraphs("bread", "ovens", "flour"), publishedAt: now.AddHours(-2));
        var story = await _newsroom.PublishAsync(section, $"The {flood} {levee} holds", Paragraphs(flood, levee, "river"), publishedAt: now.AddHours(-1));

        var page = await app.GetPageAsync(story.Path);

        var shown = page.All(".story-body .read-also a, .related .card-headline a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(sameTopic.Path, shown.First());
        Assert.DoesNotContain(story.Path, shown);
        var stored = await app.WithDbAsync(db => db.RelatedArticles.Where(r => r.ArticleId == story.Id).OrderBy(r => r.Rank).Select(r => r.RelatedId).ToListAsync());
        Assert.Equal(sameTopic.Id, stored[0]);
        Assert.DoesNotContain(story.Id, stored);
        if (stored.Contains(unrelated.Id))
        {
            Assert.True(stored.IndexOf(unrelated.Id) > 0);
        }
    }

    [Fact]
    public async Task Only_published_stories_are_neighbours_and_a_withdrawn_story_leaves_every_list()
    {
        var harbour = Word("harbour");
        var section = await _newsroom.SectionAsync();
        var story = await _newsroom.PublishAsync(section, $"The {harbour} reopens", Paragraphs(harbour, harbour));
        var neighbour = await _newsroom.PublishAsync(section, $"Ships return to the {harbour}", Paragraphs(harbour, "ships"));
        // A draft saying the same has no place in anyone's list.
        await app.WithDbAsync(async db =>
        {
            db.Articles.Add(new Article
            {
                Slug = Newsroom.Unique("draft"), Headline = $"Draft about the {harbour}", Standfirst = harbour, BodyMarkdown = Paragraphs(harbour, harbour, harbour),
                SectionId = section.Id, CreatedAt = DateTime.UtcNow, ModifiedAt = DateTime.UtcNow, Status = ArticleStatus.Draft,
            });
            return await db.SaveChangesAsync();
        });
        await Refresh(story.Id);

        Assert.Contains(neighbour.Id, await NeighboursAsync(story.Id));
        var drafts = await app.WithDbAsync(db => db.RelatedArticles.CountAsync(r => r.Related.Status != ArticleStatus.Published
            || !db.Articles.Any(a => a.Id == r.ArticleId && a.Status == ArticleStatus.Published)));
        Assert.Equal(0, drafts);

        Assert.Equal(PublishResult.Withdrawn, await _newsroom.WithPublisherAsync(neighbour.Id, (publisher, article) => publisher.WithdrawAsync(article, "Withdrawn for a test.")));

        Assert.DoesNotContain(neighbour.Id, await NeighboursAsync(story.Id));
        Assert.Empty(await NeighboursAsync(neighbour.Id));
    }

    [Fact]
    public async Task A_rebuild_stores_exactly_what_publishing_each_story_stores()
    {
        var (mine, strike, wages) = (Word("mine"), Word("strike"), Word("wages"));
        var section = await _newsroom.SectionAsync();
        var elsewhere = await _newsroom.SectionAsync();
        var tag = await _newsroom.TagAsync(Newsroom.Unique("Mining"));
        var start = DateTime.UtcNow.AddDays(-20);
        var stories = new List<Article>();
        string[][] topics = [[mine, strike], [mine, wages], [strike, wages], [mine, mine], [wages, "ballot"], ["weather", "rain"]];
        for (var i = 0; i < 12; i++)
        {
            var words = topics[i % topics.Length];
            stories.Add(await _newsroom.PublishAsync(i % 3 == 0 ? elsewhere : section, $"Story {i} on {words[0]} and {words[1]}",
                Paragraphs(words[0], words[1], words[i % 2]), publishedAt: start.AddDays(i), tags: i % 4 == 0 ? [tag] : null));
        }
        // Each story refreshed once everything is published: what publishing it last would have stored.
        foreach (var story in stories)
        {
            await Refresh(story.Id);
        }
        var published = await StoredAsync();

        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<RelatedStories>().RebuildAsync(CancellationToken.None);
            return 0;
        });

        Assert.Equal(published, await StoredAsync());
        Assert.All(stories, s => Assert.Contains(published, r => r.ArticleId == s.Id));
    }

    private Task<int> Refresh(int articleId) => app.WithServicesAsync(async sp =>
    {
        await sp.GetRequiredService<RelatedStories>().ArticleChangedAsync(articleId, isPublic: true, CancellationToken.None);
        return 0;
    });

    private Task<List<int>> NeighboursAsync(int articleId) =>
        app.WithDbAsync(db => db.RelatedArticles.Where(r => r.ArticleId == articleId).OrderBy(r => r.Rank).Select(r => r.RelatedId).ToListAsync());

    private Task<List<(int ArticleId, int RelatedId, int Rank, double Score)>> StoredAsync() => app.WithDbAsync(async db =>
        (await db.RelatedArticles.OrderBy(r => r.ArticleId).ThenBy(r => r.Rank).Select(r => new { r.ArticleId, r.RelatedId, r.Rank, r.Score }).ToListAsync())
            .Select(r => (r.ArticleId, r.RelatedId, r.Rank, r.Score)).ToList());
}
