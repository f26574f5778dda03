using System.Threading.Channels;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Masthead.Shared;

namespace Masthead.Comments;

/// <summary>
/// Stores accepted comments through one writer that commits them in groups. When a story breaks, hundreds of readers
/// post at once: one at a time, each would wait for the database's write lock and pay for its own flush to disk;
/// together, the comments that arrived meanwhile share one transaction and one flush. A reader's post is answered
/// only after the transaction holding their comment has committed, so an acknowledged comment is never lost.
/// </summary>
public sealed class CommentWriter : IAsyncDisposable
{
    /// <summary>The most comments one transaction takes; more wait for the next.</summary>
    public const int MaxBatch = 256;

    private readonly IServiceScopeFactory _scopes;
    private readonly SiteClock _clock;
    private readonly ILogger<CommentWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(8 * MaxBatch)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly Task _loop;
    private readonly Lock _stamping = new();
    private DateTime _lastStamp = DateTime.MinValue;

    public CommentWriter(IServiceScopeFactory scopes, SiteClock clock, ILogger<CommentWriter> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    private sealed record Pending(Comment Comment, TaskCompletionSource Saved);

    /// <summary>
    /// Stores the comment and, when it is approved, adds it to its article's count. Returns once committed (the
    /// comment then has its id, and the time it was stored as its CreatedAt); throws when it could not be stored.
    /// </summary>
    public async Task SaveAsync(Comment comment, CancellationToken ct)
    {
        var pending = new Pending(comment, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            try
            {
                await _queue.Writer.WriteAsync(pending, ct);
            }
            catch (ChannelClosedException)
            {
                // Shutting down: the writer has finished its last group, so this one is written here.
                await WriteAsync([pending], CancellationToken.None);
            }
        }
        // Once queued, the comment is written even if the reader goes away: what was sent is not dropped halfway.
        await pending.Saved.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            if (batch.Count > 0)
            {
                await WriteAsync(batch, CancellationToken.None);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<Pending> batch, CancellationToken ct)
    {
        var failure = await TryCommitAsync(batch, ct);
        if (failure is null || batch.Count == 1)
        {
            Settle(batch, failure);
            return;
        }
        // One bad comment (a parent deleted a moment ago, say) must not fail the readers whose comments shared its
        // transaction: each is tried again on its own.
        _logger.LogWarning(failure, "A group of {Count} comments could not be stored together; storing them one by one", batch.Count);
        foreach (var pending in batch)
        {
            pending.Comment.Id = 0;
            Settle([pending], await TryCommitAsync([pending], ct));
        }
    }

    private async Task<Exception?> TryCommitAsync(IReadOnlyList<Pending> batch, CancellationToken ct)
    {
        try
        {
            await CommitAsync(batch, ct);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static void Settle(IEnumerable<Pending> batch, Exception? failure)
    {
        foreach (var pending in batch)
        {
            if (failure is null)
            {
                pending.Saved.TrySetResult();
            }
            else
            {
                pending.Saved.TrySetException(failure);
            }
        }
    }

    /// <summary>
    /// The time a group is stored at: now, but never before the group stored last. Posts are checked side by side and
    /// reach the writer in any order; stamped when they arrived, a comment stored after another could still sort before
    /// it and push it onto the next page after its reader had been sent to this one.
    /// </summary>
    private DateTime NextStamp()
    {
        lock (_stamping)
        {
            var now = _clock.UtcNow;
            _lastStamp = now > _lastStamp ? now : _lastStamp;
            return _lastStamp;
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch, CancellationToken ct)
    {
        // A comment takes its place among its story's comments (by time, then by id) when it is stored.
        var stamp = NextStamp();
        foreach (var pending in batch)
        {
            pending.Comment.CreatedAt = stamp;
            if (pending.Comment.ModeratedAt is not null)
            {
                pending.Comment.ModeratedAt = stamp;
            }
        }
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MastheadDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One INSERT compiled for the group (through EF's SaveChanges, each comment's was compiled anew).
        await using (var insert = await SqliteRowInserter.OpenAsync<Comment>(db, ct))
        {
            foreach (var pending in batch)
            {
                insert.Insert(pending.Comment);
            }
        }
        foreach (var article in batch.GroupBy(p => p.Comment.ArticleId))
        {
            await CommentCounts.AddAsync(db, article.Key, [.. article.Select(p => p.Comment)], stamp, ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
