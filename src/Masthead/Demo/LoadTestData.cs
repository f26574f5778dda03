using System.Diagnostics;
using System.Globalization;
using System.Text;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Search;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Demo;

/// <summary>What the load-test generator made, and the addresses a benchmark should load.</summary>
/// <param name="WarmupPath">Another open story, for warming the comment path without adding to the benchmark story's comments.</param>
public sealed record LoadTestSummary(int Articles, int Comments, int Tags, string ArticlePath, int ArticleId, string TagPath, string SearchText,
    TimeSpan Rows, TimeSpan SearchIndex, TimeSpan? Related, string WarmupPath);

/// <summary>
/// Fills an empty database with a large, deterministic newsroom for load tests: thousands of published stories
/// written from the demo's word lists, tags, bylines and threaded reader comments, plus one known story that has
/// exactly 50 approved comments. No pictures are drawn. Rows go in through EF in large batches with change detection
/// off (ids are given up front, so replies can name their parents without a round trip); the search index and the
/// related stories are then built by the site's own services, as after an import.
/// </summary>
public static class LoadTestData
{
    public const int BenchArticleComments = 50;
    private const int Batch = 4000;

    private static readonly string[] Verbs = ["unveils", "delays", "backs", "rejects", "expands", "reviews", "approves", "debates", "cuts", "funds", "weighs", "pauses"];
    private static readonly string[] Outcomes = ["as talks stall", "as pressure mounts", "as costs rise", "as critics push back", "before deadline", "amid strong support",
        "despite union objections", "as investors wait", "after long delay", "in surprise move", "under new rules", "after heated debate"];
    private static readonly string[] Plans = ["plan", "reform", "deal", "package", "review", "strategy", "rules", "budget", "programme", "inquiry"];

    /// <summary>Runs the generator for the command line and prints what a benchmark needs as key=value lines.</summary>
    public static async Task<int> GenerateFromConsoleAsync(IServiceProvider services, int articles, int comments, bool related, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MastheadDb>();
        var clock = sp.GetRequiredService<Shared.SiteClock>();
        if (await db.Articles.AnyAsync(ct))
        {
            await Console.Error.WriteLineAsync("The database already has articles; load-test data is only added to an empty one.");
            return 1;
        }
        var summary = await GenerateAsync(db, sp.GetRequiredService<ArticleRenderer>(), sp.GetRequiredService<ISearchIndex>(),
            sp.GetRequiredService<RelatedStories>(), related, clock.UtcNow, articles, comments, ct: ct);
        var s = summary;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            articles={s.Articles}
            comments={s.Comments}
            tags={s.Tags}
            article={s.ArticlePath}
            article_id={s.ArticleId}
            warmup_article={s.WarmupPath}
            tag={s.TagPath}
            search={s.SearchText}
            rows_seconds={s.Rows.TotalSeconds:0.0}
            search_index_seconds={s.SearchIndex.TotalSeconds:0.0}
            related_seconds={(s.Related is { } r ? r.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "only-the-benchmark-story")}
            """));
        return 0;
    }

    /// <summary>Fills an EMPTY, migrated database. The same seed, sizes and nowUtc always give the same rows.</summary>
    public static async Task<LoadTestSummary> GenerateAsync(MastheadDb db, ArticleRenderer renderer, ISearchIndex search, RelatedStories related, bool allRelated,
        DateTime nowUtc, int articleCount, int commentCount, int seed = 7, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(related);
        ArgumentOutOfRangeException.ThrowIfLessThan(articleCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(commentCount, BenchArticleComments);
        var started = Stopwatch.GetTimestamp();
        var now = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var random = new Random(seed);

        var sections = DemoCorpus.Sections.Select((s, i) => new Section { Id = i + 1, Slug = s.Slug, Name = s.Name, Description = s.Description, Position = i + 1 }).ToList();
        var tags = DemoCorpus.TopicTags.Select((t, i) => new Tag { Id = i + 1, Slug = t.Key, Name = t.Value }).ToList();
        var authors = DemoCorpus.Authors.Select((a, i) => new Author
        {
            Id = i + 1, Slug = DemoContent.Slugify(a.Name), Name = a.Name, JobTitle = a.JobTitle, Bio = a.Bio,
        }).ToList();

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                db.Sections.AddRange(sections);
                db.Tags.AddRange(tags);
                db.Authors.AddRange(authors);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();

                // Stories are spread back in time from an hour ago, newest first; the first is the benchmark's story.
                var spacing = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMinute, TimeSpan.FromDays(3 * 365).Ticks / articleCount));
                var published = new DateTime[articleCount + 1];
                var articleTags = db.ArticleTags;
                var benchTag = "";
                var benchSearch = "";
                var benchPath = "";
                var warmupPath = "";
                var pending = new List<Article>(Batch);
                for (var id = 1; id <= articleCount; id++)
                {
                    var story = WriteStory(random, id, now.AddHours(-1) - spacing * (id - 1), sections);
                    published[id] = story.Article.PublishedAt!.Value;
                    pending.Add(story.Article);
                    var authorCount = random.Next(5) == 0 ? 2 : 1;
                    foreach (var author in Pick(random, authors.Count, authorCount).Select((a, i) => (Id: a + 1, Position: i)))
                    {
                        db.Bylines.Add(new Byline { ArticleId = id, AuthorId = author.Id, Position = author.Position });
                    }
                    var chosen = Pick(random, tags.Count, 1 + random.Next(3));
                    foreach (var tag in chosen)
                    {
                        articleTags.Add(new Dictionary<string, object> { [MastheadDb.ArticleTagsArticleId] = id, [MastheadDb.ArticleTagsTagId] = tags[tag].Id });
                    }
                    if (id == 1)
                    {
                        benchTag = tags[chosen[0]].Path;
                        benchSearch = tags[chosen[0]].Name.ToLowerInvariant();
                        benchPath = story.Article.Path;
                    }
                    if (id == Math.Min(2, articleCount))
                    {
                        warmupPath = story.Article.Path;
                    }
                    if (id % Batch == 0 || id == articleCount)
                    {
                        Render(renderer, pending, ct);
                        db.Articles.AddRange(pending);
                        pending.Clear();
                        await FlushAsync(db, ct);
                    }
                }

                await AddCommentsAsync(db, random, articleCount, commentCount, published, now, ct);
                await CommentCounts.RecountAsync(db, db.Articles, null, ct);
                await transaction.CommitAsync(ct);

                var rows = Stopwatch.GetElapsedTime(started);
                var indexStarted = Stopwatch.GetTimestamp();
                await search.RebuildAsync(ct);
                var indexed = Stopwatch.GetElapsedTime(indexStarted);
                var relatedStarted = Stopwatch.GetTimestamp();
                TimeSpan? relatedTime = null;
                if (allRelated)
                {
                    await related.RebuildAsync(ct);
                    relatedTime = Stopwatch.GetElapsedTime(relatedStarted);
                }
                else
                {
                    // Every story's neighbours take long to compute at this size; the benchmark story still gets
                    // its own, so its page is as heavy as a real one.
                    await related.ArticleChangedAsync(1, true, ct);
                }
                return new LoadTestSummary(articleCount, commentCount, tags.Count, benchPath, 1, benchTag, benchSearch, rows, indexed, relatedTime, warmupPath);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Rendering is most of the cost of a story and depends on nothing random, so it runs on every core.</summary>
    private static void Render(ArticleRenderer renderer, List<Article> articles, CancellationToken ct) =>
        Parallel.ForEach(articles, new ParallelOptions { CancellationToken = ct }, a => a.BodyHtml = renderer.Render(a.BodyMarkdown));

    private static async Task FlushAsync(MastheadDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The benchmark story gets exactly 50 approved comments (a few of them replies); the rest are spread over the
    /// other stories, many on the newest, few on old ones, and a small share wait for a moderator or are spam.
    /// </summary>
    private static async Task AddCommentsAsync(MastheadDb db, Random random, int articleCount, int commentCount,
        DateTime[] published, DateTime now, CancellationToken ct)
    {
        var perArticle = new int[articleCount + 1];
        perArticle[1] = BenchArticleComments;
        for (var i = BenchArticleComments; i < commentCount; i++)
        {
            // Squaring a uniform number leans towards the newest stories, as reader attention does.
            var r = random.NextDouble();
            perArticle[2 + (int)(r * r * (articleCount - 1))]++;
        }

        var html = new Dictionary<string, string>(StringComparer.Ordinal);
        CommentText? text = null;
        var id = 0;
        for (var articleId = 1; articleId <= articleCount; articleId++)
        {
            var count = perArticle[articleId];
            if (count == 0)
            {
                continue;
            }
            var thread = new List<(int Id, string Name)>();
            var at = published[articleId];
            for (var n = 0; n < count; n++)
            {
                id++;
                var name = PersonName(random);
                var reply = thread.Count > 0 && random.Next(5) == 0 ? thread[random.Next(thread.Count)] : ((int Id, string Name)?)null;
                var body = CommentBody(random, reply?.Name);
                if (!html.TryGetValue(body, out var bodyHtml))
                {
                    bodyHtml = DemoContent.IsPlainSentence(body) ? $"<p>{body}</p>" : (text ??= new CommentText()).Render(body);
                    html[body] = bodyHtml;
                }
                var status = articleId == 1 ? CommentStatus.Approved : random.Next(50) switch
                {
                    0 => CommentStatus.Spam,
                    1 or 2 => CommentStatus.Pending,
                    _ => CommentStatus.Approved,
                };
                var step = TimeSpan.FromSeconds(30 + random.Next(3600));
                at = at + step < now ? at + step : at;
                db.Comments.Add(new Comment
                {
                    Id = id, ArticleId = articleId, ParentId = reply?.Id, AuthorName = name,
                    AuthorEmail = $"{DemoContent.Slugify(name)}.{random.Next(1000)}@readers.example", Body = body, BodyHtml = bodyHtml,
                    Status = status, CreatedAt = at, ModeratedAt = status == CommentStatus.Approved ? null : at.AddMinutes(5),
                    IpAddress = $"10.{random.Next(256)}.{random.Next(256)}.{1 + random.Next(254)}",
                    UserAgent = DemoCorpus.UserAgents[random.Next(DemoCorpus.UserAgents.Length)],
                });
                if (status == CommentStatus.Approved)
                {
                    thread.Add((id, name));
                }
                if (id % Batch == 0)
                {
                    await FlushAsync(db, ct);
                }
            }
        }
        await FlushAsync(db, ct);
    }

    private sealed record Story(Article Article, string Country);

    private static Story WriteStory(Random random, int id, DateTime publishedAt, List<Section> sections)
    {
        var specIndex = random.Next(DemoCorpus.Sections.Length);
        var spec = DemoCorpus.Sections[specIndex];
        var country = DemoCorpus.Countries[random.Next(DemoCorpus.Countries.Length)];
        var city = country.Cities[random.Next(country.Cities.Length)];
        var city2 = country.Cities[(Array.IndexOf(country.Cities, city) + 1) % country.Cities.Length];
        var topic = DemoCorpus.TopicTags.Values.ElementAt(random.Next(DemoCorpus.TopicTags.Count));
        string Fill(string s) => s.Replace("{Country}", country.Name, StringComparison.Ordinal).Replace("{country}", country.Name, StringComparison.Ordinal)
            .Replace("{adj}", country.Adj, StringComparison.Ordinal).Replace("{capital}", country.Capital.Name, StringComparison.Ordinal)
            .Replace("{City}", city.Name, StringComparison.Ordinal).Replace("{city}", city.Name, StringComparison.Ordinal)
            .Replace("{city2}", city2.Name, StringComparison.Ordinal)
            .Replace("{subject}", topic.ToLowerInvariant(), StringComparison.Ordinal).Replace("{Subject}", topic, StringComparison.Ordinal);

        var headline = $"{country.Name} {Verbs[random.Next(Verbs.Length)]} {topic.ToLowerInvariant()} {Plans[random.Next(Plans.Length)]} {Outcomes[random.Next(Outcomes.Length)]}";
        var standfirst = Fill(spec.Context[random.Next(spec.Context.Length)]);
        var body = new StringBuilder();
        var paragraphs = 8 + random.Next(6);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p == paragraphs / 2)
            {
                var plan = Plans[random.Next(Plans.Length)];
                body.Append("## ").Append(char.ToUpperInvariant(plan[0])).Append(plan.AsSpan(1)).Append(" in ").Append(city.Name).Append("\n\n");
            }
            if (p % 3 == 1)
            {
                var analyst = spec.Analysts[random.Next(spec.Analysts.Length)];
                body.Append('"').Append(Fill(spec.AnalystQuotes[random.Next(spec.AnalystQuotes.Length)])).Append(",\" said ")
                    .Append(PersonName(random)).Append(", ").Append(Fill(analyst.Inline)).Append(".\n\n");
            }
            else
            {
                body.Append(Fill(spec.Context[random.Next(spec.Context.Length)])).Append(' ')
                    .Append(Fill(spec.Context[random.Next(spec.Context.Length)])).Append("\n\n");
            }
        }
        var markdown = body.ToString().TrimEnd();
        var slug = $"{DemoContent.Slugify(headline, 70)}-{id.ToString(CultureInfo.InvariantCulture)}";
        var article = new Article
        {
            Id = id, Slug = slug, Headline = headline, Standfirst = standfirst, Dateline = city.Name.ToUpperInvariant(),
            BodyMarkdown = markdown, Status = ArticleStatus.Published,
            CreatedAt = publishedAt.AddMinutes(-30), PublishedAt = publishedAt, ModifiedAt = publishedAt, SectionId = sections[specIndex].Id,
        };
        return new Story(article, country.Name);
    }

    private static string PersonName(Random random)
    {
        var names = DemoCorpus.Names.Values.ElementAt(random.Next(DemoCorpus.Names.Count));
        var first = random.Next(2) == 0 ? names.Women[random.Next(names.Women.Length)] : names.Men[random.Next(names.Men.Length)];
        return $"{first} {names.Family[random.Next(names.Family.Length)]}";
    }

    private static string CommentBody(Random random, string? replyTo)
    {
        var core = DemoCorpus.UniversalCores[random.Next(DemoCorpus.UniversalCores.Length)]
            .Replace("{p1last}", "the minister", StringComparison.Ordinal).Replace("{p2last}", "The analyst", StringComparison.Ordinal)
            .Replace("{city}", "town", StringComparison.Ordinal).Replace("{subject}", "this", StringComparison.Ordinal);
        var parts = replyTo is null
            ? new[] { DemoCorpus.CommentOpeners[random.Next(DemoCorpus.CommentOpeners.Length)], core, DemoCorpus.CommentClosers[random.Next(DemoCorpus.CommentClosers.Length)] }
            : [DemoCorpus.Replies[random.Next(DemoCorpus.Replies.Length)].Replace("{parent}", replyTo.Split(' ')[0], StringComparison.Ordinal).Replace("{core}", core, StringComparison.Ordinal)];
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    /// <summary>Distinct indexes below n, in the order drawn.</summary>
    private static List<int> Pick(Random random, int n, int count)
    {
        var chosen = new List<int>(count);
        while (chosen.Count < Math.Min(count, n))
        {
            var i = random.Next(n);
            if (!chosen.Contains(i))
            {
                chosen.Add(i);
            }
        }
        return chosen;
    }
}
