using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Masthead.Comments;

/// <summary>The name, email and website a reader asked the site to remember.</summary>
public sealed record RememberedCommenter(string Name, string Email, string? Url);

/// <summary>
/// The two cookies of a commenter, both encrypted and signed: who they are (only when they tick the box), and which
/// of their comments are held for moderation (so that they, and nobody else, see them with the notice).
/// Pages for a reader with either cookie are rendered for them alone, never from or into the shared cache.
/// </summary>
public sealed class CommenterCookies(IDataProtectionProvider protection)
{
    public const string CommenterCookie = "mh_commenter";
    public const string HeldCookie = "mh_held";
    private const int MaxHeld = 20;

    private readonly IDataProtector _commenter = protection.CreateProtector("Masthead.Comments.Commenter.v1");
    private readonly IDataProtector _held = protection.CreateProtector("Masthead.Comments.Held.v1");

    public static bool ArePresent(HttpRequest request) =>
        request.Cookies.ContainsKey(CommenterCookie) || request.Cookies.ContainsKey(HeldCookie);

    public RememberedCommenter? Commenter(HttpRequest request)
    {
        if (Unprotect(_commenter, request.Cookies[CommenterCookie]) is not { } json)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<RememberedCommenter>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Remember(HttpResponse response, RememberedCommenter commenter) =>
        response.Cookies.Append(CommenterCookie, _commenter.Protect(JsonSerializer.Serialize(commenter)), Options(response, TimeSpan.FromDays(365)));

    public static void Forget(HttpResponse response) => response.Cookies.Delete(CommenterCookie);

    public IReadOnlyList<int> HeldComments(HttpRequest request) =>
        Unprotect(_held, request.Cookies[HeldCookie]) is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList()
            : [];

    public void AddHeld(HttpRequest request, HttpResponse response, int commentId)
    {
        var ids = HeldComments(request).Append(commentId).Distinct().TakeLast(MaxHeld);
        response.Cookies.Append(HeldCookie, _held.Protect(string.Join(',', ids)), Options(response, TimeSpan.FromDays(2)));
    }

    private static CookieOptions Options(HttpResponse response, TimeSpan lifetime) => new()
    {
        Secure = response.HttpContext.Request.IsHttps,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        MaxAge = lifetime,
        Path = "/",
    };

    private static string? Unprotect(IDataProtector protector, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
