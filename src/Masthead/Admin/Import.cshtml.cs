using Masthead.Accounts;
using Masthead.Import.WordPress;
using Masthead.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masthead.Admin;

/// <summary>The WordPress import from the browser: the same importer as `import wxr`, for admins.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class ImportModel(WordPressImporter importer) : PageModel, IHasPageHead
{
    private const long MaxUpload = 512L * 1024 * 1024;

    public PageHead Head { get; } = new() { Title = "Import from WordPress", CanonicalPath = "/admin/import", NoIndex = true };
    public ImportReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problem = "Choose the export file (in WordPress: Tools \u2192 Export \u2192 All content).";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Report = await importer.ImportAsync(stream, dryRun, null, ct);
        if (Report.Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
