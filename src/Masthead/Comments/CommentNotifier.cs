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

    /// <summary>The most notices read from the database together.</summary>
    private const int MaxBatch = 256;

    /// <summary>The rest between two rounds of notices: emails need not leave within the second a comment is posted.</summary>
    private static readonly TimeSpan GatherPause = TimeSpan.FromMilliseconds(250);

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
        // When a story breaks, comments arrive faster than one read each could follow: the notices queued meanwhile are
        // read together, in three statements at most (the comments, their stories' bylines, the parents answered).
        var batch = new List<(int CommentId, Kind Kind)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                using var scope = scopes.CreateScope();
                await NotifyAsync(scope.ServiceProvider, batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not read the notices for comments {CommentIds}; trying them one by one", string.Join(", ", batch.Select(b => b.CommentId)));
                await NotifyEachAsync(batch, stoppingToken);
            }
            finally
            {
                Interlocked.Add(ref _pending, -batch.Count);
            }
            // A lone notice goes out at once; under a stream of comments, the pause lets the next ones gather so that
            // each round of reads serves many (read a few at a time, the reads took a tenth of the site's work).
            await Task.Delay(GatherPause, stoppingToken);
        }
    }

    /// <summary>After a group failed: one notice's trouble (a busy database a moment ago) must not cost the others theirs.</summary>
    private async Task NotifyEachAsync(IReadOnlyList<(int CommentId, Kind Kind)> batch, CancellationToken ct)
    {
        if (batch.Count == 1)
        {
            return;
        }
        foreach (var notice in batch)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await NotifyAsync(scope.ServiceProvider, [notice], ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not send the notifications for comment {CommentId}", notice.CommentId);
            }
        }
    }

    private async Task NotifyAsync(IServiceProvider services, IReadOnlyList<(int CommentId, Kind Kind)> batch, CancellationToken ct)
    {
        // Everything is read on one open connection (see OneConnectionPerRequest), let go before any mail is sent: an
        // SMTP server can be slow.
        var db = services.GetRequiredService<MastheadDb>();
        Dictionary<int, Notice> notices;
        ILookup<int, string> authorEmails;
        Dictionary<int, Recipient> subscribers;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var ids = batch.Select(b => b.CommentId).Distinct().ToList();
            // A story taken back to draft has no address to link to: its comments' notices are dropped.
            notices = await db.Comments.AsNoTracking()
                .Where(c => ids.Contains(c.Id) && c.Status != CommentStatus.Spam && c.Status != CommentStatus.Trash && c.Article.PublishedAt != null)
                .Select(c => new Notice(c.Id, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body, c.Status,
                    c.ArticleId, c.Article.Headline, c.Article.Slug, c.Article.PublishedAt!.Value))
                .ToDictionaryAsync(n => n.Id, ct);
            // Read by the articles' keys: joined into the notices' query, SQLite would join every byline to its author first.
            var articleIds = batch.Where(b => b.Kind == Kind.Posted).Select(b => notices.GetValueOrDefault(b.CommentId)?.ArticleId).OfType<int>().Distinct().ToList();
            var bylines = articleIds.Count == 0 ? []
                : await db.Bylines.AsNoTracking().Where(b => articleIds.Contains(b.ArticleId) && b.Author.Email != null)
                    .Select(b => new { b.ArticleId, Email = b.Author.Email! }).ToListAsync(ct);
            authorEmails = bylines.ToLookup(b => b.ArticleId, b => b.Email);
            var parentIds = notices.Values.Where(n => n.Status == CommentStatus.Approved && n.ParentId is not null).Select(n => n.ParentId!.Value).Distinct().ToList();
            // Filtered here: asked for rows by key and status at once, SQLite would walk every approved comment instead.
            subscribers = parentIds.Count == 0 ? []
                : (await db.Comments.AsNoTracking().Where(c => parentIds.Contains(c.Id))
                    .Select(c => new { c.Id, c.NotifyReplies, c.Status, Recipient = new Recipient(c.AuthorName, c.AuthorEmail) }).ToListAsync(ct))
                    .Where(c => c.NotifyReplies && c.Status == CommentStatus.Approved).ToDictionary(c => c.Id, c => c.Recipient);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var moderators = services.GetRequiredService<CommentOptions>().ModeratorEmails;
        foreach (var (id, kind) in batch)
        {
            if (!notices.TryGetValue(id, out var comment))
            {
                continue;
            }
            try
            {
                // The story's authors and the moderators hear of a new comment; whoever asked hears of a reply (not to themselves).
                var staff = kind == Kind.Posted ? authorEmails[comment.ArticleId].Concat(moderators).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : [];
                var parent = comment.Status == CommentStatus.Approved && comment.ParentId is { } parentId ? subscribers.GetValueOrDefault(parentId) : null;
                if (parent is not null && string.Equals(parent.Email, comment.AuthorEmail, StringComparison.OrdinalIgnoreCase))
                {
                    parent = null;
                }
                // With no one to tell, no message is made: the mail library is not even loaded.
                if (staff.Count > 0 || parent is not null)
                {
                    await SendAsync(services, comment, staff, parent, ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not send the notifications for comment {CommentId}", id);
            }
        }
    }

    private static async Task SendAsync(IServiceProvider services, Notice comment, List<string> staff, Recipient? parent, CancellationToken ct)
    {
        var site = services.GetRequiredService<SiteOptions>();
        var mail = services.GetRequiredService<IMailSender>();
        var from = services.GetRequiredService<MailOptions>().From;
        var baseUrl = site.PublicUrl;
        var link = $"{baseUrl}{Articles.ArticlePaths.For(comment.PublishedAt, comment.Slug)}#comment-{comment.Id}";

        if (staff.Count > 0)
        {
            var subject = comment.Status == CommentStatus.Pending
                ? $"Comment awaiting moderation: \u201c{comment.Headline}\u201d"
                : $"New comment on \u201c{comment.Headline}\u201d";
            var message = Message(from, site.Name, staff, subject,
                $"{comment.AuthorName} wrote:\n\n{comment.Body}\n\n{(comment.Status == CommentStatus.Pending ? $"Moderate it: {baseUrl}/admin/comments?status=pending" : $"Read it: {link}")}\n");
            await mail.SendAsync(message, ct);
        }
        if (parent is null)
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
