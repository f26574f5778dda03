using System.Globalization;
using System.Xml;

// A synthetic WordPress export (WXR 1.2) of a chosen size, for timing `masthead import wxr`. The same arguments
// always give the same bytes: a fixed seed, fixed dates, no clock.
//   dotnet run -c Release --project bench/WxrGenerator -- --posts 2000 --comments 20000 --out /tmp/wxr-2000.xml
var posts = 2000;
var comments = 20000;
var pages = 10;
var output = "wxr-synthetic.xml";
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--posts": posts = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--comments": comments = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--pages": pages = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--out": output = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

const string Site = "http://synthetic.example";
const string Wp = "http://wordpress.org/export/1.2/";
var random = new Random(20261127);
string[] words = ["harbour", "council", "ferry", "storm", "school", "budget", "market", "festival", "road", "bridge", "hospital",
    "library", "museum", "fishing", "island", "quay", "weather", "planning", "housing", "transport", "election", "match", "league",
    "concert", "theatre", "river", "coast", "lighthouse", "tourism", "business", "farm", "police", "court", "fire", "rescue", "volunteer"];
string[] sections = ["news", "sport", "business", "opinion", "culture", "harbour", "weather", "politics"];
var authorCount = 12;
var start = new DateTime(2018, 1, 1, 8, 0, 0, DateTimeKind.Utc);

// News text has a long tail of rare words (names, places); without it every story would match every other one and
// the related-stories and search work would be unrealistically heavy. Made-up words, drawn with a Zipf-like skew.
string[] syllables = ["ka", "lo", "mer", "tin", "ba", "ros", "vel", "din", "sha", "pur", "gen", "tal", "mo", "ri", "zan", "fe", "cor", "lun"];
var vocabulary = words.Concat(Enumerable.Range(0, 4000).Select(n =>
    string.Concat(syllables[n % syllables.Length], syllables[n / syllables.Length % syllables.Length], syllables[n / 324 % syllables.Length], n < 324 ? "" : "s"))).Distinct().ToArray();
string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2.5))]));
string Sentence() { var s = Words(random.Next(8, 20)); return char.ToUpperInvariant(s[0]) + s[1..] + "."; }
static string Date(DateTime d) => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
writer.WriteStartDocument();
writer.WriteStartElement("rss");
writer.WriteAttributeString("version", "2.0");
writer.WriteAttributeString("xmlns", "excerpt", null, "http://wordpress.org/export/1.2/excerpt/");
writer.WriteAttributeString("xmlns", "content", null, "http://purl.org/rss/1.0/modules/content/");
writer.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
writer.WriteAttributeString("xmlns", "wp", null, Wp);
writer.WriteStartElement("channel");
writer.WriteElementString("title", "Synthetic Gazette");
writer.WriteElementString("link", Site);
writer.WriteElementString("wp", "wxr_version", Wp, "1.2");
writer.WriteElementString("wp", "base_site_url", Wp, Site);
writer.WriteElementString("wp", "base_blog_url", Wp, Site);
for (var a = 1; a <= authorCount; a++)
{
    writer.WriteStartElement("wp", "author", Wp);
    writer.WriteElementString("wp", "author_id", Wp, a.ToString(CultureInfo.InvariantCulture));
    writer.WriteElementString("wp", "author_login", Wp, $"writer{a}");
    writer.WriteElementString("wp", "author_email", Wp, $"writer{a}@synthetic.example");
    writer.WriteElementString("wp", "author_display_name", Wp, $"Writer Number{a}");
    writer.WriteEndElement();
}
foreach (var (section, index) in sections.Select((s, i) => (s, i)))
{
    writer.WriteStartElement("wp", "category", Wp);
    writer.WriteElementString("wp", "term_id", Wp, (index + 1).ToString(CultureInfo.InvariantCulture));
    writer.WriteElementString("wp", "category_nicename", Wp, section);
    writer.WriteElementString("wp", "cat_name", Wp, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(section));
    writer.WriteEndElement();
}
foreach (var word in words)
{
    writer.WriteStartElement("wp", "tag", Wp);
    writer.WriteElementString("wp", "tag_slug", Wp, word);
    writer.WriteElementString("wp", "tag_name", Wp, word);
    writer.WriteEndElement();
}

var id = 1;
var commentId = 1;
void Item(string type, string title, string slug, string link, DateTime date, string status, string body, Action? extra)
{
    writer.WriteStartElement("item");
    writer.WriteElementString("title", title);
    writer.WriteElementString("link", link);
    writer.WriteElementString("dc", "creator", "http://purl.org/dc/elements/1.1/", $"writer{random.Next(1, authorCount + 1)}");
    writer.WriteStartElement("content", "encoded", "http://purl.org/rss/1.0/modules/content/");
    writer.WriteCData(body);
    writer.WriteEndElement();
    writer.WriteStartElement("excerpt", "encoded", "http://wordpress.org/export/1.2/excerpt/");
    writer.WriteCData(type == "post" ? Sentence() : "");
    writer.WriteEndElement();
    writer.WriteElementString("wp", "post_id", Wp, id.ToString(CultureInfo.InvariantCulture));
    writer.WriteElementString("wp", "post_date", Wp, Date(date));
    writer.WriteElementString("wp", "post_date_gmt", Wp, Date(date));
    writer.WriteElementString("wp", "post_modified_gmt", Wp, Date(date.AddHours(random.Next(0, 48))));
    writer.WriteElementString("wp", "comment_status", Wp, "open");
    writer.WriteElementString("wp", "post_name", Wp, slug);
    writer.WriteElementString("wp", "status", Wp, status);
    writer.WriteElementString("wp", "post_type", Wp, type);
    extra?.Invoke();
    writer.WriteEndElement();
    id++;
}

for (var p = 0; p < pages; p++)
{
    var title = $"About {Words(2)} {p}";
    Item("page", title, $"page-{p}-{words[p % words.Length]}", $"{Site}/?page_id={id}", start.AddDays(p), "publish",
        string.Join("\n\n", Enumerable.Range(0, 4).Select(_ => $"<!-- wp:paragraph --><p>{Sentence()}</p><!-- /wp:paragraph -->")), null);
}

// Comments are spread evenly, the remainder on the first posts; about a third reply to an earlier comment.
for (var p = 0; p < posts; p++)
{
    var date = start.AddHours(p * 7 + random.Next(0, 5));
    var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Words(random.Next(5, 10)));
    var slug = $"{title.ToLowerInvariant().Replace(' ', '-')}-{p}";
    var body = string.Join("\n\n", Enumerable.Range(0, random.Next(4, 10)).Select(_ => $"<!-- wp:paragraph -->\n<p>{Sentence()} {Sentence()} {Sentence()}</p>\n<!-- /wp:paragraph -->"));
    var count = comments / Math.Max(1, posts) + (p < comments % Math.Max(1, posts) ? 1 : 0);
    var status = p % 50 == 49 ? "draft" : "publish";
    Item("post", title, slug, $"{Site}/{date:yyyy}/{date:MM}/{slug}/", date, status, body, () =>
    {
        writer.WriteStartElement("category");
        writer.WriteAttributeString("domain", "category");
        var section = sections[random.Next(sections.Length)];
        writer.WriteAttributeString("nicename", section);
        writer.WriteCData(section);
        writer.WriteEndElement();
        foreach (var tag in Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]).Distinct())
        {
            writer.WriteStartElement("category");
            writer.WriteAttributeString("domain", "post_tag");
            writer.WriteAttributeString("nicename", tag);
            writer.WriteCData(tag);
            writer.WriteEndElement();
        }
        var first = commentId;
        for (var c = 0; c < count; c++)
        {
            writer.WriteStartElement("wp", "comment", Wp);
            writer.WriteElementString("wp", "comment_id", Wp, commentId.ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("wp", "comment_author", Wp, $"Reader {random.Next(1, 500)}");
            writer.WriteElementString("wp", "comment_author_email", Wp, $"reader{random.Next(1, 500)}@readers.example");
            writer.WriteElementString("wp", "comment_author_url", Wp, "");
            writer.WriteElementString("wp", "comment_author_IP", Wp, $"192.0.2.{random.Next(1, 255)}");
            writer.WriteElementString("wp", "comment_date_gmt", Wp, Date(date.AddMinutes(10 + c * 13)));
            writer.WriteElementString("wp", "comment_content", Wp, Sentence());
            writer.WriteElementString("wp", "comment_approved", Wp, random.Next(10) == 0 ? "0" : "1");
            writer.WriteElementString("wp", "comment_type", Wp, "comment");
            var parent = c > 0 && random.Next(3) == 0 ? random.Next(first, commentId) : 0;
            writer.WriteElementString("wp", "comment_parent", Wp, parent.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            commentId++;
        }
    });
}
writer.WriteEndElement();
writer.WriteEndElement();
writer.WriteEndDocument();
writer.Flush();
Console.WriteLine($"{output}: {posts} posts, {commentId - 1} comments, {pages} pages, {authorCount} authors");
return 0;
