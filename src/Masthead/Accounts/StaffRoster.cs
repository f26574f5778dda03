using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Accounts;

/// <summary>What became of a change to the staff list; pages translate it into a message.</summary>
public enum StaffOutcome
{
    Done,
    /// <summary>Input the rules refuse; <see cref="StaffResult.Errors"/> says which field and why.</summary>
    Invalid,
    NotFound,
    /// <summary>The change would leave the newsroom without an admin who can sign in.</summary>
    LastAdmin,
    /// <summary>An admin may not lock their own account.</summary>
    Self,
    /// <summary>The account has already accepted its invitation.</summary>
    NotInvited,
}

/// <summary>A field's name (as the form calls it) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);

public sealed record StaffResult(StaffOutcome Outcome, IReadOnlyList<FieldError> Errors, StaffUser? User = null)
{
    public bool Succeeded => Outcome == StaffOutcome.Done;

    public static StaffResult Of(StaffOutcome outcome) => new(outcome, []);

    /// <summary>Identity's errors, each placed beside the field it is about.</summary>
    public static StaffResult From(IdentityResult result) => new(StaffOutcome.Invalid, [.. result.Errors.Select(e => new FieldError(FieldOf(e.Code), e.Description))]);

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
        : code is "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" ? "Email"
        : code == "role" ? "Role"
        : "";
}

/// <summary>
/// The newsroom's staff: creating accounts (each with the author profile they write as), invitations, roles and
/// locks. Every change made by a member of staff is written to the audit log.
/// </summary>
public sealed class StaffRoster(MastheadDb db, UserManager<StaffUser> users, RoleManager<IdentityRole<int>> roles, SiteClock clock,
    AuditLog audit, AccountMail mail)
{
    public const int MaxNameLength = 100;
    public const string InvitationProvider = "Invitation";
    public const string InvitationPurpose = "accept-invitation";

    /// <summary>Any account in the admin role, locked or not: while there is none, /admin/setup is open.</summary>
    public Task<bool> AdminExistsAsync(CancellationToken ct = default)
    {
        var adminRole = roles.NormalizeKey(StaffRoles.Admin);
        return db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == adminRole), ct);
    }

    /// <summary>
    /// A new account and its author profile, in one transaction. Without a password the account is invited: it can
    /// sign in only after accepting the invitation.
    /// </summary>
    public async Task<StaffResult> CreateAsync(string email, string name, string role, string? password, CancellationToken ct = default)
    {
        email = (email ?? "").Trim();
        name = (name ?? "").Trim();
        var errors = new List<FieldError>();
        if (name.Length == 0)
        {
            errors.Add(new("Name", "Please enter the name."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new("Name", $"The name can be at most {MaxNameLength} characters."));
        }
        if (!StaffRoles.All.Contains(role))
        {
            errors.Add(new("Role", $"Unknown role '{role}'. Roles: {string.Join(", ", StaffRoles.All)}."));
        }
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 254)
        {
            errors.Add(new("Email", "Please enter a valid email address."));
        }
        if (errors.Count > 0)
        {
            return new StaffResult(StaffOutcome.Invalid, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole<int>(role));
        }
        var author = new Author { Slug = await UniqueAuthorSlugAsync(name, ct), Name = name, Email = email };
        db.Authors.Add(author);
        await db.SaveChangesAsync(ct);
        var now = clock.UtcNow;
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            DisplayName = name,
            AuthorId = author.Id,
            CreatedAt = now,
            InvitedAt = password is null ? now : null,
            EmailConfirmed = password is not null,
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }
        if (!created.Succeeded)
        {
            // The author row and the role above go too: nothing half-made is left behind.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return StaffResult.From(created);
        }
        await transaction.CommitAsync(ct);
        return new StaffResult(StaffOutcome.Done, [], user);
    }

    public Task<StaffUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email.Trim());

    /// <summary>
    /// An invited account (no password) for an author profile that already exists, e.g. a writer brought in by an
    /// import. Runs in the caller's transaction and sends nothing: the invitation is sent later from /admin/users.
    /// </summary>
    public async Task<StaffResult> CreateInvitedForAuthorAsync(Author author, string email, string role, CancellationToken ct = default)
    {
        email = (email ?? "").Trim();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 254)
        {
            return new StaffResult(StaffOutcome.Invalid, [new("Email", "Please enter a valid email address.")]);
        }
        if (!StaffRoles.All.Contains(role))
        {
            return new StaffResult(StaffOutcome.Invalid, [new("Role", $"Unknown role '{role}'.")]);
        }
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole<int>(role));
        }
        var now = clock.UtcNow;
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            DisplayName = author.Name.Length > MaxNameLength ? author.Name[..MaxNameLength] : author.Name,
            AuthorId = author.Id,
            CreatedAt = now,
            InvitedAt = now,
        };
        var created = await users.CreateAsync(user);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }
        ct.ThrowIfCancellationRequested();
        return created.Succeeded ? new StaffResult(StaffOutcome.Done, [], user) : StaffResult.From(created);
    }

    /// <summary>Creates an invited account and mails its invitation link.</summary>
    public async Task<StaffResult> InviteAsync(Staffer by, string email, string name, string role, CancellationToken ct = default)
    {
        var result = await CreateAsync(email, name, role, password: null, ct);
        if (result.User is not { } user)
        {
            return result;
        }
        await audit.RecordAsync(by.UserId, by.Name, "user.invited", "user", user.Id, $"{user.DisplayName} <{user.Email}> as {role}", ct);
        await mail.SendInvitationAsync(user, await users.GenerateUserTokenAsync(user, InvitationProvider, InvitationPurpose), by.Name, ct);
        return result;
    }

    /// <summary>A fresh invitation link; the links sent before stop working.</summary>
    public async Task<StaffResult> ResendInvitationAsync(Staffer by, int userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return StaffResult.Of(StaffOutcome.NotFound);
        }
        if (user.InvitedAt is null)
        {
            return StaffResult.Of(StaffOutcome.NotInvited);
        }
        await users.UpdateSecurityStampAsync(user);
        user.InvitedAt = clock.UtcNow;
        await users.UpdateAsync(user);
        await audit.RecordAsync(by.UserId, by.Name, "user.reinvited", "user", user.Id, $"{user.DisplayName} <{user.Email}>", ct);
        await mail.SendInvitationAsync(user, await users.GenerateUserTokenAsync(user, InvitationProvider, InvitationPurpose), by.Name, ct);
        return new StaffResult(StaffOutcome.Done, [], user);
    }

    public async Task<StaffResult> ChangeRoleAsync(Staffer by, int userId, string role, CancellationToken ct = default)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return new StaffResult(StaffOutcome.Invalid, [new("Role", "Please choose one of the roles.")]);
        }
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return StaffResult.Of(StaffOutcome.NotFound);
        }
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return new StaffResult(StaffOutcome.Done, [], user);
        }
        // The check and the change are one transaction (SQLite's writers take turns), so two admins demoting each
        // other at the same moment cannot both pass it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (role != StaffRoles.Admin && current.Contains(StaffRoles.Admin) && !await AnotherActiveAdminAsync(user.Id, ct))
        {
            return StaffResult.Of(StaffOutcome.LastAdmin);
        }
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole<int>(role));
        }
        var changed = await users.RemoveFromRolesAsync(user, current);
        if (changed.Succeeded)
        {
            changed = await users.AddToRoleAsync(user, role);
        }
        if (!changed.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return StaffResult.From(changed);
        }
        // Open sessions pick up the new role at their next security check (AccountsModule: every minute).
        audit.Add(by.UserId, by.Name, "user.role", "user", user.Id, $"{user.DisplayName}: {string.Join(", ", current)} \u2192 {role}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new StaffResult(StaffOutcome.Done, [], user);
    }

    /// <summary>
    /// Locks an account (it cannot sign in, and its open sessions end at their next check) or unlocks it, which also
    /// lifts a lockout after failed sign-in attempts.
    /// </summary>
    public async Task<StaffResult> SetLockedAsync(Staffer by, int userId, bool locked, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return StaffResult.Of(StaffOutcome.NotFound);
        }
        if (locked && user.Id == by.UserId)
        {
            return StaffResult.Of(StaffOutcome.Self);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (locked && await users.IsInRoleAsync(user, StaffRoles.Admin) && !await AnotherActiveAdminAsync(user.Id, ct))
        {
            return StaffResult.Of(StaffOutcome.LastAdmin);
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        audit.Add(by.UserId, by.Name, locked ? "user.locked" : "user.unlocked", "user", user.Id, $"{user.DisplayName} <{user.Email}>");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new StaffResult(StaffOutcome.Done, [], user);
    }

    /// <summary>Locked until the end of time: locked by an admin rather than by failed attempts.</summary>
    public static bool IsLockedByAdmin(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= 9999;

    /// <summary>An admin other than <paramref name="userId"/> who can still sign in (not locked by an admin).</summary>
    private async Task<bool> AnotherActiveAdminAsync(int userId, CancellationToken ct)
    {
        var adminRole = roles.NormalizeKey(StaffRoles.Admin);
        var admins = await db.Users.AsNoTracking()
            .Where(u => u.Id != userId && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == adminRole)))
            .Select(u => new { u.LockoutEnd, u.PasswordHash })
            .ToListAsync(ct);
        return admins.Any(a => !IsLockedByAdmin(a.LockoutEnd) && a.PasswordHash is not null);
    }

    /// <summary>The name's slug, or the slug with -2, -3 ... when another author already has it.</summary>
    public async Task<string> UniqueAuthorSlugAsync(string name, CancellationToken ct)
    {
        var stem = Slugs.From(name, 90);
        if (stem.Length == 0)
        {
            stem = "author";
        }
        var taken = await db.Authors.AsNoTracking().Where(a => a.Slug == stem || a.Slug.StartsWith(stem + "-")).Select(a => a.Slug).ToListAsync(ct);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }
        return slug;
    }
}
