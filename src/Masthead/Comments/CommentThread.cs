namespace Masthead.Comments;

/// <summary>
/// A comment as the article page shows it. <see cref="Held"/>: pending, shown only to its author. <see cref="Staff"/>:
/// written by a member of staff, marked as such for readers.
/// </summary>
public sealed record CommentView(int Id, int? ParentId, string AuthorName, string? AuthorUrl, string BodyHtml, DateTime CreatedAt, bool Held = false, bool Staff = false);

/// <summary>A comment with the replies under it, as the article page shows them.</summary>
public sealed class CommentThread(CommentView comment, int depth)
{
    public CommentView Comment { get; } = comment;
    public int Depth { get; } = depth;
    public List<CommentThread> Replies { get; } = [];

    /// <summary>
    /// Builds the threads from comments in display order (oldest first); replies to missing comments become
    /// top-level, and replies deeper than <paramref name="maxDepth"/> continue at that depth under the comment they answer.
    /// </summary>
    public static IReadOnlyList<CommentThread> Build(IReadOnlyList<CommentView> comments, int maxDepth)
    {
        var byId = new Dictionary<int, CommentThread>(comments.Count);
        var roots = new List<CommentThread>();
        foreach (var c in comments)
        {
            CommentThread node;
            var home = c.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent)
                ? parent.Depth < maxDepth ? parent : parent.Parent
                : null;
            if (home is not null)
            {
                node = new CommentThread(c, home.Depth + 1) { Parent = home };
                home.Replies.Add(node);
            }
            else
            {
                node = new CommentThread(c, 1);
                roots.Add(node);
            }
            byId[c.Id] = node;
        }
        return roots;
    }

    private CommentThread? Parent { get; init; }

    public int Count => 1 + Replies.Sum(r => r.Count);

    /// <summary>Initials for the generated avatar.</summary>
    public string Initials
    {
        get
        {
            var parts = Comment.AuthorName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length switch
            {
                0 => "?",
                1 => parts[0][..1].ToUpperInvariant(),
                _ => (parts[0][..1] + parts[^1][..1]).ToUpperInvariant(),
            };
        }
    }

    /// <summary>One of twelve avatar colours, stable for a name (never derived from the email, which stays private).</summary>
    public int Colour
    {
        get
        {
            var h = 0u;
            foreach (var ch in Comment.AuthorName)
            {
                h = h * 31 + ch;
            }
            return (int)(h % 12);
        }
    }
}
