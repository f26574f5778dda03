using System.Net;
using System.Net.Http.Headers;
using Masthead.IntegrationTests.Infrastructure;

namespace Masthead.IntegrationTests.Shared;

public sealed class SitePipelineTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    private readonly Newsroom _newsroom = new(app);

    [Fact]
    public async Task Unknown_path_gets_a_helpful_404_with_a_search_box_and_latest_stories()
    {
        var section = await _newsroom.SectionAsync();
        var story = await _newsroom.PublishAsync(section, "Latest thing that happened");

        var page = await app.GetPageAsync("/this/page/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(page.One(".not-found form[role=search] input[name=q]"));
        Assert.Contains(story.Path, page.All(".not-found .card-headline a").Select(a => a.GetAttribute("href")));
        Assert.Equal("noindex", page.One("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Health_check_answers_200_when_ready()
    {
        using var http = app.Http();
        var response = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_an_etag_and_answer_a_matching_if_none_match_with_304()
    {
        var section = await _newsroom.SectionAsync();
        var story = await _newsroom.PublishAsync(section, "Validators");
        using var http = app.Http();

        var first = await http.GetAsync(story.Path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            // The first revalidation may reach the page itself, the second the cached copy: both must answer 304.
            using var request = new HttpRequestMessage(HttpMethod.Get, story.Path);
            request.Headers.IfNoneMatch.Add(etag);
            var revalidated = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, story.Path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Pages_are_compressed_with_brotli_or_gzip_when_the_client_accepts_it()
    {
        using var http = app.Http();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task The_cache_keeps_one_copy_per_encoding_and_never_hands_one_client_another_clients_encoding()
    {
        using var http = app.Http();
        async Task<(string[] Encoding, string? ETag, byte[] Body)> GetAsync(string? acceptEncoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ([.. response.Content.Headers.ContentEncoding], response.Headers.ETag?.Tag, await response.Content.ReadAsByteArrayAsync());
        }

        // Filled by a Brotli client first, then asked for by clients that take gzip, or nothing compressed.
        var br = await GetAsync("br");
        var gzip = await GetAsync("gzip, deflate");
        var plain = await GetAsync(null);
        var refusesBrotli = await GetAsync("br;q=0, gzip");
        var brAgain = await GetAsync("gzip, deflate, br, zstd");

        Assert.Equal(["br"], br.Encoding);
        Assert.Equal(["gzip"], gzip.Encoding);
        Assert.Empty(plain.Encoding);
        Assert.StartsWith("<!DOCTYPE html>", System.Text.Encoding.UTF8.GetString(plain.Body), StringComparison.Ordinal);
        Assert.Equal(["gzip"], refusesBrotli.Encoding);
        Assert.Equal(["br"], brAgain.Encoding);
        // Each encoding is its own representation, with its own validator.
        Assert.Equal(3, new[] { br.ETag, gzip.ETag, plain.ETag }.Distinct().Count());
        using var decoded = new System.IO.Compression.BrotliStream(new MemoryStream(br.Body), System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(decoded);
        Assert.StartsWith("<!DOCTYPE html>", await text.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheet_is_fingerprinted_and_cached_for_a_year()
    {
        var page = await app.GetPageAsync("/");
        var href = page.One("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.css\?v=[A-Za-z0-9_-]+$", href);

        using var http = app.Http();
        var css = await http.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.True(css.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control was '{css.Headers.CacheControl}'");
    }

    [Fact]
    public async Task Every_page_type_has_a_canonical_link_and_security_headers()
    {
        var section = await _newsroom.SectionAsync();
        var author = await _newsroom.AuthorAsync();
        var tag = await _newsroom.TagAsync();
        var story = await _newsroom.PublishAsync(section, "Canonical everywhere", authors: [author], tags: [tag]);
        var day = story.PublishedAt!.Value;

        foreach (var path in new[] { "/", story.Path, section.Path, tag.Path, author.Path, $"/{day:yyyy}/{day:MM}/{day:dd}/", "/missing-page/" })
        {
            var page = await app.GetPageAsync(path);
            Assert.True(page.Canonical is not null, $"{path} has no canonical link");
            Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/'), page.Canonical);
            Assert.Equal("nosniff", page.Response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("default-src 'self'", page.Response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.NotNull(page.One("main#content h1"));
            Assert.NotNull(page.One("html[lang=en]"));
        }
    }
}
