using Masthead.Comments;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Comments;

/// <summary>A site whose comment limits leave room for many posts from one test address; the limits have their own tests.</summary>
public class CommentsApp : MastheadApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Comments:HourlyLimit"] = "10000",
        ["Comments:PostsPerMinutePerAddress"] = "10000",
        ["Comments:ModeratorEmails:0"] = "desk@masthead.example",
    };

    public CommentOptions Options => Services.GetRequiredService<CommentOptions>();

    public static Dictionary<string, string> Typed(string comment = "A thoughtful reply.", string author = "Ruth Adler",
        string? email = null, string? url = null) => new()
    {
        ["comment"] = comment,
        ["author"] = author,
        ["email"] = email ?? $"{Guid.NewGuid():n}@example.com",
        ["url"] = url ?? "",
    };
}
