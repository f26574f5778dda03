using Masthead.Data;

namespace Masthead.Shared;

/// <summary>
/// Records who did what in the newsroom. <see cref="Add"/> joins the caller's unit of work, so the entry is saved
/// in the same transaction as the change it describes, or not at all.
/// </summary>
public sealed class AuditLog(MastheadDb db, SiteClock clock)
{
    /// <param name="staffUserId">Null (or 0) for the system itself: the scheduler, the wire ingest.</param>
    public void Add(int? staffUserId, string staffName, string action, string targetType, int? targetId, string detail)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.UtcNow,
            StaffUserId = staffUserId is > 0 ? staffUserId : null,
            StaffName = Trim(staffName, 100),
            Action = Trim(action, 50),
            TargetType = Trim(targetType, 30),
            TargetId = targetId,
            Detail = Trim(detail, 500),
        });
    }

    /// <summary>Adds the entry and saves it on its own.</summary>
    public async Task RecordAsync(int? staffUserId, string staffName, string action, string targetType, int? targetId, string detail, CancellationToken ct = default)
    {
        Add(staffUserId, staffName, action, targetType, targetId, detail);
        await db.SaveChangesAsync(ct);
    }

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "\u2026";
}
