using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;

namespace Masthead.Comments;

public enum FormTokenCheck
{
    Valid,
    /// <summary>Posted sooner after the form was served than a person could have read and written.</summary>
    TooFast,
    /// <summary>Older than a day, or not one of ours (tampered, or signed with keys since retired).</summary>
    Expired,
}

/// <summary>
/// A signed token the comment form posts back, recording which article it was issued for and when (handed out by
/// /comments/form-tokens, or written into pages never cached). It lets the site refuse forms filled in by robots in a
/// blink, and forms left open for days.
/// </summary>
public sealed class CommentFormToken(IDataProtectionProvider protection, TimeProvider time, CommentOptions options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Masthead.Comments.FormToken.v1");

    /// <summary>
    /// The token last issued for a few hundred stories (by id modulo the length). A token says which story and when,
    /// nothing about the reader, so the readers who ask for a story's form within the same second all get one
    /// signature: signing is most of what it costs to hand out a form's tokens.
    /// </summary>
    private readonly Issued?[] _recent = new Issued?[256];

    private sealed record Issued(int ArticleId, long Second, string Token);

    public string Issue(int articleId)
    {
        var now = time.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        ref var slot = ref _recent[(uint)articleId % (uint)_recent.Length];
        if (Volatile.Read(ref slot) is { } issued && issued.ArticleId == articleId && issued.Second == second)
        {
            return issued.Token;
        }
        var token = _protector.Protect($"{articleId}|{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");
        Volatile.Write(ref slot, new Issued(articleId, second, token));
        return token;
    }

    public FormTokenCheck Check(string? token, int articleId)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token ?? "");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return FormTokenCheck.Expired;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || parts[0] != articleId.ToString(CultureInfo.InvariantCulture)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return FormTokenCheck.Expired;
        }
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        if (age < TimeSpan.FromSeconds(options.MinFormSeconds))
        {
            return FormTokenCheck.TooFast;
        }
        return age > TimeSpan.FromSeconds(options.MaxFormAgeSeconds) ? FormTokenCheck.Expired : FormTokenCheck.Valid;
    }
}

/// <summary>What a comment form posts besides what the reader typed: their antiforgery token and the signed form token.</summary>
public sealed record CommentFormTokens(string Antiforgery, string Form)
{
    /// <summary>Issues both for this reader, setting the antiforgery cookie when they have none yet.</summary>
    public static CommentFormTokens Issue(HttpContext context, int articleId) => new(
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken!,
        context.RequestServices.GetRequiredService<CommentFormToken>().Issue(articleId));
}
