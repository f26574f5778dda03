using Microsoft.AspNetCore.Identity;

namespace Masthead.Accounts;

/// <summary>A member of the newsroom who signs in to /admin. Readers never have accounts.</summary>
public class StaffUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    /// <summary>The public author profile this person writes as (bylines, bio, photo).</summary>
    public int? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set while the account waits for its invitation to be accepted (it has no password yet).</summary>
    public DateTime? InvitedAt { get; set; }
}

/// <summary>The newsroom's roles, from least to most trusted.</summary>
public static class StaffRoles
{
    /// <summary>Writes drafts and submits them for review.</summary>
    public const string Contributor = "contributor";
    /// <summary>Publishes their own stories.</summary>
    public const string Author = "author";
    /// <summary>Edits and publishes any story, moderates comments, manages sections and tags.</summary>
    public const string Editor = "editor";
    /// <summary>Users, roles and site settings.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Contributor, Author, Editor, Admin];
}

/// <summary>What each part of /admin needs; declared once in <see cref="AccountsModule"/>.</summary>
public static class StaffPolicies
{
    /// <summary>Any member of staff: write and submit drafts.</summary>
    public const string Write = "write";
    /// <summary>Publish (own stories for authors, any for editors): authors, editors and admins.</summary>
    public const string Publish = "publish";
    /// <summary>Edit and publish any story; manage sections and tags: editors and admins.</summary>
    public const string EditAny = "edit-any";
    /// <summary>Comment moderation: editors and admins.</summary>
    public const string Moderate = "moderate";
    /// <summary>Users, roles, settings, imports: admins.</summary>
    public const string Administer = "administer";
}
