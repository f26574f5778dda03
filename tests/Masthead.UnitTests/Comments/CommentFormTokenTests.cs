using Masthead.Comments;
using Microsoft.AspNetCore.DataProtection;

namespace Masthead.UnitTests.Comments;

public class CommentFormTokenTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class HandClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (CommentFormToken Tokens, HandClock Clock) Create()
    {
        var clock = new HandClock(new DateTimeOffset(2026, 11, 27, 12, 0, 0, 100, TimeSpan.Zero));
        return (new CommentFormToken(new EphemeralDataProtectionProvider(), clock, new CommentOptions()), clock);
    }

    [Fact]
    public void Readers_opening_a_story_within_one_second_share_a_token_and_later_ones_get_a_new_one()
    {
        var (tokens, clock) = Create();
        var first = tokens.Issue(7);
        clock.Now = clock.Now.AddMilliseconds(800);
        Assert.Equal(first, tokens.Issue(7));
        Assert.NotEqual(first, tokens.Issue(8));
        clock.Now = clock.Now.AddMilliseconds(200);
        Assert.NotEqual(first, tokens.Issue(7));
    }

    [Fact]
    public void A_story_sharing_another_ones_place_in_the_cache_gets_its_own_token_in_the_same_second()
    {
        var (tokens, _) = Create();
        var first = tokens.Issue(7);
        // Story 263 takes story 7's place (263 = 7 + 256): it is signed for itself, and 7 is signed again after it.
        var other = tokens.Issue(7 + 256);
        Assert.Equal(FormTokenCheck.Expired, tokens.Check(other, 7));
        Assert.Equal(FormTokenCheck.TooFast, tokens.Check(other, 7 + 256));
        var again = tokens.Issue(7);
        Assert.NotEqual(first, again);
        Assert.Equal(FormTokenCheck.TooFast, tokens.Check(again, 7));
        Assert.Equal(again, tokens.Issue(7));
    }

    [Fact]
    public void A_shared_token_still_says_which_story_and_when()
    {
        var (tokens, clock) = Create();
        var token = tokens.Issue(7);
        Assert.Equal(FormTokenCheck.TooFast, tokens.Check(token, 7));
        clock.Now = clock.Now.AddSeconds(new CommentOptions().MinFormSeconds + 1);
        Assert.Equal(FormTokenCheck.Valid, tokens.Check(token, 7));
        Assert.Equal(FormTokenCheck.Expired, tokens.Check(token, 8));
        Assert.Equal(FormTokenCheck.Expired, tokens.Check(token + "x", 7));
        clock.Now = clock.Now.AddSeconds(new CommentOptions().MaxFormAgeSeconds);
        Assert.Equal(FormTokenCheck.Expired, tokens.Check(token, 7));
    }
}
