using Microsoft.AspNetCore.Identity;

namespace Masthead.Accounts;

/// <summary>A member of the newsroom who signs in to /admin. Readers never have accounts.</summary>
public class StaffUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
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

public static class StaffPolicies
{
    /// <summary>Comment moderation: editors and admins.</summary>
    public const string Moderate = "moderate";
}
