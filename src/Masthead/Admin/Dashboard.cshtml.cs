using Masthead.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>What is waiting for the newsroom: drafts in review, scheduled stories, pending comments, the last 30 days.</summary>
public sealed class DashboardModel : PageModel, IHasPageHead
{
    public PageHead Head { get; } = new() { Title = "Dashboard", CanonicalPath = "/admin", NoIndex = true };
}
