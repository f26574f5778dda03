using System.Net;
using Masthead.IntegrationTests.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Data;

/// <summary>A request opens the database at most once, only when it asks EF for something, and gives it back when done.</summary>
public sealed class OneConnectionPerRequestTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private readonly Newsroom _newsroom = new(app);

    /// <summary>Waits for the request's connections to be closed: the filter closes them after the page is written.</summary>
    private async Task<IReadOnlyList<ConnectionCounter.Opening>> ClosedAsync(string request)
    {
        for (var i = 0; i < 100 && app.Connections.For(request).Any(o => !o.Closed); i++)
        {
            await Task.Delay(50);
        }
        return app.Connections.For(request);
    }

    [Fact]
    public async Task A_page_of_many_queries_opens_the_database_once_and_closes_it_when_done()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Ferry timetable changes for winter");
        app.Queries.Reset();

        var page = await app.GetPageAsync(article.Path);
        var queries = app.Queries.Count;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(queries >= 3, $"the story page took {queries} queries");
        var opened = await ClosedAsync($"GET {article.Path}");
        Assert.Single(opened);
        Assert.True(opened[0].Closed, "the page's connection was still open after it was served");
    }

    [Fact]
    public async Task A_comment_post_asks_nothing_of_EF_and_opens_no_connection_but_a_form_shown_again_does()
    {
        var article = await _newsroom.PublishAsync(await _newsroom.SectionAsync(), "Harbour cranes return after repairs");
        using var reader = new Reader(app);

        var posted = await reader.CommentAsync(article.Path, CommentsApp.Typed("The cranes were missed."));

        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        Assert.Empty(app.Connections.For($"POST {article.Path}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.CountAsync(c => c.ArticleId == article.Id)));

        // Without a comment the form comes back with its message: the page around it is read, on one connection.
        var refused = await reader.CommentAsync(article.Path, CommentsApp.Typed(""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Please enter your comment!", refused.Body);
        var opened = await ClosedAsync($"POST {article.Path}");
        Assert.Single(opened);
        Assert.True(opened[0].Closed, "the form's connection was still open after it was served");
    }
}
