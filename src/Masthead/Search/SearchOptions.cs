using System.ComponentModel.DataAnnotations;

namespace Masthead.Search;

/// <summary>Site settings for search. Section "Search".</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Relevance ranks at most this many matches, the newest: a search most stories match ("th*", a dozen common words)
    /// would otherwise score every one of them (0.6 s at 100,000 stories). The count stays exact, and sorting by date
    /// pages through every match.
    /// </summary>
    [Range(20, int.MaxValue)]
    public int RankedMatches { get; set; } = 20_000;

    /// <summary>
    /// Memory for what searches found (<see cref="SearchCache"/>): the matches and snippets of queries asked more than
    /// once, for their other pages, date ranges and orders; once full, it keeps what it has until the index changes.
    /// 0 turns it off.
    /// </summary>
    [Range(0, 4096)]
    public int CacheMegabytes { get; set; } = 8;

    /// <summary>How many full-text searches run at once; 0 (the default) means one per processor.</summary>
    [Range(0, 1024)]
    public int ConcurrentSearches { get; set; }

    /// <summary>How long a search waits for its turn before the reader is asked to try again.</summary>
    [Range(1, 300)]
    public int WaitSeconds { get; set; } = 10;
}
