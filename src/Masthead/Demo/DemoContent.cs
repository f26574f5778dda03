using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Media;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Demo;

/// <summary>
/// Fills an empty database with a believable wire-republishing newsroom: sections, tags, authors, agencies,
/// a few hundred articles with drawn illustrations, thousands of threaded reader comments, and the standing pages
/// (About us, Corrections policy). Everything is made locally from word lists and templates, and everything is
/// derived from the seed and the given time, so the same seed and time always give the same rows and the same image bytes.
/// </summary>
public static partial class DemoContent
{
    private const int PublishedCount = 313;
    private const int DraftCount = 3;
    private const int ScheduledCount = 2;
    private const int WithdrawnCount = 2;
    /// <summary>The newest stories each get a drawing of their own; older ones reuse "file" drawings.</summary>
    private const int OwnImageCount = 80;
    private const int HotArticleCount = 6;
    private const int MaxCommentDepth = 3;

    private static readonly string[] Illustrators = ["Jonas Brandt", "Mei Tanaka", "Olu Adebayo", "Clara Fontaine", "Rafael Duarte"];

    private static readonly Dictionary<string, int[]> SectionPalettes = new()
    {
        ["world"] = [0, 1, 8, 2, 11], ["politics"] = [4, 1, 10, 0, 8], ["business"] = [1, 2, 8, 11, 10], ["technology"] = [6, 5, 9, 1, 2],
        ["science"] = [6, 1, 2, 9, 3], ["health"] = [10, 3, 5, 9, 2], ["sport"] = [11, 0, 1, 9, 6], ["culture"] = [0, 4, 7, 9, 5],
    };

    /// <summary>Fills an EMPTY database with a realistic newsroom. Deterministic for a given seed and nowUtc.</summary>
    /// <remarks>
    /// The database must already exist with its schema (migrated or EnsureCreated). Pictures are written to
    /// <c>{mediaDirectory}/demo/</c>, which is created when missing. Throws when the database already has content.
    /// </remarks>
    public static async Task SeedAsync(MastheadDb db, ArticleRenderer renderer, string mediaDirectory, DateTime nowUtc, int seed = 2026, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaDirectory);
        if (await db.Articles.AnyAsync(ct) || await db.Sections.AnyAsync(ct) || await db.Authors.AnyAsync(ct))
        {
            throw new InvalidOperationException("Demo content can only be added to an empty database.");
        }

        var utc = nowUtc.Kind == DateTimeKind.Local ? nowUtc.ToUniversalTime() : nowUtc;
        var now = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var demoDirectory = Path.Combine(mediaDirectory, "demo");
        Directory.CreateDirectory(demoDirectory);

        var newsroom = new Newsroom(seed, now);
        newsroom.Plan();
        ct.ThrowIfCancellationRequested();

        // Drawings used inside bodies need their descriptions before the bodies are written; the rest are drawn
        // in the background while the bodies are composed and rendered.
        DrawAll(newsroom.Drawings.Where(d => d.NeededEarly).ToList(), demoDirectory, ct);
        var late = newsroom.Drawings.Where(d => !d.NeededEarly).ToList();
        var drawing = Task.Run(() => DrawAll(late, demoDirectory, ct), ct);
        try
        {
            newsroom.WriteBodies(renderer);
            newsroom.WriteComments();
            RenderComments(newsroom);
        }
        finally
        {
            await drawing;
        }
        foreach (var d in newsroom.Drawings)
        {
            d.Image.AltText = Clip(d.Description ?? "", 500);
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // One transaction, so that a failure part-way leaves the database empty rather than half-filled.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.Sections.AddRange(newsroom.Sections.Values);
            db.Sources.AddRange(newsroom.Sources);
            db.Tags.AddRange(newsroom.Tags.Values);
            db.Images.AddRange(newsroom.Drawings.Select(d => d.Image));
            db.Authors.AddRange(newsroom.Authors);
            db.Articles.AddRange(newsroom.Stories.Select(s => s.Article));
            db.SitePages.AddRange(StandingPages(renderer, now));
            await db.SaveChangesAsync(ct);

            foreach (var story in newsroom.Stories.Where(s => s.ReadAlso is not null))
            {
                db.Entry(story.Article).Property(a => a.ReadAlsoArticleId).CurrentValue = story.ReadAlso!.Article.Id;
            }
            // Comments are saved level by level so that every reply can point at its parent's generated id.
            for (var depth = 0; depth <= MaxCommentDepth; depth++)
            {
                foreach (var story in newsroom.Stories)
                {
                    foreach (var planned in story.Comments.Where(c => c.Depth == depth))
                    {
                        planned.Comment.ArticleId = story.Article.Id;
                        planned.Comment.ParentId = planned.Parent?.Comment.Id;
                        db.Comments.Add(planned.Comment);
                    }
                }
                await db.SaveChangesAsync(ct);
            }
            await CommentCounts.RecountAsync(db, db.Articles, null, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Comment bodies get the HTML the comment form would store. Sanitizing thousands of them is slow, so a body made
    /// only of letters, digits and plain punctuation (which Markdown leaves alone and nothing needs escaping in) is
    /// wrapped in a paragraph directly; anything else goes through <see cref="CommentText"/>.
    /// </summary>
    private static void RenderComments(Newsroom newsroom)
    {
        CommentText? text = null;
        var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var planned in newsroom.Stories.SelectMany(s => s.Comments))
        {
            var body = planned.Comment.Body;
            if (!rendered.TryGetValue(body, out var html))
            {
                html = IsPlainSentence(body) ? $"<p>{body}</p>" : (text ??= new CommentText()).Render(body);
                rendered[body] = html;
            }
            planned.Comment.BodyHtml = html;
        }
    }

    internal static bool IsPlainSentence(string body)
    {
        if (body.Length == 0 || !char.IsAsciiLetter(body[0]) || body.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }
        var last = body[^1];
        if (!(char.IsAsciiLetterOrDigit(last) || last is '.' or '!' or '?' or ')'))
        {
            return false;
        }
        if (body.Contains("mailto", StringComparison.OrdinalIgnoreCase) || body.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return body.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or ',' or '\'' or '?' or '!' or ':' or ';' or '(' or ')' or '%' or '-');
    }

    private static void DrawAll(List<Drawing> drawings, string directory, CancellationToken ct)
    {
        Parallel.ForEach(drawings, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, d =>
        {
            var (jpeg, description) = d.Portrait is { } p
                ? DemoIllustrator.Portrait(d.Seed, p.Skin, p.Hair, p.LongHair, p.Glasses)
                : DemoIllustrator.Draw(d.Scene, d.Seed, d.Palette);
            d.Description = description;
            File.WriteAllBytes(Path.Combine(directory, Path.GetFileName(d.Image.FileName)), jpeg);
        });
    }

    // ============================================================ helpers shared by the planner

    [GeneratedRegex(@"\{([A-Za-z0-9]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Replaces {name} placeholders (repeatedly, so values may hold placeholders); {Name} capitalises.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string> vars)
    {
        var text = template;
        for (var pass = 0; pass < 5 && text.Contains('{'); pass++)
        {
            text = Placeholder().Replace(text, m =>
            {
                var key = m.Groups[1].Value;
                if (vars.TryGetValue(key, out var value))
                {
                    return value;
                }
                var lower = char.ToLowerInvariant(key[0]) + key[1..];
                if (vars.TryGetValue(lower, out var lowerValue))
                {
                    return Capitalise(lowerValue);
                }
                throw new InvalidOperationException($"Demo template uses an unknown placeholder {{{key}}}: {template}");
            });
        }
        return text.Contains("The Hague", StringComparison.Ordinal) ? Tidy(text) : text;
    }

    [GeneratedRegex(@"\b(a|the|A|The|Real|Sporting|Olympic|FC) The Hague\b")]
    private static partial Regex DoubledArticle();

    /// <summary>"a The Hague-based fund" reads badly; so does "Real The Hague".</summary>
    private static string Tidy(string text) => DoubledArticle().Replace(text, m => m.Groups[1].Value switch
    {
        "Real" or "Sporting" or "Olympic" or "FC" => $"{m.Groups[1].Value} Den Haag",
        var article => $"{article} Hague",
    });

    internal static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    internal static string Slugify(string text, int maxLength = 80)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark || ch is '\'' or '\u2019')
            {
                continue;
            }
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = (cut > maxLength / 2 ? slug[..cut] : slug[..maxLength]).Trim('-');
        }
        return slug;
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    // ============================================================ planning types

    private sealed record PortraitSpec(int Skin, int Hair, bool LongHair, bool Glasses);

    private sealed class Drawing
    {
        public required Image Image { get; init; }
        public Scene Scene { get; init; }
        public int Seed { get; init; }
        public int Palette { get; init; }
        public PortraitSpec? Portrait { get; init; }
        public bool NeededEarly { get; init; }
        public string? Description { get; set; }
    }

    private sealed record Person(string Name, string Last, bool Female)
    {
        public string She => Female ? "she" : "he";
        public string Her => Female ? "her" : "his";
    }

    private sealed class PlannedComment
    {
        public required Comment Comment { get; init; }
        public PlannedComment? Parent { get; init; }
        public int Depth { get; init; }
    }

    private sealed class Story
    {
        public required Article Article { get; init; }
        public required StoryKind Kind { get; init; }
        public required SectionSpec Section { get; init; }
        public required Dictionary<string, string> Vars { get; init; }
        public required Person P1 { get; init; }
        public required Person P2 { get; init; }
        public required Person Analyst { get; init; }
        public Source? Agency { get; set; }
        public Drawing? Figure { get; set; }
        public Story? ReadAlso { get; set; }
        public bool Hot { get; set; }
        public DateTime? ClosedAt { get; set; }
        public List<PlannedComment> Comments { get; } = [];
    }

    private sealed record Commenter(string Name, string First, string Email, string? Url, string Ip, string UserAgent);

    // ============================================================ the planner

    /// <summary>Plans and writes the whole newsroom in memory, drawing every random number from one generator.</summary>
    private sealed class Newsroom(int seed, DateTime now)
    {
        private readonly Random _rng = new(seed);
        private readonly HashSet<string> _headlines = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _slugs = [];
        private readonly Dictionary<Scene, List<Drawing>> _fileDrawings = [];
        private readonly Dictionary<Drawing, int> _fileUse = [];
        private readonly Dictionary<string, Queue<StoryKind>> _decks = [];
        private List<Commenter> _commenters = [];

        public Dictionary<string, Section> Sections { get; } = [];
        public List<Source> Sources { get; } = [];
        public List<Author> Authors { get; } = [];
        public Dictionary<string, Tag> Tags { get; } = [];
        public List<Drawing> Drawings { get; } = [];
        public List<Story> Stories { get; } = [];

        private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

        private double Uniform(double min, double max) => min + (_rng.NextDouble() * (max - min));

        private TimeSpan Between(TimeSpan min, TimeSpan max) =>
            TimeSpan.FromSeconds(Math.Round(Uniform(min.TotalSeconds, max.TotalSeconds)));

        private void Shuffle<T>(IList<T> list)
        {
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = _rng.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
        }

        // ------------------------------------------------------------ plan

        public void Plan()
        {
            var position = 0;
            foreach (var spec in DemoCorpus.Sections)
            {
                Sections[spec.Slug] = new Section { Slug = spec.Slug, Name = spec.Name, Description = spec.Description, Position = position++ };
            }
            foreach (var spec in DemoCorpus.Sources)
            {
                Sources.Add(new Source { Slug = spec.Slug, Name = spec.Name, Url = $"https://{spec.Host}/" });
            }
            PlanAuthors();
            PlanFileDrawings();
            _commenters = MakeCommenters(650);

            var times = PublicationTimes();
            var withdrawn = new HashSet<int>();
            while (withdrawn.Count < WithdrawnCount)
            {
                var i = _rng.Next(times.Count / 6, times.Count * 2 / 3);
                withdrawn.Add(i);
            }
            for (var i = 0; i < times.Count; i++)
            {
                var story = PlanStory(times[i], withdrawn.Contains(i) ? ArticleStatus.Withdrawn : ArticleStatus.Published);
                Stories.Add(story);
            }
            for (var i = 0; i < ScheduledCount; i++)
            {
                var at = now.Date.AddDays(i + 1).AddHours(6 + (i * 3));
                Stories.Add(PlanStory(at, ArticleStatus.Scheduled));
            }
            for (var i = 0; i < DraftCount; i++)
            {
                Stories.Add(PlanStory(now - Between(TimeSpan.FromHours(1), TimeSpan.FromDays(3)), ArticleStatus.Draft));
            }

            PlanImages();
            PlanReadAlso();
            PlanCommentWindows();
        }

        private void PlanAuthors()
        {
            foreach (var spec in DemoCorpus.Authors)
            {
                var slug = Slugify(spec.Name);
                var drawing = new Drawing
                {
                    Image = new Image
                    {
                        FileName = $"demo/author-{slug}.jpg",
                        Width = DemoIllustrator.PortraitSize,
                        Height = DemoIllustrator.PortraitSize,
                        Caption = spec.Name,
                        Credit = $"Illustration: {Illustrators[0]} / Masthead",
                        CreatedAt = now.AddDays(-90),
                    },
                    Seed = _rng.Next(),
                    Portrait = new PortraitSpec(spec.Skin, spec.Hair, spec.LongHair, spec.Glasses),
                };
                Drawings.Add(drawing);
                Authors.Add(new Author
                {
                    Slug = slug,
                    Name = spec.Name,
                    JobTitle = spec.JobTitle,
                    Bio = spec.Bio,
                    Email = $"{slug.Replace('-', '.')}@masthead.example",
                    Image = drawing.Image,
                });
            }
        }

        private void PlanFileDrawings()
        {
            var index = 0;
            foreach (var scene in Enum.GetValues<Scene>())
            {
                var users = DemoCorpus.Kinds.Count(k => k.Scenes.Contains(scene));
                var variants = users switch { 0 => 1, <= 2 => 2, <= 5 => 3, _ => 4 };
                var list = new List<Drawing>();
                for (var v = 0; v < variants; v++)
                {
                    var name = scene.ToString().ToLowerInvariant();
                    var drawing = new Drawing
                    {
                        Image = new Image
                        {
                            FileName = $"demo/file-{name}-{v + 1}.jpg",
                            Width = DemoIllustrator.Width,
                            Height = DemoIllustrator.Height,
                            Caption = DemoIllustrator.FileCaption(scene),
                            Credit = $"Illustration: {Pick(Illustrators)} / Masthead",
                            CreatedAt = now.AddDays(-75).AddMinutes(index * 7),
                        },
                        Scene = scene,
                        Seed = _rng.Next(),
                        Palette = (index * 5) + _rng.Next(3),
                        NeededEarly = true,
                    };
                    index++;
                    list.Add(drawing);
                    Drawings.Add(drawing);
                    _fileUse[drawing] = 0;
                }
                _fileDrawings[scene] = list;
            }
        }

        /// <summary>Publication times of published and withdrawn stories, oldest first: 60 days, thicker lately.</summary>
        private List<DateTime> PublicationTimes()
        {
            var times = new List<DateTime>();
            var total = PublishedCount + WithdrawnCount;
            for (var i = 0; i < 6; i++)
            {
                times.Add(now - Between(TimeSpan.FromMinutes(12), TimeSpan.FromHours(5)));
            }
            for (var i = 0; i < 14; i++)
            {
                times.Add(now - Between(TimeSpan.FromHours(5), TimeSpan.FromHours(47)));
            }
            while (times.Count < total)
            {
                var day = now.Date.AddDays(-_rng.Next(2, 60));
                // Busy in working hours, quieter at night.
                var minute = _rng.Next(4) == 0 ? _rng.Next(0, 1440) : _rng.Next(300, 1290);
                var t = day.AddMinutes(minute).AddSeconds(_rng.Next(60));
                if (t < now - TimeSpan.FromHours(48) && t > now - TimeSpan.FromDays(60))
                {
                    times.Add(t);
                }
            }
            times.Sort();
            return times;
        }

        private StoryKind NextKind(string section)
        {
            if (!_decks.TryGetValue(section, out var deck) || deck.Count == 0)
            {
                var kinds = DemoCorpus.Kinds.Where(k => k.Section == section).ToList();
                Shuffle(kinds);
                deck = new Queue<StoryKind>(kinds);
                _decks[section] = deck;
            }
            return deck.Dequeue();
        }

        private SectionSpec PickSection()
        {
            var total = DemoCorpus.Sections.Sum(s => s.Weight);
            var roll = _rng.Next(total);
            foreach (var s in DemoCorpus.Sections)
            {
                if ((roll -= s.Weight) < 0)
                {
                    return s;
                }
            }
            return DemoCorpus.Sections[0];
        }

        private Person MakePerson(string region, HashSet<string> taken)
        {
            var (women, men, family) = DemoCorpus.Names[region];
            while (true)
            {
                var female = _rng.Next(2) == 0;
                var first = Pick(female ? women : men);
                var last = Pick(family);
                var name = $"{first} {last}";
                if (taken.Add(name) && taken.Add(last))
                {
                    return new Person(name, last, female);
                }
            }
        }

        private static string Words(int n) => n switch
        {
            2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight", 9 => "nine", _ => n.ToString(CultureInfo.InvariantCulture),
        };

        private Story PlanStory(DateTime publishedAt, ArticleStatus status)
        {
            for (var attempt = 0; ; attempt++)
            {
                var section = PickSection();
                var kind = NextKind(section.Slug);
                var story = TryPlanStory(section, kind, publishedAt, status);
                if (story is not null)
                {
                    return story;
                }
                if (attempt > 200)
                {
                    throw new InvalidOperationException("Could not plan a demo story with a unique headline.");
                }
            }
        }

        private Story? TryPlanStory(SectionSpec section, StoryKind kind, DateTime publishedAt, ArticleStatus status)
        {
            var country = Pick(DemoCorpus.Countries);
            var city = kind.Where switch
            {
                Where.Capital => country.Capital,
                Where.Port => Pick(country.Cities.Where(c => c.Port).ToList()),
                _ => Pick(country.Cities),
            };
            var city2 = Pick(country.Cities.Where(c => c != city).ToList());
            var extraTags = new List<string>();
            var taken = new HashSet<string>();
            var p1 = MakePerson(country.Names, taken);
            var p2 = MakePerson(country.Names, taken);
            var p3 = MakePerson(country.Names, taken);
            var analyst = MakePerson(country.Names, taken);
            var vars = new Dictionary<string, string>
            {
                ["city"] = city.Name,
                ["city2"] = city2.Name,
                ["capital"] = country.Capital.Name,
                ["country"] = country.Name == "Netherlands" ? "the Netherlands" : country.Name,
                ["adj"] = country.Adj,
                ["bloc"] = country.Bloc,
                ["day"] = publishedAt.DayOfWeek.ToString(),
                ["currency"] = country.Euro ? "euros" : "dollars",
                ["pct"] = _rng.Next(2, 19).ToString(CultureInfo.InvariantCulture),
                ["pct2"] = _rng.Next(21, 69).ToString(CultureInfo.InvariantCulture),
                ["num"] = (_rng.Next(12, 96) * 10).ToString(CultureInfo.InvariantCulture),
                ["big"] = (_rng.Next(12, 480) * 100).ToString("N0", CultureInfo.InvariantCulture),
                ["small"] = Words(_rng.Next(3, 10)),
                ["months"] = Pick(["six months", "a year", "18 months", "nine months", "two years"]),
                ["weeks"] = Pick(["two weeks", "three weeks", "a month", "six weeks"]),
                ["p3"] = p3.Name, ["p3last"] = p3.Last, ["p3she"] = p3.She, ["p3her"] = p3.Her,
                ["an"] = analyst.Name, ["anlast"] = analyst.Last,
            };
            var billions = (_rng.Next(4, 99) / 10.0).ToString("0.#", CultureInfo.InvariantCulture);
            var millions = (_rng.Next(3, 95) * 5).ToString(CultureInfo.InvariantCulture);
            vars["money"] = country.Euro ? $"{billions} billion euros" : $"${billions} billion";
            vars["millions"] = country.Euro ? $"{millions} million euros" : $"${millions} million";
            foreach (var (key, values) in kind.Vars)
            {
                var value = Pick(values);
                var bar = value.IndexOf('|');
                if (bar >= 0)
                {
                    extraTags.Add(value[(bar + 1)..]);
                    value = value[..bar];
                }
                // "maker,product" = "Orbis Steel;steel coil" sets both, so that they match.
                var keys = key.Split(',');
                var parts = value.Split(';');
                for (var k = 0; k < keys.Length; k++)
                {
                    vars[keys[k]] = parts[Math.Min(k, parts.Length - 1)];
                }
            }
            SetRole(vars, "p1", p1, Pick(kind.P1), p3);
            SetRole(vars, "p2", p2, Pick(kind.P2), p3);
            var analystRole = Pick(section.Analysts);
            vars["anrole"] = analystRole.Inline;
            vars["anattr"] = analystRole.Attribution;

            var headline = Capitalise(Fill(Pick(kind.Headlines), vars));
            if (headline.Length > 300 || !_headlines.Add(headline))
            {
                return null;
            }
            var slug = Slugify(headline);
            for (var n = 2; !_slugs.Add(slug); n++)
            {
                slug = $"{Slugify(headline, 74)}-{n}";
            }

            // Tags: country, usually the city, the kind's topics, and whatever the chosen details add.
            var tagSlugs = new List<string> { Slugify(country.Name) };
            if (_rng.Next(10) < 9)
            {
                tagSlugs.Add(Slugify(city.Name));
            }
            var topics = kind.Tags.ToList();
            Shuffle(topics);
            tagSlugs.AddRange(topics.Take(_rng.Next(1, Math.Min(3, topics.Count) + 1)));
            tagSlugs.AddRange(extraTags);
            if (kind.UsesBloc)
            {
                tagSlugs.Add(Slugify(country.Bloc));
            }
            var tags = tagSlugs.Distinct().Take(6).Select(GetTag).ToList();

            var article = new Article
            {
                Slug = slug,
                Headline = headline,
                Standfirst = Capitalise(Fill(Pick(kind.Standfirsts), vars)),
                Dateline = _rng.Next(12) == 0 ? null : city.Name.ToUpperInvariant(),
                Status = status,
                SectionId = 0,
                Section = Sections[section.Slug],
                Tags = tags,
                ReadAlsoAfterParagraph = _rng.Next(3) == 0 ? _rng.Next(2, 5) : 3,
            };
            var story = new Story { Article = article, Kind = kind, Section = section, Vars = vars, P1 = p1, P2 = p2, Analyst = analyst };

            // Times.
            switch (status)
            {
                case ArticleStatus.Draft:
                    article.CreatedAt = publishedAt;
                    article.ModifiedAt = Min(publishedAt + Between(TimeSpan.FromMinutes(5), TimeSpan.FromHours(2)), now);
                    break;
                case ArticleStatus.Scheduled:
                    article.PublishedAt = publishedAt;
                    article.CreatedAt = now - Between(TimeSpan.FromHours(3), TimeSpan.FromHours(30));
                    article.ModifiedAt = Min(article.CreatedAt + Between(TimeSpan.FromMinutes(20), TimeSpan.FromHours(2)), now);
                    break;
                default:
                    article.PublishedAt = publishedAt;
                    article.CreatedAt = publishedAt - Between(TimeSpan.FromMinutes(15), TimeSpan.FromHours(5));
                    if (_rng.Next(100) < 22 && now - publishedAt > TimeSpan.FromMinutes(40))
                    {
                        article.UpdatedAt = Min(publishedAt + Between(TimeSpan.FromMinutes(20), TimeSpan.FromHours(30)), now - TimeSpan.FromMinutes(5));
                    }
                    article.ModifiedAt = article.UpdatedAt ?? publishedAt;
                    if (status == ArticleStatus.Withdrawn)
                    {
                        article.WithdrawalNote = Pick(DemoCorpus.WithdrawalNotes);
                        article.ModifiedAt = Min(publishedAt + Between(TimeSpan.FromHours(3), TimeSpan.FromDays(3)), now - TimeSpan.FromHours(1));
                    }
                    break;
            }

            // Bylines: desk regulars first.
            var candidates = DemoCorpus.Authors
                .Select((a, i) => (Spec: a, Author: Authors[i]))
                .Where(a => a.Spec.Desks.Contains(section.Slug))
                .ToList();
            var weighted = candidates.SelectMany(c => Enumerable.Repeat(c.Author, c.Spec.Desks[0] == section.Slug ? 3 : 1)).ToList();
            var first = Pick(weighted);
            article.Bylines.Add(new Byline { Author = first, Position = 0 });
            if (_rng.Next(4) == 0)
            {
                var others = Authors.Where(a => a != first).ToList();
                var secondPool = candidates.Select(c => c.Author).Where(a => a != first).ToList();
                article.Bylines.Add(new Byline { Author = Pick(secondPool.Count > 0 ? secondPool : others), Position = 1 });
            }

            // About a third of the copy comes from the wire.
            if (_rng.Next(100) < 34)
            {
                var index = _rng.Next(10) switch { < 5 => 0, < 8 => 1, _ => 2 };
                var spec = DemoCorpus.Sources[index];
                story.Agency = Sources[index];
                article.Source = Sources[index];
                var date = article.PublishedAt ?? article.CreatedAt;
                var shortSlug = Slugify(headline, 60);
                var id = _rng.Next(100000, 999999);
                article.SourceUrl = index switch
                {
                    0 => string.Create(CultureInfo.InvariantCulture, $"https://{spec.Host}/news/{date:yyyy}/{date:MM}/{date:dd}/{shortSlug}-{id}"),
                    1 => string.Create(CultureInfo.InvariantCulture, $"https://{spec.Host}/en/story/{id}/{shortSlug}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"https://{spec.Host}/article/{date:yyyyMMdd}/{shortSlug}"),
                };
            }
            return story;
        }

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        private static void SetRole(Dictionary<string, string> vars, string prefix, Person person, Role role, Person p3)
        {
            var inline = role.Inline;
            if (inline.StartsWith('='))
            {
                inline = inline[1..];
                person = p3;
            }
            vars[prefix] = person.Name;
            vars[prefix + "last"] = person.Last;
            vars[prefix + "she"] = person.She;
            vars[prefix + "her"] = person.Her;
            vars[prefix + "role"] = inline;
            vars[prefix + "attr"] = role.Attribution;
        }

        private Tag GetTag(string slug)
        {
            if (!Tags.TryGetValue(slug, out var tag))
            {
                var name = DemoCorpus.TopicTags.TryGetValue(slug, out var topic)
                    ? topic
                    : DemoCorpus.Countries.Select(c => c.Name).Concat(DemoCorpus.Countries.SelectMany(c => c.Cities.Select(x => x.Name)))
                        .FirstOrDefault(n => Slugify(n) == slug)
                      ?? throw new InvalidOperationException($"Unknown demo tag '{slug}'.");
                tag = new Tag { Slug = slug, Name = name };
                Tags[slug] = tag;
            }
            return tag;
        }

        // ------------------------------------------------------------ images

        private Drawing NewsDrawing(Story story, Scene scene, DateTime createdAt, bool early)
        {
            var caption = Caption(story, scene);
            var palettes = SectionPalettes[story.Section.Slug];
            var credit = story.Agency is { } agency
                ? $"Photo: {MakePerson(Pick(DemoCorpus.Countries).Names, []).Name} / {agency.Name}"
                : $"Illustration: {Pick(Illustrators)} / Masthead";
            var name = Slugify(story.Article.Slug, 70);
            return new Drawing
            {
                Image = new Image
                {
                    FileName = $"demo/{name}.jpg",
                    Width = DemoIllustrator.Width,
                    Height = DemoIllustrator.Height,
                    Caption = Clip(caption, 1000),
                    Credit = Clip(credit, 200),
                    CreatedAt = createdAt,
                },
                Scene = scene,
                Seed = _rng.Next(),
                Palette = Pick(palettes) + (_rng.Next(4) == 0 ? _rng.Next(12) : 0),
                NeededEarly = early,
            };
        }

        /// <summary>A kind's own captions describe its one kind of picture; otherwise the caption follows the scene.</summary>
        private string Caption(Story story, Scene scene) =>
            Capitalise(Fill(Pick(story.Kind.Scenes.Length == 1 ? story.Kind.Captions : DemoCorpus.SceneCaptions[scene]), story.Vars));

        private Drawing FileDrawing(Scene scene, Drawing? not)
        {
            var list = _fileDrawings[scene];
            var best = list.Where(d => d != not).OrderBy(d => _fileUse[d]).ThenBy(_ => _rng.Next()).First();
            _fileUse[best]++;
            return best;
        }

        private void PlanImages()
        {
            // Newest visible stories get pictures of their own.
            var visible = Stories.Where(s => s.Article.Status is ArticleStatus.Published or ArticleStatus.Withdrawn)
                .OrderByDescending(s => s.Article.PublishedAt).ToList();
            var own = visible.Take(OwnImageCount).ToHashSet();
            foreach (var story in Stories)
            {
                var scene = Pick(story.Kind.Scenes);
                Drawing? featured = null;
                if (own.Contains(story))
                {
                    featured = NewsDrawing(story, scene, story.Article.CreatedAt, early: false);
                    Drawings.Add(featured);
                }
                else if (_rng.Next(100) < 84)
                {
                    featured = FileDrawing(scene, null);
                }
                story.Article.Image = featured?.Image;

                // Some longer stories carry a second picture in the body.
                if (_rng.Next(100) < 22)
                {
                    story.Figure = FileDrawing(Pick(story.Kind.Scenes), featured);
                }
            }
        }

        private void PlanReadAlso()
        {
            var published = Stories.Where(s => s.Article.Status == ArticleStatus.Published).OrderBy(s => s.Article.PublishedAt).ToList();
            var picks = 0;
            for (var i = published.Count - 1; i > 20 && picks < 10; i -= _rng.Next(4, 12))
            {
                var story = published[i];
                var target = published.Take(i).Where(s => s.Kind == story.Kind).LastOrDefault()
                    ?? published.Take(i).Where(s => s.Section == story.Section).LastOrDefault();
                if (target is not null)
                {
                    story.ReadAlso = target;
                    picks++;
                }
            }
        }

        private void PlanCommentWindows()
        {
            var published = Stories.Where(s => s.Article.Status == ArticleStatus.Published).ToList();
            // A few old stories were closed to comments two weeks after publication.
            var old = published.Where(s => now - s.Article.PublishedAt!.Value > TimeSpan.FromDays(40)).ToList();
            Shuffle(old);
            foreach (var story in old.Take(5))
            {
                story.Article.CommentsOpen = false;
                story.ClosedAt = story.Article.PublishedAt!.Value.AddDays(14);
            }
            // The stories everyone argues about.
            var lively = published.Where(s => s.Article.CommentsOpen
                    && now - s.Article.PublishedAt!.Value > TimeSpan.FromDays(2)
                    && now - s.Article.PublishedAt!.Value < TimeSpan.FromDays(30)
                    && s.Section.Slug is "world" or "politics" or "sport" or "health" or "business")
                .ToList();
            Shuffle(lively);
            foreach (var story in lively.Take(HotArticleCount))
            {
                story.Hot = true;
            }
        }

        // ------------------------------------------------------------ bodies

        public void WriteBodies(ArticleRenderer renderer)
        {
            foreach (var story in Stories)
            {
                story.Article.BodyMarkdown = WriteBody(story);
                story.Article.BodyHtml = renderer.Render(story.Article.BodyMarkdown, story.Article.ReadAlsoAfterParagraph);
            }
        }

        private string WriteBody(Story story)
        {
            var kind = story.Kind;
            var v = story.Vars;
            string F(string template) => Capitalise(Fill(template, v));
            var outlet = story.Agency?.Name ?? "Masthead";

            var details = kind.Details.ToList();
            Shuffle(details);
            var p1Quotes = kind.P1Quotes.ToList();
            Shuffle(p1Quotes);

            var target = _rng.Next(6, 13);
            if (story.Agency is not null && target == 12)
            {
                target = 11;
            }
            var optional = target - 6;

            string InlineQuote(string quote) => _rng.Next(3) switch
            {
                0 => F($"\"{quote},\" said {{p1}}, {{p1role}}."),
                1 => F($"{{p1}}, {{p1role}}, said: \"{quote}.\""),
                _ => F($"\"{quote},\" {{p1}}, {{p1role}}, told {outlet}."),
            };

            var blocks = new List<string>
            {
                F(Pick(kind.Leads)),
                F(details[0]),
                InlineQuote(p1Quotes[0]),
                F(details[1]),
            };
            if (story.Figure is { } figure)
            {
                var caption = Caption(story, figure.Scene);
                var alt = (figure.Description ?? "Illustration").Replace('[', '(').Replace(']', ')');
                blocks.Add($"^^^\n![{alt}](/media/{figure.Image.FileName})\n^^^ {caption} {figure.Image.Credit}");
            }
            var subheads = kind.Subheads.ToList();
            Shuffle(subheads);
            if (target >= 8)
            {
                blocks.Add("## " + F(subheads[0]));
            }
            blocks.Add(F(Pick(DemoCorpus.CriticIntros)));
            var verb = _rng.Next(5) == 0 ? $"told {outlet}" : Pick(DemoCorpus.SpeechVerbs);
            blocks.Add(F($"> \"{Pick(kind.P2Quotes)},\" {{p2she}} {verb}.\n>\n> \u2014 {{p2}}, {{p2attr}}"));

            if (optional-- > 0)
            {
                var quote = Pick(story.Section.AnalystQuotes);
                var analystShe = story.Analyst.Female ? "she" : "he";
                blocks.Add(_rng.Next(4) switch
                {
                    0 => F($"\"{quote},\" said {{an}}, {{anrole}}."),
                    1 => F($"{{an}}, {{anrole}}, said the outcome would depend on what happens next. \"{quote},\" {analystShe} said."),
                    2 => F($"{{an}}, {{anrole}}, urged caution. \"{quote},\" {analystShe} said."),
                    _ => F($"For {{an}}, {{anrole}}, the picture is mixed. \"{quote},\" {analystShe} said."),
                });
            }
            if (optional-- > 0)
            {
                if (target >= 11)
                {
                    blocks.Add("## " + F(subheads[1]));
                }
                blocks.Add(F(Pick(story.Section.Context)));
            }
            if (optional-- > 0)
            {
                blocks.Add(F(details[2]));
            }
            if (optional-- > 0)
            {
                blocks.Add(F($"\"{p1Quotes[1]},\" {{p1last}} added."));
            }
            // The stock closing lines suit hard news, not match reports or reviews.
            var closer = story.Section.Slug is "world" or "politics" or "business" or "health" or "technology"
                ? Pick(DemoCorpus.Closers)
                : Pick(story.Section.Context.Where(c => !blocks.Contains(F(c))).ToList());
            if (optional-- > 0)
            {
                blocks.Add(details.Count > 3 ? F(details[3]) : F(closer));
            }
            if (optional-- > 0)
            {
                blocks.Add(F(closer));
            }
            blocks.Add(F(Pick(kind.Next)));
            if (story.Agency is { } source)
            {
                blocks.Add(_rng.Next(3) switch
                {
                    0 => $"*This story is based on reporting by {source.Name}.*",
                    1 => $"*{source.Name} contributed reporting.*",
                    _ => $"*Additional reporting by {source.Name}; edited by Masthead staff.*",
                });
            }
            return string.Join("\n\n", blocks) + "\n";
        }

        // ------------------------------------------------------------ comments

        private List<Commenter> MakeCommenters(int count)
        {
            var list = new List<Commenter>();
            var names = new HashSet<string>();
            var regions = DemoCorpus.Names.Keys.Order(StringComparer.Ordinal).ToList();
            while (list.Count < count)
            {
                var (women, men, family) = DemoCorpus.Names[Pick(regions)];
                var first = _rng.Next(2) == 0 ? Pick(women) : Pick(men);
                var last = Pick(family);
                var style = _rng.Next(10);
                var handle = Pick(DemoCorpus.Handles);
                var name = style switch
                {
                    < 5 => $"{first} {last}",
                    < 8 => $"{first} {last[0]}.",
                    _ => $"{handle}{_rng.Next(2, 99)}",
                };
                if (!names.Add(name))
                {
                    continue;
                }
                var local = Slugify(style < 8 ? $"{first}.{last}" : name).Replace('-', '.');
                var domain = _rng.Next(3) == 0 ? "example.org" : "example.com";
                var url = _rng.Next(100) < 15 ? $"https://{Slugify(style < 8 ? first + last : name)}.example/" : null;
                var ip = _rng.Next(3) switch
                {
                    0 => $"192.0.2.{_rng.Next(1, 255)}",
                    1 => $"198.51.100.{_rng.Next(1, 255)}",
                    _ => $"203.0.113.{_rng.Next(1, 255)}",
                };
                list.Add(new Commenter(name, style < 8 ? first : name, $"{local}{_rng.Next(1, 99)}@{domain}", url, ip, Pick(DemoCorpus.UserAgents)));
            }
            return list;
        }

        private Commenter PickCommenter()
        {
            // A few regulars write a lot of the comments.
            var u = _rng.NextDouble();
            return _commenters[(int)(u * u * u * _commenters.Count)];
        }

        private string CommentCore(Story story)
        {
            var roll = _rng.Next(100);
            if (story.Section.Slug is "sport" or "culture" or "science")
            {
                return roll < 55 ? Pick(story.Section.Comments) : Pick(DemoCorpus.UniversalCores);
            }
            return roll < 25 ? Pick(story.Section.Comments) : roll < 75 ? Pick(DemoCorpus.CommentCores) : Pick(DemoCorpus.UniversalCores);
        }

        private string CommentBody(Story story, Dictionary<string, string> vars, PlannedComment? parent)
        {
            vars["core"] = CommentCore(story);
            string text;
            if (parent is null)
            {
                text = $"{Pick(DemoCorpus.CommentOpeners)} {{core}}";
                if (_rng.Next(4) == 0)
                {
                    text += " " + CommentCore(story);
                }
                text += " " + Pick(DemoCorpus.CommentClosers);
            }
            else
            {
                vars["parent"] = parent.Comment.AuthorName;
                text = Pick(DemoCorpus.Replies);
            }
            return Capitalise(Fill(text, vars).Trim().Replace("..", ".", StringComparison.Ordinal));
        }

        public void WriteComments()
        {
            foreach (var story in Stories)
            {
                var article = story.Article;
                if (article.Status is ArticleStatus.Draft or ArticleStatus.Scheduled)
                {
                    continue;
                }
                var published = article.PublishedAt!.Value;
                var end = story.ClosedAt is { } closed && closed < now ? closed : now;
                if (article.Status == ArticleStatus.Withdrawn)
                {
                    end = article.ModifiedAt;
                }
                var roll = _rng.Next(100);
                var count = story.Hot ? _rng.Next(120, 201)
                    : roll < 10 ? 0
                    : roll < 84 ? _rng.Next(1, 13)
                    : roll < 97 ? _rng.Next(12, 36)
                    : _rng.Next(35, 71);
                var hours = (end - published).TotalHours;
                if (hours < 24)
                {
                    count = (int)(count * hours / 24);
                }

                var vars = new Dictionary<string, string>(story.Vars)
                {
                    ["subject"] = story.Kind.Subject,
                };
                var window = end - published;
                for (var i = 0; i < count; i++)
                {
                    var candidates = story.Comments.Where(c => c.Comment.Status == CommentStatus.Approved && c.Depth < MaxCommentDepth && end - c.Comment.CreatedAt > TimeSpan.FromMinutes(2)).ToList();
                    PlannedComment? parent = candidates.Count > 0 && _rng.Next(100) < 45 ? Pick(candidates) : null;
                    DateTime at;
                    if (parent is null)
                    {
                        var u = _rng.NextDouble();
                        at = published + TimeSpan.FromSeconds(Math.Max(60, window.TotalSeconds * Math.Pow(u, 2.6)));
                    }
                    else
                    {
                        var span = (end - parent.Comment.CreatedAt).TotalSeconds;
                        at = parent.Comment.CreatedAt + TimeSpan.FromSeconds(Math.Max(30, span * Math.Pow(_rng.NextDouble(), 4)));
                    }
                    at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
                    if (at >= end)
                    {
                        continue;
                    }

                    var statusRoll = _rng.Next(1000);
                    var status = parent is null && statusRoll < 25 ? CommentStatus.Spam
                        : statusRoll < 95 ? CommentStatus.Pending
                        : CommentStatus.Approved;
                    Comment comment;
                    if (status == CommentStatus.Spam)
                    {
                        var spammer = _rng.Next(1, 99);
                        comment = new Comment
                        {
                            AuthorName = Pick(["Best Deals", "Cheap Watches", "Crypto Coach", "Travel Promo", "Followers Fast"]) + $" {spammer}",
                            AuthorEmail = $"promo{spammer}@example.com",
                            AuthorUrl = $"https://{Pick(["cheap-deals", "fast-money", "best-offers", "promo-hub"])}.example/",
                            Body = Pick(DemoCorpus.SpamBodies),
                            IpAddress = $"198.51.100.{_rng.Next(1, 255)}",
                            UserAgent = "Mozilla/5.0 (compatible; bot/1.0)",
                        };
                    }
                    else
                    {
                        var who = PickCommenter();
                        for (var tries = 0; tries < 5 && parent is not null && who.Name == parent.Comment.AuthorName; tries++)
                        {
                            who = PickCommenter();
                        }
                        comment = new Comment
                        {
                            AuthorName = who.Name,
                            AuthorEmail = who.Email,
                            AuthorUrl = who.Url,
                            Body = Clip(CommentBody(story, vars, parent), 5000),
                            IpAddress = who.Ip,
                            UserAgent = who.UserAgent,
                        };
                    }
                    comment.Status = status;
                    comment.CreatedAt = at;
                    // As the comment form does: the filter decides at posting time; held comments wait for a moderator.
                    comment.ModeratedAt = status == CommentStatus.Pending ? null : at;
                    comment.FilterReason = status switch
                    {
                        CommentStatus.Spam => _rng.Next(5) < 3 ? $"classifier: {_rng.Next(90, 100)}% spam" : "blocklist: word",
                        CommentStatus.Pending => _rng.Next(10) < 7 ? "first comment" : $"classifier: {_rng.Next(50, 80)}% spam",
                        _ => null,
                    };
                    story.Comments.Add(new PlannedComment { Comment = comment, Parent = parent, Depth = parent is null ? 0 : parent.Depth + 1 });
                }

                story.Comments.Sort((a, b) => a.Comment.CreatedAt.CompareTo(b.Comment.CreatedAt));
                var approved = story.Comments.Where(c => c.Comment.Status == CommentStatus.Approved).ToList();
                if (approved.Count > 0 && article.Status == ArticleStatus.Published)
                {
                    var last = approved[^1].Comment.CreatedAt;
                    if (last > article.ModifiedAt)
                    {
                        article.ModifiedAt = last;
                    }
                }
            }
        }
    }
}
