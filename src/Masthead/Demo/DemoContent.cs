using Masthead.Articles;
using Masthead.Data;

namespace Masthead.Demo;

public static class DemoContent
{
    public static Task SeedAsync(MastheadDb db, ArticleRenderer renderer, string mediaDirectory, DateTime nowUtc, int seed = 2026, CancellationToken ct = default)
        => Task.CompletedTask;
}
