using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Pages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Pages;

/// <summary>Standing pages as the newsroom writes them at /admin/pages and readers find them at /slug/.</summary>
/// <remarks>On <see cref="Admin.NewsroomApp"/>: many sign-ins come from one test address.</remarks>
public sealed class SitePagesTests(Admin.NewsroomApp app) : IClassFixture<Admin.NewsroomApp>
{
    private async Task<Reader> SignedInAsync(string role)
    {
        var staff = new Reader(app);
        await Staff.SignInAsync(staff, await Staff.CreateAsync(app, role));
        return staff;
    }

    private static (string, string)[] Fields(string title, string slug, string body = "Some text.", string status = "draft", string order = "0",
        string parent = "", string description = "") =>
        [("Input.Title", title), ("Input.Slug", slug), ("Input.Body", body), ("Input.Status", status), ("Input.MenuOrder", order),
         ("Input.ParentId", parent), ("Input.SeoDescription", description)];

    private static int IdOf(FetchedPage saved)
    {
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"The save answered {saved.Status}: {saved.Document.QuerySelector(".notice-error")?.TextContent}");
        return int.Parse(saved.Location()["/admin/pages/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CreateAsync(Reader staff, params (string, string)[] fields) =>
        IdOf(await staff.SubmitAsync("/admin/pages/new", "form.site-page-form", fields));

    [Fact]
    public async Task A_draft_is_hidden_from_readers_until_published_then_it_joins_the_footer_and_the_sitemap()
    {
        using var author = await SignedInAsync(StaffRoles.Author);
        var slug = Newsroom.Unique("contact");
        var title = $"Contact {slug[8..]}";
        var id = await CreateAsync(author, Fields(title, slug, "Write to **us**.\n\n<script>alert('x')</script>\n\n<p onclick=\"steal()\">Or call.</p>"));

        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{slug}/")).Status);
        // Cached copies made before publication must not outlive it.
        var before = await app.GetPageAsync("/");
        Assert.DoesNotContain(before.All(".site-footer a"), a => a.GetAttribute("href") == $"/{slug}/");

        var published = await author.SubmitAsync($"/admin/pages/{id}", "form.site-page-form", ("Input.Status", "published"), ("Input.SeoDescription", "How to reach the newsroom."));
        Assert.Equal(HttpStatusCode.Redirect, published.Status);

        var page = await app.GetPageAsync($"/{slug}/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(title, page.Text("h1"));
        Assert.Contains("<strong>us</strong>", page.One(".site-page-body")!.InnerHtml);
        Assert.Contains("Or call.", page.Text(".site-page-body"));
        Assert.Empty(page.All(".site-page-body script"));
        Assert.Null(page.One(".site-page-body [onclick]"));
        Assert.EndsWith($"/{slug}/", page.Canonical);
        Assert.Equal("How to reach the newsroom.", page.One("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal(title, page.One("meta[property='og:title']")?.GetAttribute("content"));
        Assert.EndsWith($"/{slug}/", page.One("meta[property='og:url']")?.GetAttribute("content"));

        var front = await app.GetPageAsync("/");
        Assert.Contains(front.All(".site-footer .footer-pages a"), a => a.GetAttribute("href") == $"/{slug}/" && a.TextContent.Trim() == title);
        using var http = app.Http();
        Assert.Contains("/sitemaps/pages.xml</loc>", await http.GetStringAsync("/sitemap.xml"));
        var sitemap = await http.GetStringAsync("/sitemaps/pages.xml");
        Assert.Contains($"/{slug}/</loc>", sitemap);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetType == "page" && e.TargetId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["page.created", "page.published"], audit);
    }

    [Fact]
    public async Task Pages_are_listed_in_the_footer_in_menu_order()
    {
        using var editor = await SignedInAsync(StaffRoles.Editor);
        var (late, early) = (Newsroom.Unique("late"), Newsroom.Unique("early"));
        await CreateAsync(editor, Fields($"Late {late}", late, status: "published", order: "9000"));
        await CreateAsync(editor, Fields($"Early {early}", early, status: "published", order: "-9000"));

        var links = (await app.GetPageAsync("/")).All(".site-footer .footer-pages a").Select(a => a.GetAttribute("href")).ToList();

        Assert.True(links.IndexOf($"/{early}/") is >= 0 and var e && links.IndexOf($"/{late}/") > e, string.Join(", ", links));
        var list = await editor.OpenAsync("/admin/pages");
        Assert.Contains(list.All(".site-page-list a"), a => a.TextContent.Trim() == $"Early {early}");
    }

    [Fact]
    public async Task Changing_a_published_pages_address_keeps_the_old_one_as_a_permanent_redirect()
    {
        using var author = await SignedInAsync(StaffRoles.Author);
        var (old, renamed, child) = (Newsroom.Unique("ethics"), Newsroom.Unique("standards"), Newsroom.Unique("sources"));
        var id = await CreateAsync(author, Fields("Ethics", old, status: "published"));
        var childId = await CreateAsync(author, Fields("Anonymous sources", child, status: "published", parent: id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/{old}/{child}/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{child}/")).Status);

        var saved = await author.SubmitAsync($"/admin/pages/{id}", "form.site-page-form", ("Input.Slug", renamed));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var moved = await app.GetPageAsync($"/{old}/");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        Assert.Equal($"/{renamed}/", moved.Location());
        var movedChild = await app.GetPageAsync($"/{old}/{child}/");
        Assert.Equal(HttpStatusCode.MovedPermanently, movedChild.Status);
        Assert.Equal($"/{renamed}/{child}/", movedChild.Location());
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/{renamed}/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/{renamed}/{child}/")).Status);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "page.updated" && e.TargetId == id));
        Assert.Contains($"address /{old}/ \u2192 /{renamed}/", entry.Detail);

        // Moving back makes the address the page's own again, with no redirect in the way.
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync($"/admin/pages/{id}", "form.site-page-form", ("Input.Slug", old))).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/{old}/")).Status);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await app.GetPageAsync($"/{renamed}/")).Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Redirects.CountAsync(r => r.Path == $"/{old}/")));
        Assert.NotEqual(0, childId);
    }

    [Theory]
    [InlineData("", "any", "0", "Title", "Enter a title.")]
    [InlineData("Feeds", "feed", "0", "Slug", "The address /feed/ belongs to the site itself; choose another.")]
    [InlineData("Sections", "section", "0", "Slug", "The address /section/ belongs to the site itself; choose another.")]
    [InlineData("A year", "2026", "0", "Slug", "An address of digits only (/2026/) is read as a year of the archive; add a word.")]
    [InlineData("Ordered", "ordered", "first", "MenuOrder", "Enter a whole number between -10000 and 10000 (lower comes first).")]
    public async Task Bad_input_is_refused_beside_its_field_and_nothing_is_saved(string title, string slug, string order, string field, string message)
    {
        using var author = await SignedInAsync(StaffRoles.Author);
        var marker = Newsroom.Unique("bad");
        var typedSlug = slug == "any" || slug == "ordered" ? $"{slug}-{marker}" : slug;

        var refused = await author.SubmitAsync("/admin/pages/new", "form.site-page-form", Fields(title, typedSlug, body: marker, order: order));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(message, refused.Text($"#{field}-error"));
        Assert.Equal("true", refused.One($"#{field}")?.GetAttribute("aria-invalid"));
        // What was typed is kept for correction.
        Assert.Equal(marker, refused.One("#Body")?.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.SitePages.CountAsync(p => p.BodyMarkdown == marker)));
    }

    [Fact]
    public async Task A_second_page_cannot_take_an_address_already_used_and_the_first_is_unchanged()
    {
        using var author = await SignedInAsync(StaffRoles.Author);
        var slug = Newsroom.Unique("advertise");
        var id = await CreateAsync(author, Fields("Advertise", slug, status: "published"));

        var refused = await author.SubmitAsync("/admin/pages/new", "form.site-page-form", Fields("Advertise with us", slug));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal($"Another page already uses the address \u201c{slug}\u201d.", refused.Text("#Slug-error"));
        Assert.Equal("Advertise", (await app.GetPageAsync($"/{slug}/")).Text("h1"));
        Assert.Equal(1, await app.WithDbAsync(db => db.SitePages.CountAsync(p => p.Slug == slug && p.Id == id)));
    }

    [Fact]
    public async Task Pages_nest_one_level_and_a_page_with_pages_under_it_stays_at_the_top()
    {
        using var author = await SignedInAsync(StaffRoles.Author);
        var top = await CreateAsync(author, Fields("Top", Newsroom.Unique("top")));
        var middle = await CreateAsync(author, Fields("Middle", Newsroom.Unique("middle"), parent: $"{top}"));
        var other = await CreateAsync(author, Fields("Other", Newsroom.Unique("other")));

        var tooDeep = await author.SubmitAsync("/admin/pages/new", "form.site-page-form", Fields("Bottom", Newsroom.Unique("bottom"), parent: $"{middle}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooDeep.Status);
        Assert.Equal("Pages nest one level deep: choose a top-level page.", tooDeep.Text("#ParentId-error"));

        var parentWithChildren = await author.SubmitAsync($"/admin/pages/{top}", "form.site-page-form", ("Input.ParentId", $"{other}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, parentWithChildren.Status);
        Assert.Equal("This page has pages under it, so it stays at the top level.", parentWithChildren.Text("#ParentId-error"));
        Assert.Null(await app.WithDbAsync(db => db.SitePages.Where(p => p.Id == top).Select(p => p.ParentId).SingleAsync()));

        var refusedDelete = await author.SubmitAsync($"/admin/pages/{top}", "form.delete-form");
        Assert.Equal(HttpStatusCode.Conflict, refusedDelete.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync($"/admin/pages/{middle}", "form.delete-form")).Status);
        Assert.False(await app.WithDbAsync(db => db.SitePages.AnyAsync(p => p.Id == middle)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "page.deleted" && e.TargetId == middle)));
    }

    [Fact]
    public async Task The_page_route_leaves_the_sites_own_addresses_alone()
    {
        using var author = await SignedInAsync(StaffRoles.Author);
        var slug = Newsroom.Unique("about");
        await CreateAsync(author, Fields("About", slug, status: "published"));
        using var http = app.Http();

        var feed = await http.GetAsync("/feed/");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("xml", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/search?q=harbour")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/robots.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/sitemap.xml")).StatusCode);
        var newsroom = new Newsroom(app);
        var article = await newsroom.PublishAsync(await newsroom.SectionAsync(), "Dated addresses still work");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(article.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/{article.PublishedAt!.Value.Year}/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/section/{(await app.WithDbAsync(db => db.Sections.Where(x => x.Id == article.SectionId).Select(x => x.Slug).SingleAsync()))}/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/css/site.css")).StatusCode);
        var unknown = await app.GetPageAsync($"/{Newsroom.Unique("nothing")}/");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("couldn\u2019t find", unknown.Text("h1"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{slug}/{Newsroom.Unique("child")}/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/{slug}")).Status);
    }

    [Fact]
    public async Task A_storys_one_segment_wordpress_permalink_still_leads_to_it_through_the_page_route()
    {
        // WordPress sites with /%postname%/ permalinks leave story addresses shaped like page addresses.
        var newsroom = new Newsroom(app);
        var article = await newsroom.PublishAsync(await newsroom.SectionAsync(), "Filed under a postname permalink");
        var old = Newsroom.Unique("postname");
        await app.WithDbAsync(async db =>
        {
            db.Redirects.Add(new Masthead.Articles.Redirect { Path = $"/{old}/", ArticleId = article.Id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var moved = await app.GetPageAsync($"/{old}/");

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        Assert.Equal(article.Path, moved.Location());
    }

    [Fact]
    public async Task Contributors_do_not_see_the_pages_desk()
    {
        using var contributor = await SignedInAsync(StaffRoles.Contributor);
        var desk = await contributor.OpenAsync("/admin");
        Assert.DoesNotContain(desk.All(".admin-nav a"), a => a.GetAttribute("href") == "/admin/pages");
        using var author = await SignedInAsync(StaffRoles.Author);
        Assert.Contains((await author.OpenAsync("/admin")).All(".admin-nav a"), a => a.GetAttribute("href") == "/admin/pages");
    }
}
