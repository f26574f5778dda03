using Masthead.Mail;
using Masthead.Shared;
using MimeKit;

namespace Masthead.Accounts;

/// <summary>The emails that carry account links: invitations and password resets. Links point at <see cref="SiteOptions.PublicUrl"/>.</summary>
public sealed class AccountMail(IMailSender sender, MailOptions mailOptions, SiteOptions site)
{
    public static string InvitationPath(int userId, string token) => $"/admin/invitation?user={userId}&token={Uri.EscapeDataString(token)}";

    public static string ResetPath(int userId, string token) => $"/admin/reset-password?user={userId}&token={Uri.EscapeDataString(token)}";

    public Task SendInvitationAsync(StaffUser user, string token, string invitedBy, CancellationToken ct) =>
        sender.SendAsync(Message(user, $"{invitedBy} invited you to the newsroom of {site.Name}",
            $"Hello {user.DisplayName},\n\n{invitedBy} invited you to write for {site.Name}.\n\n" +
            $"Choose your password and sign in here (the link works once, for {InvitationTokenProvider.Lifespan.TotalDays:0} days):\n" +
            $"{site.PublicUrl}{InvitationPath(user.Id, token)}\n\n" +
            $"Your sign-in name is your email address: {user.Email}\n"), ct);

    public Task SendPasswordResetAsync(StaffUser user, string token, CancellationToken ct) =>
        sender.SendAsync(Message(user, $"Reset your newsroom password ({site.Name})",
            $"Hello {user.DisplayName},\n\nSomeone (we hope you) asked to reset the password of your newsroom account.\n\n" +
            $"Choose a new password here (the link works once, for {PasswordResetLifespan.TotalHours:0} hours):\n" +
            $"{site.PublicUrl}{ResetPath(user.Id, token)}\n\n" +
            "If you did not ask for this, ignore this email: your password stays as it is.\n"), ct);

    /// <summary>How long a reset link works (the lifespan of Identity's default token provider).</summary>
    public static readonly TimeSpan PasswordResetLifespan = TimeSpan.FromHours(2);

    private MimeMessage Message(StaffUser user, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(site.Name, mailOptions.From));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? ""));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
