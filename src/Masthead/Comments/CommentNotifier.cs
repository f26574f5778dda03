using System.Threading.Channels;
using Masthead.Data;
using Masthead.Mail;
using Masthead.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Masthead.Comments;

/// <summary>
/// Tells people about comments by email: the article's authors and the moderators of every new comment, and
/// commenters who asked for it of approved replies to them. Runs in the background, so a post never waits for mail
/// and a mail failure never fails a post.
/// </summary>
public sealed class CommentNotifier(IServiceScopeFactory scopes, ILogger<CommentNotifier> logger) : BackgroundService
{
    private enum Kind { Posted, Approved }

    private sealed record Notice(int Id, int? ParentId, string AuthorName, string AuthorEmail, string Body, CommentStatus Status,
        int ArticleId, string Headline, string Slug, DateTime PublishedAt);

    private sealed record Recipient(string Name, string Email);

    // One notice is read for every comment posted: compiled once (see CommentPoster).
    private static readonly Func<MastheadDb, int, CancellationToken, Task<Notice?>> NoticeFor = EF.CompileAsyncQuery(
        (MastheadDb db, int id, CancellationToken ct) => db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Notice(c.Id, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body, c.Status,
                c.ArticleId, c.Article.Headline, c.Article.Slug, c.Article.PublishedAt!.Value))
            .FirstOrDefault());

    // Read by the article's key: joined into the notice's query, SQLite would join every byline to its author first.
    private static readonly Func<MastheadDb, int, IAsyncEnumerable<string>> AuthorEmails = EF.CompileAsyncQuery(
        (MastheadDb db, int articleId) => db.Bylines.AsNoTracking().Where(b => b.ArticleId == articleId && b.Author.Email != null)
            .Select(b => b.Author.Email!));

    private static readonly Func<MastheadDb, int, CancellationToken, Task<Recipient?>> Subscriber = EF.CompileAsyncQuery(
        (MastheadDb db, int parentId, CancellationToken ct) => db.Comments.AsNoTracking()
            .Where(c => c.Id == parentId && c.NotifyReplies && c.Status == CommentStatus.Approved)
            .Select(c => new Recipient(c.AuthorName, c.AuthorEmail)).FirstOrDefault());

    private readonly Channel<(int CommentId, Kind Kind)> _queue = Channel.CreateUnbounded<(int, Kind)>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    public void CommentPosted(int commentId) => Enqueue(commentId, Kind.Posted);

    public void CommentApproved(int commentId) => Enqueue(commentId, Kind.Approved);

    /// <summary>True when every queued notice has been handled (tests wait on it).</summary>
    public bool Idle => Volatile.Read(ref _pending) == 0;

    private void Enqueue(int id, Kind kind)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite((id, kind));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, kind) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await NotifyAsync(scope.ServiceProvider, id, kind, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not send the notifications for comment {CommentId}", id);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private static async Task NotifyAsync(IServiceProvider services, int commentId, Kind kind, CancellationToken ct)
    {
        // Everything is read on one open connection (see OneConnectionPerRequest), let go before any mail is sent: an
        // SMTP server can be slow.
        var db = services.GetRequiredService<MastheadDb>();
        Notice? comment;
        List<string> authorEmails;
        Recipient? parent;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            comment = await NoticeFor(db, commentId, ct);
            if (comment is null || comment.Status is CommentStatus.Spam or CommentStatus.Trash)
            {
                return;
            }
            authorEmails = kind == Kind.Posted ? await AuthorEmails(db, comment.ArticleId).ToListAsync(ct) : [];
            parent = comment.Status == CommentStatus.Approved && comment.ParentId is { } parentId ? await Subscriber(db, parentId, ct) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var site = services.GetRequiredService<SiteOptions>();
        var options = services.GetRequiredService<CommentOptions>();
        var mail = services.GetRequiredService<IMailSender>();
        var from = services.GetRequiredService<MailOptions>().From;
        var baseUrl = site.PublicUrl;
        var link = $"{baseUrl}{Articles.ArticlePaths.For(comment.PublishedAt, comment.Slug)}#comment-{comment.Id}";

        if (kind == Kind.Posted)
        {
            var staff = authorEmails.Concat(options.ModeratorEmails).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (staff.Count > 0)
            {
                var subject = comment.Status == CommentStatus.Pending
                    ? $"Comment awaiting moderation: \u201c{comment.Headline}\u201d"
                    : $"New comment on \u201c{comment.Headline}\u201d";
                var message = Message(from, site.Name, staff, subject,
                    $"{comment.AuthorName} wrote:\n\n{comment.Body}\n\n{(comment.Status == CommentStatus.Pending ? $"Moderate it: {baseUrl}/admin/comments?status=pending" : $"Read it: {link}")}\n");
                await mail.SendAsync(message, ct);
            }
        }
        if (parent is null || string.Equals(parent.Email, comment.AuthorEmail, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var unsubscribe = $"{baseUrl}/comments/unsubscribe/{services.GetRequiredService<UnsubscribeToken>().Issue(parent.Email)}";
        var reply = Message(from, site.Name, [parent.Email], $"{comment.AuthorName} replied to your comment on \u201c{comment.Headline}\u201d",
            $"Hello {parent.Name},\n\n{comment.AuthorName} replied to your comment:\n\n{comment.Body}\n\nRead the conversation: {link}\n\n" +
            $"You asked to be told of replies. To stop these emails, open: {unsubscribe}\n");
        reply.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        reply.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        await mail.SendAsync(reply, ct);
    }

    private static MimeMessage Message(string from, string siteName, IEnumerable<string> to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(siteName, from));
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}

/// <summary>Signed links that stop reply notifications for one email address, without signing in.</summary>
public sealed class UnsubscribeToken(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Masthead.Comments.Unsubscribe.v1");

    public string Issue(string email) => _protector.Protect(email.ToLowerInvariant());

    public string? EmailFrom(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
