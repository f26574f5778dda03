using Masthead.Accounts;

namespace Masthead.UnitTests.Accounts;

public sealed class AuthenticatorKeysTests
{
    [Theory]
    [InlineData("abcdefghijklmnop", "ABCD EFGH IJKL MNOP")]
    [InlineData("ABCDEFGHIJ", "ABCD EFGH IJ")]
    [InlineData("AB CD EF", "ABCD EF")]
    [InlineData("", "")]
    public void A_key_is_shown_in_upper_case_groups_of_four(string key, string shown) =>
        Assert.Equal(shown, AuthenticatorKeys.Format(key));

    [Fact]
    public void The_otpauth_address_names_the_site_and_the_account_and_carries_the_key_without_spaces() =>
        Assert.Equal("otpauth://totp/The%20Herald%20newsroom:ada%40example.com?secret=ABCDEFGH&issuer=The%20Herald%20newsroom&digits=6&period=30",
            AuthenticatorKeys.Uri("The Herald newsroom", "ada@example.com", "abcd efgh"));
}

public sealed class PasswordResetThrottleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_account_gets_one_link_per_interval_and_another_account_is_not_held_up()
    {
        var throttle = new PasswordResets.Throttle();
        Assert.True(throttle.TryTake(1, Noon));
        Assert.False(throttle.TryTake(1, Noon.AddMinutes(1)));
        Assert.True(throttle.TryTake(2, Noon.AddMinutes(1)));
        Assert.False(throttle.TryTake(1, Noon + PasswordResets.Interval - TimeSpan.FromSeconds(1)));
        Assert.True(throttle.TryTake(1, Noon + PasswordResets.Interval));
    }
}
