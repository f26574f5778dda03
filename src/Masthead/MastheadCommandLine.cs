using System.CommandLine;

namespace Masthead;

/// <summary>
/// Reads the command line. Without a command Masthead serves the site; options it knows become configuration,
/// and everything else (for example ASP.NET Core's own --environment) passes through to the host untouched.
/// </summary>
public sealed class MastheadCommandLine
{
    private readonly ParseResult _result;

    private MastheadCommandLine(ParseResult result, IReadOnlyList<string> hostArgs, Dictionary<string, string?> settings)
    {
        _result = result;
        HostArgs = [.. hostArgs];
        Settings = settings;
    }

    /// <summary>Arguments for the web host.</summary>
    public string[] HostArgs { get; }

    /// <summary>Configuration taken from Masthead's own options; it wins over appsettings and environment.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>True when the command line asks for something other than serving the site (help, errors, commands).</summary>
    public bool RunsCommand => _result.Errors.Count > 0 || _result.Action != _result.RootCommandResult.Command.Action;

    public Task<int> InvokeAsync() => _result.InvokeAsync();

    public static MastheadCommandLine Parse(string[] args)
    {
        var demo = new Option<bool>("--demo")
        {
            Description = "Fill an empty database with demo content (never touches a database that has articles).",
        };
        var data = new Option<string?>("--data")
        {
            Description = "The data folder: database file and media. Default: ./data",
        };
        var urls = new Option<string?>("--urls")
        {
            Description = "The addresses to listen on, separated by ';'. Default: http://localhost:5000",
        };
        var root = new RootCommand("Masthead: a self-hosted news site. Without a command, serves the site.")
        {
            demo, data, urls,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(_ => 0);

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
        return new MastheadCommandLine(result, result.UnmatchedTokens, settings);
    }
}
