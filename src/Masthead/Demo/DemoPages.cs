using Masthead.Articles;
using Masthead.Pages;

namespace Masthead.Demo;

public static partial class DemoContent
{
    /// <summary>The standing pages every newsroom has: who it is, and how it puts mistakes right.</summary>
    private static IEnumerable<SitePage> StandingPages(ArticleRenderer renderer, DateTime now)
    {
        SitePage Page(string title, string slug, int order, string description, string body) => new()
        {
            Title = title, Slug = slug, MenuOrder = order, SeoDescription = description, Status = SitePageStatus.Published,
            BodyMarkdown = body, BodyHtml = SitePageEditor.Render(renderer, body), CreatedAt = now.AddDays(-400), UpdatedAt = now.AddDays(-30),
        };
        yield return Page("About us", "about", 10, "Who we are, who pays for our journalism, and how to reach the newsroom.", """
            We are an independent newsroom reporting on the world, politics, business, technology, science, health, sport and culture.
            We republish copy from the agencies named on each story and add our own reporting, analysis and pictures.

            ## Who we answer to

            The editor-in-chief decides what we publish. No advertiser, owner or official sees a story before our readers do.

            ## Contact the newsroom

            Tips, corrections and complaints: **newsroom@example.com**. We read everything, and we reply to everything that asks for a reply.
            """);
        yield return Page("Corrections policy", "corrections-policy", 20, "How we correct mistakes, and where you can see what we corrected.", """
            We make mistakes, and when we do we say so. Every correction is added to the story it concerns, with the date and what was wrong,
            so a reader who saw the first version can tell what changed.

            1. **Factual errors** are corrected as soon as they are confirmed, and a note is added under the story.
            2. **Minor fixes** (a typo, a broken link) are made without a note.
            3. **Withdrawn stories** keep their address and explain why they were withdrawn.

            To report an error, write to **corrections@example.com** with the address of the story.
            """);
    }
}
