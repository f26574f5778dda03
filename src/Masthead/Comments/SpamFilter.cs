using System.Text.RegularExpressions;
using Masthead.Data;
using Masthead.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masthead.Comments;

/// <summary>What the filter thinks of a comment before the moderation policy has its say.</summary>
public sealed record SpamVerdict(SpamVerdictKind Kind, string? Reason, double Probability)
{
    public static readonly SpamVerdict Clean = new(SpamVerdictKind.Clean, null, 0);
}

public enum SpamVerdictKind
{
    Clean,
    /// <summary>A moderator should look: the filter is unsure, or still learning.</summary>
    Hold,
    /// <summary>Spam: stored for moderators to review, never shown, never counted.</summary>
    Spam,
}

/// <summary>
/// Local spam filtering, no third-party service: the blocklist, and a naive Bayes classifier that learns from the
/// moderators' own decisions. Until it has learnt from enough comments of both kinds it only ever holds.
/// </summary>
public sealed partial class SpamFilter(MastheadDb db, PreparedReads reads, CommentOptions options)
{
    private const double SpamThreshold = 0.95;
    private const double HoldThreshold = 0.6;

    private sealed record Term(BlockKind Kind, string Value);

    // Read for every comment posted, as statements prepared once (see PreparedReads).
    private const string BlockedTermsSql = "SELECT Kind, Value FROM BlockedTerms";
    private const string TrainingSql = "SELECT SpamComments, HamComments FROM SpamTraining WHERE Id = 1";

    private Task<List<Term>> BlockedTermsAsync(CancellationToken ct) => reads.ReadAsync(BlockedTermsSql, r =>
    {
        var terms = new List<Term>();
        while (r.Read())
        {
            terms.Add(new Term((BlockKind)r.GetInt32(0), r.GetString(1)));
        }
        return terms;
    }, ct);

    private Task<SpamTraining> TrainingAsync(CancellationToken ct) => reads.ReadAsync(TrainingSql,
        r => r.Read() ? new SpamTraining { Id = 1, SpamComments = r.GetInt32(0), HamComments = r.GetInt32(1) } : new SpamTraining(), ct);

    public async Task<SpamVerdict> JudgeAsync(string name, string email, string? url, string body, string? ip, CancellationToken ct)
    {
        if (await BlocklistReasonAsync(name, email, url, body, ip, ct) is { } blocked)
        {
            return new SpamVerdict(SpamVerdictKind.Spam, blocked, 1);
        }

        var training = await TrainingAsync(ct);
        if (training.SpamComments == 0 || training.HamComments == 0)
        {
            return SpamVerdict.Clean;
        }
        var tokens = Tokenize(name, email, url, body);
        var counts = await db.SpamTokens.AsNoTracking().Where(t => tokens.Contains(t.Token)).ToListAsync(ct);
        var probability = SpamProbability(counts, tokens.Count, training);
        var trained = training.SpamComments >= options.MinTrainingPerKind && training.HamComments >= options.MinTrainingPerKind;
        if (probability >= SpamThreshold && trained)
        {
            return new SpamVerdict(SpamVerdictKind.Spam, $"classifier: {probability:P0} spam", probability);
        }
        if (probability >= HoldThreshold)
        {
            return new SpamVerdict(SpamVerdictKind.Hold, $"classifier: {probability:P0} spam", probability);
        }
        return new SpamVerdict(SpamVerdictKind.Clean, null, probability);
    }

    /// <summary>
    /// Naive Bayes over the comment's distinct tokens with add-one smoothing, in log space so that long comments do
    /// not underflow. Tokens never seen count for nothing either way.
    /// </summary>
    internal static double SpamProbability(IReadOnlyCollection<SpamToken> seen, int distinctTokens, SpamTraining training)
    {
        if (distinctTokens == 0)
        {
            return 0;
        }
        double spamDocs = training.SpamComments, hamDocs = training.HamComments;
        var logSpam = Math.Log(spamDocs / (spamDocs + hamDocs));
        var logHam = Math.Log(hamDocs / (spamDocs + hamDocs));
        foreach (var token in seen)
        {
            logSpam += Math.Log((token.SpamCount + 1) / (spamDocs + 2));
            logHam += Math.Log((token.HamCount + 1) / (hamDocs + 2));
            // A token's absence from the other kind's comments is evidence too.
        }
        return 1 / (1 + Math.Exp(logHam - logSpam));
    }

    /// <summary>Learns from a moderator's decision; <paramref name="weight"/> -1 forgets an earlier lesson.</summary>
    public async Task LearnAsync(Comment comment, bool spam, int weight, CancellationToken ct)
    {
        var tokens = Tokenize(comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl, comment.Body);
        // Bulk moderation teaches several lessons before saving: look at what this context already holds first.
        var training = db.SpamTraining.Local.FirstOrDefault() ?? await db.SpamTraining.Where(t => t.Id == 1).FirstOrDefaultAsync(ct);
        if (training is null)
        {
            training = new SpamTraining { Id = 1 };
            db.SpamTraining.Add(training);
        }
        if (spam)
        {
            training.SpamComments = Math.Max(0, training.SpamComments + weight);
        }
        else
        {
            training.HamComments = Math.Max(0, training.HamComments + weight);
        }
        var existing = db.SpamTokens.Local.Where(t => tokens.Contains(t.Token)).ToDictionary(t => t.Token);
        var unknown = tokens.Where(t => !existing.ContainsKey(t)).ToList();
        foreach (var row in await db.SpamTokens.Where(t => unknown.Contains(t.Token)).ToListAsync(ct))
        {
            existing[row.Token] = row;
        }
        foreach (var token in tokens)
        {
            if (!existing.TryGetValue(token, out var row))
            {
                if (weight < 0)
                {
                    continue;
                }
                row = new SpamToken { Token = token };
                db.SpamTokens.Add(row);
            }
            if (spam)
            {
                row.SpamCount = Math.Max(0, row.SpamCount + weight);
            }
            else
            {
                row.HamCount = Math.Max(0, row.HamCount + weight);
            }
        }
    }

    private async Task<string?> BlocklistReasonAsync(string name, string email, string? url, string body, string? ip, CancellationToken ct)
    {
        var terms = await BlockedTermsAsync(ct);
        if (terms.Count == 0)
        {
            return null;
        }
        var words = Words().Matches($"{name} {email} {url} {body}".ToLowerInvariant()).Select(m => m.Value).ToHashSet();
        var text = $" {string.Join(' ', Words().Matches($"{name} {url} {body}".ToLowerInvariant()).Select(m => m.Value))} ";
        foreach (var term in terms)
        {
            var hit = term.Kind switch
            {
                BlockKind.Email => string.Equals(term.Value, email, StringComparison.OrdinalIgnoreCase),
                BlockKind.Ip => ip is not null && string.Equals(term.Value, ip, StringComparison.OrdinalIgnoreCase),
                // A blocked phrase of several words matches those words in a row.
                _ => term.Value.Contains(' ') ? text.Contains($" {term.Value} ", StringComparison.Ordinal) : words.Contains(term.Value),
            };
            if (hit)
            {
                return $"blocklist: {term.Kind.ToString().ToLowerInvariant()}";
            }
        }
        return null;
    }

    /// <summary>The distinct lower-case words of a comment, plus its email domain and link hosts, which say a lot about spam.</summary>
    internal static HashSet<string> Tokenize(string name, string email, string? url, string body)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Words().Matches(body.ToLowerInvariant()))
        {
            if (m.Value.Length is >= 2 and <= 40)
            {
                tokens.Add(m.Value);
            }
        }
        foreach (Match m in Words().Matches(name.ToLowerInvariant()))
        {
            tokens.Add($"name:{m.Value}");
        }
        if (email.LastIndexOf('@') is var at and > 0)
        {
            tokens.Add($"email:{email[(at + 1)..].ToLowerInvariant()}");
        }
        if (Uri.TryCreate(url, UriKind.Absolute, out var site))
        {
            tokens.Add($"url:{site.Host.ToLowerInvariant()}");
        }
        foreach (Match m in Hosts().Matches(body))
        {
            tokens.Add($"link:{m.Groups[1].Value.ToLowerInvariant()}");
        }
        return tokens.Where(t => t.Length <= 64).ToHashSet();
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"https?://([^/\s:?#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Hosts();
}
