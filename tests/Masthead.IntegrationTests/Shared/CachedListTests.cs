using Masthead.Data;
using Masthead.IntegrationTests.Infrastructure;
using Masthead.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Masthead.IntegrationTests.Shared;

public sealed class CachedListTests(MastheadApp app) : IClassFixture<MastheadApp>
{
    /// <summary>A list whose first load waits to be let go; each load gives its own number.</summary>
    private sealed class NumberedLoads(IServiceScopeFactory scopes) : CachedList<int>(scopes)
    {
        public TaskCompletionSource LetFirstGo { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _loads;

        public ValueTask<IReadOnlyList<int>> GetAsync() => ItemsAsync(CancellationToken.None);

        protected override async Task<IReadOnlyList<int>> LoadAsync(MastheadDb db, CancellationToken ct)
        {
            var load = Interlocked.Increment(ref _loads);
            if (load == 1)
            {
                await LetFirstGo.Task;
            }
            return [load];
        }
    }

    [Fact]
    public async Task A_load_that_began_before_an_invalidation_is_not_kept()
    {
        var list = new NumberedLoads(app.Services.GetRequiredService<IServiceScopeFactory>());
        var first = list.GetAsync().AsTask();
        // What the first load reads may be from before the change that invalidates the list.
        list.Invalidate();
        list.LetFirstGo.SetResult();

        Assert.Equal([1], await first);
        Assert.Equal([2], await list.GetAsync());
        Assert.Equal([2], await list.GetAsync());
    }
}
