using Masthead.Shared;

namespace Masthead.UnitTests.Shared;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 20, 1)]
    [InlineData(20, 20, 1)]
    [InlineData(21, 20, 2)]
    [InlineData(300, 20, 15)]
    public void Page_count_rounds_up_and_is_never_zero(int items, int size, int pages) =>
        Assert.Equal(pages, Paged<int>.CountPages(items, size));

    [Fact]
    public void Later_pages_live_under_page_n_and_the_first_page_is_the_list_itself()
    {
        var page = new Paged<int>([1], Page: 2, TotalPages: 3, TotalItems: 41, BasePath: "/section/world/");
        Assert.Equal("/section/world/", page.PrevPath);
        Assert.Equal("/section/world/page/3/", page.NextPath);
        var last = page with { Page = 3 };
        Assert.Null(last.NextPath);
        Assert.Equal("/section/world/page/2/", last.PrevPath);
    }
}
