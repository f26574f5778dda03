using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Masthead.Shared;
using MimeKit;

namespace Masthead.Mail;

/// <summary>Outgoing mail. Section "Mail". Without an SMTP host, messages are written to the outbox folder instead.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string? SmtpHost { get; set; }
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    /// <summary>From the environment (Mail__SmtpPassword), never from a file in the repository.</summary>
    public string? SmtpPassword { get; set; }
    [Required, EmailAddress]
    public string From { get; set; } = "newsroom@localhost.localdomain";
}

/// <summary>The seam for mail: SMTP in production, a folder of .eml files when no server is configured (and in tests).</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(options.SmtpUser))
        {
            await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>Writes each message as an .eml file in data/outbox, where an operator (or a test) can read it.</summary>
public sealed class OutboxMailSender(SiteOptions site) : IMailSender
{
    public string Folder => Path.Combine(site.DataPath, "outbox");

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():n}.eml";
        var temporary = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, Path.Combine(Folder, name));
    }
}

/// <summary>
/// Chooses SMTP or the outbox for each message, so an SMTP host set in the newsroom's settings is used from the next
/// message on, without a restart.
/// </summary>
public sealed class ConfiguredMailSender(MailOptions options, OutboxMailSender outbox) : IMailSender
{
    public Task SendAsync(MimeMessage message, CancellationToken ct) => string.IsNullOrWhiteSpace(options.SmtpHost)
        ? outbox.SendAsync(message, ct)
        : new SmtpMailSender(options).SendAsync(message, ct);
}

public static class MailModule
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value);
        builder.Services.AddSingleton<OutboxMailSender>();
        builder.Services.AddSingleton<IMailSender, ConfiguredMailSender>();
        return builder;
    }
}
