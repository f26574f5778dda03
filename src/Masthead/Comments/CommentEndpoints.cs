using Masthead.Data;
using Masthead.Data.Sqlite;
using Masthead.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Comments;

public static class CommentEndpoints
{
    public static void MapComments(this WebApplication app)
    {
        // A story's page is cached as the same bytes for every reader, so its comment form carries no tokens; the
        // form's script asks here when a reader starts writing (a page view alone signs nothing). Never cached, and
        // same-origin only: without CORS another site cannot read the answer, so the antiforgery check still holds;
        // a request a browser marks as cross-site is refused outright.
        app.MapGet(CommentsModule.FormTokensPath + "/{articleId:int:min(1)}", async (int articleId, HttpContext context, PreparedReads reads,
            CommentOptions options, SiteClock clock, CancellationToken ct) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Headers["Sec-Fetch-Site"] == "cross-site")
            {
                return Results.Json(new { message = "Comment forms are only filled in on this site." }, statusCode: StatusCodes.Status403Forbidden);
            }
            if (await CommentStory.ByIdAsync(reads, articleId, ct) is not { } story || !story.TakesComments(clock.UtcNow, options))
            {
                return Results.Json(new { message = CommentMessages.Closed }, statusCode: StatusCodes.Status404NotFound);
            }
            var tokens = CommentFormTokens.Issue(context, articleId);
            return Results.Json(new { antiforgery = tokens.Antiforgery, token = tokens.Form });
        });

        // One click from the email (RFC 8058 sends a POST); the signed token is the only authority needed.
        app.MapPost("/comments/unsubscribe/{token}", async (string token, UnsubscribeToken tokens, MastheadDb db, CancellationToken ct) =>
        {
            if (tokens.EmailFrom(token) is not { } email)
            {
                return Results.Content(UnsubscribePage("This link is not valid any more. Reply notifications can be turned off from any later email."), "text/html", statusCode: 400);
            }
            await db.Comments.Where(c => c.AuthorEmail == email && c.NotifyReplies).ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifyReplies, false), ct);
            return Results.Content(UnsubscribePage("You will get no more emails about replies to your comments."), "text/html");
        }).DisableAntiforgery();

        app.MapGet("/comments/unsubscribe/{token}", (string token, UnsubscribeToken tokens) => tokens.EmailFrom(token) is null
            ? Results.Content(UnsubscribePage("This link is not valid any more."), "text/html", statusCode: 400)
            : Results.Content(UnsubscribePage("Stop emails about replies to your comments?",
                $"<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>"), "text/html"));
    }

    private static string UnsubscribePage(string message, string extra = "") =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<meta name=\"robots\" content=\"noindex\"><title>Reply notifications</title></head><body><main><h1>Reply notifications</h1>" +
        $"<p>{System.Net.WebUtility.HtmlEncode(message)}</p>{extra}<p><a href=\"/\">Back to the front page</a></p></main></body></html>";
}
