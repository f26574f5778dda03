using Masthead.Accounts;
using Masthead.Articles;
using Masthead.Data;
using Masthead.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Admin;

/// <summary>Each member of staff's own account: their name, password and the author profile readers see.</summary>
public sealed class AccountModel(MastheadDb db, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffRoster roster,
    AuditLog audit, SiteCache cache, IEnumerable<IArticleIndexer> indexers) : PageModel, IHasPageHead
{
    public const int MaxJobTitleLength = 100;
    public const int MaxBioLength = 1000;
    private const int PhotoChoices = 50;

    public sealed record PhotoChoice(int Id, string Label);

    public PageHead Head { get; } = new() { Title = "Your account", CanonicalPath = "/admin/account", NoIndex = true };

    // Nullable, so a field left empty is this page's to judge rather than an implicit "required".
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? JobTitle { get; set; }
    [BindProperty] public string? Bio { get; set; }
    /// <summary>The author photo; 0 for none.</summary>
    [BindProperty] public int PhotoId { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmNewPassword { get; set; }

    public string Email { get; private set; } = "";
    public string? AuthorPath { get; private set; }
    public bool TwoFactor { get; private set; }
    public IReadOnlyList<PhotoChoice> Photos { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var author = user.AuthorId is { } id ? await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        (DisplayName, JobTitle, Bio, PhotoId) = (user.DisplayName, author?.JobTitle ?? "", author?.Bio ?? "", author?.ImageId ?? 0);
        if (Request.Query.ContainsKey("welcome") && Notice is null)
        {
            Notice = "Welcome to the newsroom. Add a few words about yourself for your author page.";
        }
        await LoadAsync(user, author, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var (name, jobTitle, bio) = ((DisplayName ?? "").Trim(), (JobTitle ?? "").Trim(), (Bio ?? "").Trim().ReplaceLineEndings("\n"));
        (DisplayName, JobTitle, Bio) = (name, jobTitle, bio);
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(DisplayName), "Please enter your name.");
        }
        else if (name.Length > StaffRoster.MaxNameLength)
        {
            ModelState.AddModelError(nameof(DisplayName), $"Your name can be at most {StaffRoster.MaxNameLength} characters.");
        }
        if (jobTitle.Length > MaxJobTitleLength)
        {
            ModelState.AddModelError(nameof(JobTitle), $"The job title can be at most {MaxJobTitleLength} characters.");
        }
        if (bio.Length > MaxBioLength)
        {
            ModelState.AddModelError(nameof(Bio), $"The bio can be at most {MaxBioLength} characters; it has {bio.Length}.");
        }
        if (PhotoId != 0 && !await db.Images.AnyAsync(i => i.Id == PhotoId, ct))
        {
            ModelState.AddModelError(nameof(PhotoId), "That picture is no longer in the media library. Please choose another.");
        }
        var author = user.AuthorId is { } id ? await db.Authors.FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(user, author, ct);
        }
        if (author is null)
        {
            // Accounts made before every account had a profile get theirs now.
            author = new Author { Slug = await roster.UniqueAuthorSlugAsync(name, ct), Name = name, Email = user.Email };
            db.Authors.Add(author);
            await db.SaveChangesAsync(ct);
            user.AuthorId = author.Id;
        }
        var renamed = author.Name != name;
        (user.DisplayName, author.Name, author.JobTitle, author.Bio, author.ImageId) = (name, name, jobTitle, bio, PhotoId == 0 ? null : PhotoId);
        audit.Add(user.Id, name, "account.profile", "user", user.Id, $"{name}: profile updated");
        // One save for the account, its author profile and the audit entry; search finds stories by their bylines, so
        // a new name is indexed with them in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError(nameof(DisplayName), string.Join(" ", saved.Errors.Select(e => e.Description)));
            return await RefusedAsync(user, author, ct);
        }
        if (renamed)
        {
            await indexers.WordsChangedAsync(await db.Bylines.Where(b => b.AuthorId == author.Id).Select(b => b.ArticleId).ToListAsync(ct), ct);
        }
        await transaction.CommitAsync(ct);
        await signIn.RefreshSignInAsync(user);
        // Bylines and the author page show the name, bio and photo.
        await cache.EvictContentAsync(ct);
        Notice = "Your profile is saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Please enter your current password.");
        }
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Please choose a new password.");
        }
        else if (NewPassword != ConfirmNewPassword)
        {
            ModelState.AddModelError(nameof(ConfirmNewPassword), "The two new passwords are not the same.");
        }
        if (ModelState.IsValid)
        {
            var changed = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            var author = user.AuthorId is { } id ? await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) : null;
            (DisplayName, JobTitle, Bio, PhotoId) = (user.DisplayName, author?.JobTitle ?? "", author?.Bio ?? "", author?.ImageId ?? 0);
            return await RefusedAsync(user, author, ct);
        }
        await audit.RecordAsync(user.Id, user.DisplayName, "account.password", "user", user.Id, $"{user.DisplayName} changed their password", ct);
        // The new security stamp would end this session too at its next check; a fresh cookie keeps it.
        await signIn.RefreshSignInAsync(user);
        Notice = "Your password is changed.";
        return RedirectToPage();
    }

    private async Task<PageResult> RefusedAsync(StaffUser user, Author? author, CancellationToken ct)
    {
        await LoadAsync(user, author, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(StaffUser user, Author? author, CancellationToken ct)
    {
        (Email, AuthorPath, TwoFactor) = (user.Email ?? "", author?.Path, user.TwoFactorEnabled);
        var current = author?.ImageId;
        Photos = await db.Images.AsNoTracking()
            .Where(i => i.Id == current || db.Images.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(PhotoChoices).Select(x => x.Id).Contains(i.Id))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new PhotoChoice(i.Id, (i.OriginalName ?? i.FileName) + (i.AltText == "" ? "" : " \u2014 " + i.AltText)))
            .ToListAsync(ct);
    }
}
