using System.CommandLine;
using Masthead.Accounts;

namespace Masthead;

/// <summary>
/// Reads the command line. Without a command Masthead serves the site; options it knows become configuration,
/// and everything else (for example ASP.NET Core's own --environment) passes through to the host untouched.
/// A command (such as `users add`) runs against the same services and database as the site, then exits.
/// </summary>
public sealed class MastheadCommandLine
{
    private readonly ParseResult _result;

    private MastheadCommandLine(ParseResult result, IReadOnlyList<string> hostArgs, Dictionary<string, string?> settings,
        Func<IServiceProvider, CancellationToken, Task<int>>? command)
    {
        _result = result;
        HostArgs = [.. hostArgs];
        Settings = settings;
        Command = command;
    }

    /// <summary>Arguments for the web host.</summary>
    public string[] HostArgs { get; }

    /// <summary>Configuration taken from Masthead's own options; it wins over appsettings and environment.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>A one-off command to run with the site's services instead of serving; null to serve the site.</summary>
    public Func<IServiceProvider, CancellationToken, Task<int>>? Command { get; }

    /// <summary>True when the command line needs no site at all: help, or a mistake to report.</summary>
    public bool OnlyPrints => _result.Errors.Count > 0 || _result.Action is System.CommandLine.Help.HelpAction
        || _result.Action is not null && _result.Action.GetType().Name.Contains("Version", StringComparison.Ordinal);

    public Task<int> InvokeAsync() => _result.InvokeAsync();

    public static MastheadCommandLine Parse(string[] args)
    {
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with demo content (never touches a database that has articles).", Recursive = true };
        var data = new Option<string?>("--data") { Description = "The data folder: database file and media. Default: ./data", Recursive = true };
        var urls = new Option<string?>("--urls") { Description = "The addresses to listen on, separated by ';'. Default: http://localhost:5000" };

        Func<IServiceProvider, CancellationToken, Task<int>>? command = null;

        var email = new Option<string>("--email") { Description = "The staff member's email address (their sign-in name).", Required = true };
        var name = new Option<string>("--name") { Description = "The name shown in the newsroom.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", StaffRoles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. StaffRoles.All]);
        var add = new Command("add", "Add a staff account. The password is read from standard input.") { email, name, role };
        add.SetAction(parsed =>
        {
            var (e, n, r) = (parsed.GetValue(email)!, parsed.GetValue(name)!, parsed.GetValue(role)!);
            command = (services, ct) => StaffAccounts.AddFromConsoleAsync(services, e, n, r, ct);
        });
        var users = new Command("users", "Manage staff accounts.") { add };

        var wxrFile = new Argument<FileInfo>("FILE") { Description = "The WordPress export (Tools → Export in WordPress)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and check everything, report, and save nothing." };
        var wxr = new Command("wxr", "Import a WordPress export (WXR 1.1 or 1.2): posts, categories, tags, authors, comments, images and old URLs.") { wxrFile, dryRun };
        wxr.SetAction(parsed =>
        {
            var (file, dry) = (parsed.GetValue(wxrFile)!.FullName, parsed.GetValue(dryRun));
            command = (services, ct) => Import.ImportModule.ImportWxrFromConsoleAsync(services, file, dry, ct);
        });
        var backupFile = new Argument<FileInfo>("FILE") { Description = "A backup written by `export json`." };
        var importJson = new Command("json", "Restore a Masthead backup (written by `export json`) into a site with no content: every article, " +
            "revision, comment, section, tag, author, setting and staff account, keeping their ids. Refused, with nothing changed, when the site " +
            "already has content. Staff accounts come back without passwords and wait for an invitation from an admin. The backup does not " +
            "hold the image files: copy the old data folder's media directory into the new one.") { backupFile };
        importJson.SetAction(parsed =>
        {
            var file = parsed.GetValue(backupFile)!.FullName;
            command = (services, ct) => Import.ImportModule.ImportJsonFromConsoleAsync(services, file, ct);
        });
        var import = new Command("import", "Bring content in from other systems.") { wxr, importJson };

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the export." };
        var exportWxr = new Command("wxr", "Export the site as a WordPress export (WXR 1.2) that WordPress can import.") { exportFile };
        exportWxr.SetAction(parsed =>
        {
            var file = parsed.GetValue(exportFile)!.FullName;
            command = (services, ct) => Import.ImportModule.ExportWxrFromConsoleAsync(services, file, ct);
        });
        var jsonFile = new Argument<FileInfo>("FILE") { Description = "Where to write the backup." };
        var exportJson = new Command("json", "Write a full backup of the site as one JSON file that `import json` restores exactly: articles with " +
            "their revisions and corrections, comments of every status, sections, tags, authors, sources, image details, redirects, wire feeds, " +
            "blocklist, settings, staff accounts (without passwords) and the audit log. The image files themselves are not in it: back up the " +
            "data folder's media directory beside it. The file holds commenters' emails and IP addresses: keep it private.") { jsonFile };
        exportJson.SetAction(parsed =>
        {
            var file = parsed.GetValue(jsonFile)!.FullName;
            command = (services, ct) => Import.ImportModule.ExportJsonFromConsoleAsync(services, file, ct);
        });
        var export = new Command("export", "Write the site's content out for other systems.") { exportWxr, exportJson };

        var fetch = new Command("fetch", "Fetch the files of imported pictures that are still missing (a WordPress import keeps each picture's " +
            "original address and details; the files are fetched here, when the old site can be reached). Safe to run again: only what is still " +
            "missing is fetched.");
        fetch.SetAction(_ => command = Media.MediaModule.FetchFromConsoleAsync);
        var media = new Command("media", "Manage the media library's files.") { fetch };

        var (articles, comments, related) = (new Option<int>("--articles") { DefaultValueFactory = _ => 10_000 }, new Option<int>("--comments") { DefaultValueFactory = _ => 100_000 }, new Option<bool>("--related") { Description = "Also compute every story's related stories (slow at this size)." });
        var generate = new Command("generate", "Fill an empty database with a large, deterministic load-test newsroom (for bench/run.sh).") { articles, comments, related };
        generate.SetAction(parsed => command = (services, ct) => Demo.LoadTestData.GenerateFromConsoleAsync(services, parsed.GetValue(articles), parsed.GetValue(comments), parsed.GetValue(related), ct));

        var root = new RootCommand("Masthead: a self-hosted news site. Without a command, serves the site.")
        {
            demo, data, urls, users, import, export, media, generate,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(_ => { });

        var result = root.Parse(args);
        var settings = new Dictionary<string, string?>();
        if (result.GetValue(demo))
        {
            settings["Masthead:Demo"] = "true";
        }
        if (result.GetValue(data) is { Length: > 0 } folder)
        {
            settings["Masthead:DataDirectory"] = Path.GetFullPath(folder);
        }
        if (result.GetValue(urls) is { Length: > 0 } addresses)
        {
            settings["urls"] = addresses;
        }
        var cli = result.Errors.Count == 0 && result.Action is not System.CommandLine.Help.HelpAction ? result : null;
        // Running the chosen command's action only records what to do once the site's services exist.
        cli?.Invoke();
        return new MastheadCommandLine(result, result.UnmatchedTokens, settings, command);
    }
}
