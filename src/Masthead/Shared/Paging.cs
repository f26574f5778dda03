namespace Masthead.Shared;

/// <summary>One page of a list, numbered from 1, with the paths of its neighbours.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int TotalPages, int TotalItems, string BasePath)
{
    public bool HasPrev => Page > 1;
    public bool HasNext => Page < TotalPages;
    public string? PrevPath => HasPrev ? PathOf(Page - 1) : null;
    public string? NextPath => HasNext ? PathOf(Page + 1) : null;

    /// <summary>Page 1 is the list's own path; later pages add page/N/, as WordPress sites do.</summary>
    public string PathOf(int page) => page <= 1 ? BasePath : $"{BasePath}page/{page}/";

    public static int CountPages(int totalItems, int pageSize) => Math.Max(1, (totalItems + pageSize - 1) / pageSize);
}
