using Masthead;
using Masthead.Accounts;
using Masthead.Admin;
using Masthead.Articles;
using Masthead.Comments;
using Masthead.Data;
using Masthead.Feeds;
using Masthead.Import;
using Masthead.Mail;
using Masthead.Media;
using Masthead.Pages;
using Masthead.Search;
using Masthead.Seo;
using Masthead.Shared;
using Masthead.Syndication;

// Machine-readable output (URLs, feeds, sitemaps) must not follow the server's locale; pages format dates explicitly.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;

NativeHeap.LimitArenas();

// The command line decides what runs: the site (the default) or a one-off command such as --help.
var cli = MastheadCommandLine.Parse(args);
if (cli.OnlyPrints)
{
    return await cli.InvokeAsync();
}

var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.Configuration.AddInMemoryCollection(cli.Settings);

// Each feature registers what it needs in one small file.
builder.Services.AddRazorPages(o =>
{
    // Every newsroom page needs a signed-in staff member; pages add their role on top.
    o.Conventions.AuthorizeFolder("/Admin", Masthead.Accounts.StaffPolicies.Write);
    o.Conventions.AllowAnonymousToPage("/Admin/Login");
    o.Conventions.AllowAnonymousToPage("/Admin/Denied");
    o.Conventions.AllowAnonymousToPage("/Admin/LoginTwoFactor");
    o.Conventions.AllowAnonymousToPage("/Admin/Setup");
    o.Conventions.AllowAnonymousToPage("/Admin/Invitation");
    o.Conventions.AllowAnonymousToPage("/Admin/ForgotPassword");
    o.Conventions.AllowAnonymousToPage("/Admin/ResetPassword");
    // The editor answers both /admin/articles/new and /admin/articles/{id}.
    o.Conventions.AddPageRoute("/Admin/ArticleEditor", "admin/articles/{id:int}");
}).WithRazorPagesAtContentRoot();
builder.AddSite();
builder.AddData();
builder.AddArticles();
builder.AddAccounts();
builder.AddMail();
builder.AddComments();
builder.AddFeeds();
builder.AddSearch();
builder.AddImport();
builder.AddSyndication();
builder.AddMedia();
builder.AddSitePages();
builder.AddAdminDesk();

var app = builder.Build();

// The schema is migrated (and demo content added when asked), then the settings saved in the newsroom override the
// configuration files. That runs on a pool thread while this one puts the request pipeline together below: a start
// is mostly one busy thread, and a cold start is shorter when the second core takes the database. No command runs,
// and the server does not start (no request, no background service), before it is done; a failure stops the start.
var prepared = Task.Run(async () =>
{
    await app.Services.InitializeDatabaseAsync(app.Configuration, app.Lifetime.ApplicationStopping);
    await app.Services.ApplySiteSettingsAsync(app.Lifetime.ApplicationStopping);
});
if (cli.Command is { } command)
{
    await prepared;
    var exitCode = await command(app.Services, app.Lifetime.ApplicationStopping);
    // A command that filled the database leaves it analyzed, so the site started on it plans well from its first request.
    if (exitCode == 0)
    {
        await Masthead.Data.Sqlite.SqliteStatistics.RefreshAsync(app.Services, app.Lifetime.ApplicationStopping);
    }
    return exitCode;
}

// Behind a reverse proxy, the reader's address and scheme come from X-Forwarded-For/-Proto (trusted proxies only:
// loopback by default, more under ForwardedHeaders:KnownProxies), so per-address limits and blocklists see readers.
app.UseSiteForwardedHeaders();
// Headers every answer carries, before anything can short-circuit.
app.UseSecurityHeaders();
// Error answers without a body re-run as a page that explains them; 404 offers a search box and the latest stories.
app.UseStatusCodePagesWithReExecute("/status/{0}");
// Staff sign in with a cookie; /admin requires it.
app.UseAuthentication();
app.UseAuthorization();
// What the public can post (comments, sign-in attempts) is limited per address before any work is done.
app.UseRateLimiter();
// WordPress's /?p=ID addresses of imported stories, before the front page's cache could answer them.
app.UseLegacyRedirects();
// A comment post larger than any comment is refused before it is read.
app.UseCommentPostLimit();
// Public pages come from the output cache; it answers If-None-Match / If-Modified-Since with 304 itself. It keeps
// pages as sent, compressed, one copy per encoding: a hit costs no compression.
app.UseOutputCache();
// On a cache miss the page is rendered once; give it a validator (of the bytes as sent, so each encoding has its own)
// so the cached copy can answer 304s.
app.UseContentValidators();
app.UseResponseCompression();

app.UseSiteAssets();
app.MapMedia();
// Old WordPress upload addresses of imported pictures, once their files have been fetched.
app.MapOldUploadAddresses();
app.MapGet("/healthz", () => TypedResults.Text("ok"));
app.MapComments();
app.MapCommentFeeds();
app.MapFeeds();
app.MapSeo();
app.MapRazorPages();

await prepared;
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
