using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Masthead.Accounts;

/// <summary>
/// Signs invitation links. Like a reset link it carries the account's security stamp, so it stops working once the
/// password is set (or the invitation is sent again); unlike one it lasts long enough for someone to read their mail.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<StaffUser>> logger)
    : DataProtectorTokenProvider<StaffUser>(protection, options, logger)
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(7);
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = StaffRoster.InvitationProvider;
        TokenLifespan = InvitationTokenProvider.Lifespan;
    }
}
