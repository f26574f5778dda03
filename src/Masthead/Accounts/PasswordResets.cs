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

/// <summary>
/// Sends reset links after the answer has gone out: whether an address has an account must not show in how long the
/// answer takes, nor in an error when the mail server is down.
/// </summary>
public sealed class PasswordResetQueue(IServiceScopeFactory scopes, ILogger<PasswordResetQueue> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Request(string email)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<PasswordResets>().RequestAsync(email, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A password reset link could not be sent");
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every link asked for so far has been handled (for shutdown and tests).</summary>
    public Task IdleAsync() => Task.WhenAll(_running.Keys);
}
