using Masthead.Accounts;
using Masthead.Media;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>
/// Fetches the files of imported pictures, in the request, a batch at a time. Editors and admins only: the pictures
/// appear in everyone's stories, and the downloads come from addresses in an export file, not from the person pressing.
/// The command line (`media fetch`) does the whole library at once.
/// </summary>
[Authorize(Policy = StaffPolicies.EditAny)]
public sealed class MediaFetchModel(ImageFetcher fetcher) : PageModel, IHasPageHead
{
    /// <summary>At two downloads at a time and a time limit each, a batch this size keeps the request within a few minutes.</summary>
    public const int BatchSize = 25;

    public PageHead Head { get; } = new() { Title = "Fetch imported pictures", CanonicalPath = "/admin/media/fetch", NoIndex = true };
    public int Pending { get; private set; }
    public int Present { get; private set; }
    public FetchReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await CountAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        Report = await fetcher.FetchAsync(BatchSize, User.ToStaffer()!, null, ct);
        await CountAsync(ct);
    }

    private async Task CountAsync(CancellationToken ct)
    {
        var (pending, present) = await fetcher.FindAsync(ct);
        (Pending, Present) = (pending.Count, present);
    }

    /// <summary>The button's words: all of them, or the next batch of many.</summary>
    public static string ButtonText(int pending) => pending switch
    {
        1 => "Fetch 1 imported picture",
        <= BatchSize => $"Fetch {pending} imported pictures",
        _ => $"Fetch {BatchSize} of {pending} imported pictures",
    };
}
