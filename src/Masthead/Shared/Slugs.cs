using System.Globalization;
using System.Text;

namespace Masthead.Shared;

/// <summary>URL-safe names made from headlines and names: lower case ASCII letters, digits and single hyphens.</summary>
public static class Slugs
{
    public static string From(string text, int maxLength = 80)
    {
        var normalized = (text ?? "").Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(Math.Min(normalized.Length, maxLength));
        var pendingHyphen = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    if (slug.Length + 1 >= maxLength)
                    {
                        break;
                    }
                    slug.Append('-');
                }
                pendingHyphen = false;
                if (slug.Length >= maxLength)
                {
                    break;
                }
                slug.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return slug.ToString();
    }
}
