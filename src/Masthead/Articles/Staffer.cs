namespace Masthead.Articles;

/// <summary>How far a member of staff is trusted with stories, from least to most.</summary>
public enum StaffPower
{
    /// <summary>Writes drafts and submits them for review.</summary>
    Contributor = 0,
    /// <summary>Publishes their own stories.</summary>
    Author = 1,
    /// <summary>Edits and publishes any story.</summary>
    Editor = 2,
    Admin = 3,
}

/// <summary>Who is acting in the newsroom, as the editorial rules see them (no HTTP, no Identity types).</summary>
public sealed record Staffer(int UserId, string Name, int? AuthorId, StaffPower Power)
{
    public bool CanEditAny => Power >= StaffPower.Editor;

    /// <summary>The scheduler and other background work.</summary>
    public static readonly Staffer System = new(0, "Masthead", null, StaffPower.Admin);

    public bool IsSystem => UserId == 0;

    /// <summary>A story is a writer's own when they created it or are in its byline.</summary>
    public bool Owns(Article article) =>
        article.OwnerId == UserId || (AuthorId is { } author && article.Bylines.Any(b => b.AuthorId == author));

    public bool CanEdit(Article article) => CanEditAny || Owns(article);

    public bool CanPublish(Article article) => CanEditAny || (Power >= StaffPower.Author && Owns(article));
}
