using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace Masthead.Accounts;

/// <summary>
/// "Forgot your password?": a reset link by mail to an account that can use it. Whoever asks learns nothing about
/// whether the address has an account, and one account gets at most one link per <see cref="Interval"/>, however
/// many addresses ask, so nobody can fill a colleague's inbox with them.
/// </summary>
public sealed class PasswordResets(UserManager<StaffUser> users, AccountMail mail, TimeProvider time, PasswordResets.Throttle throttle)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task RequestAsync(string email, CancellationToken ct = default)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        // Invited accounts accept their invitation instead; locked ones stay locked.
        if (user is null || user.InvitedAt is not null || StaffRoster.IsLockedByAdmin(user.LockoutEnd) || !throttle.TryTake(user.Id, time.GetUtcNow()))
        {
            return;
        }
        await mail.SendPasswordResetAsync(user, await users.GeneratePasswordResetTokenAsync(user), ct);
    }

    /// <summary>When each account was last sent a link; kept in memory, so a restart forgets it (and the links stay valid).</summary>
    public sealed class Throttle
    {
        private readonly ConcurrentDictionary<int, DateTimeOffset> _sent = new();

        public bool TryTake(int userId, DateTimeOffset now)
        {
            while (true)
            {
                if (_sent.TryGetValue(userId, out var last))
                {
                    if (now - last < Interval)
                    {
                        return false;
                    }
                    if (_sent.TryUpdate(userId, now, last))
                    {
                        return true;
                    }
                }
                else if (_sent.TryAdd(userId, now))
                {
                    return true;
                }
            }
        }
    }
}
