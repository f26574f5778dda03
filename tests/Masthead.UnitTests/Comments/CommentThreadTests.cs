using Masthead.Comments;

namespace Masthead.UnitTests.Comments;

public sealed class CommentThreadTests
{
    private static CommentView C(int id, int? parent, string name = "Reader") => new(id, parent, name, null, "text", DateTime.UtcNow);

    [Fact]
    public void Replies_nest_under_the_comment_they_answer()
    {
        var threads = CommentThread.Build([C(1, null), C(2, 1), C(3, null), C(4, 2)], maxDepth: 5);

        Assert.Equal([1, 3], threads.Select(t => t.Comment.Id));
        Assert.Equal(2, threads[0].Replies.Single().Comment.Id);
        Assert.Equal(4, threads[0].Replies[0].Replies.Single().Comment.Id);
        Assert.Equal(3, threads[0].Replies[0].Replies[0].Depth);
    }

    [Fact]
    public void Threads_deeper_than_the_limit_continue_at_the_deepest_level()
    {
        var comments = Enumerable.Range(1, 8).Select(i => C(i, i == 1 ? null : i - 1)).ToList();
        var node = CommentThread.Build(comments, maxDepth: 5).Single();
        var depths = new List<int>();
        while (true)
        {
            depths.Add(node.Depth);
            if (node.Replies.Count == 0)
            {
                break;
            }
            node = node.Replies.Last();
        }
        Assert.Equal(5, depths.Max());
        Assert.Equal(8, CountAll(CommentThread.Build(comments, maxDepth: 5)));
    }

    [Fact]
    public void Reply_to_a_hidden_comment_is_shown_at_the_top_level()
    {
        var threads = CommentThread.Build([C(5, 99)], maxDepth: 5);
        Assert.Equal(1, threads.Single().Depth);
    }

    [Fact]
    public void Avatar_initials_and_colour_come_from_the_name()
    {
        var thread = CommentThread.Build([C(1, null, "maria lopez garcia")], maxDepth: 5).Single();
        Assert.Equal("MG", thread.Initials);
        Assert.Equal(thread.Colour, CommentThread.Build([C(2, null, "maria lopez garcia")], maxDepth: 5).Single().Colour);
        Assert.InRange(thread.Colour, 0, 11);
    }

    [Fact]
    public void With_a_depth_of_one_every_reply_is_shown_flat()
    {
        var threads = CommentThread.Build([C(1, null), C(2, 1), C(3, 2)], maxDepth: 1);
        Assert.Equal([1, 2, 3], threads.Select(t => t.Comment.Id));
    }

    private static int CountAll(IEnumerable<CommentThread> threads) => threads.Sum(t => 1 + CountAll(t.Replies));
}
