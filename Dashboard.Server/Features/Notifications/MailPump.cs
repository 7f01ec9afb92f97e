using Dashboard.Server.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.Server.Features.Notifications;

/// <summary>What this instance last saw of the mail server, for the admin page.</summary>
public sealed class MailHealth
{
    private readonly Lock _gate = new();

    public DateTime? LastAttemptUtc { get; private set; }

    public string? LastError { get; private set; }

    public void Record(DateTime atUtc, string? error)
    {
        lock (_gate)
        {
            LastAttemptUtc = atUtc;
            LastError = error;
        }
    }
}

/// <summary>
/// Sends the outbox (<see cref="OutgoingMail"/>) over SMTP with MailKit. Each mail is claimed for five minutes before
/// it is sent, so two instances never send the same one; a mail that fails stays in the outbox and is tried again on the
/// next round (at most 10 times). A server that does not answer never stops the app: the error is kept for the admin page.
/// </summary>
public sealed class MailPump(DbOperations operations, IOptions<MailOptions> options, TimeProvider clock, MailHealth health, ILogger<MailPump> log)
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    public const int MaxAttempts = 10;

    /// <summary>Sends what is waiting; returns how many went out.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        using var operation = operations.Begin();
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.SentUtc == null && m.Attempts < MaxAttempts && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.Id).Take(100).Select(m => m.Id).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var claimed = new List<long>();
        foreach (var id in waiting)
        {
            var until = now.AddMinutes(5);
            if (await db.OutgoingMails.Where(m => m.Id == id && m.SentUtc == null && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken) == 1)
            {
                claimed.Add(id);
            }
        }

        var mails = await db.OutgoingMails.AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var packIds = mails.Select(m => m.AttachmentPackId).OfType<long>().Distinct().ToList();
        var attachments = await db.ScheduledPacks.AsNoTracking().Where(p => packIds.Contains(p.Id) && p.Content != null)
            .ToDictionaryAsync(p => p.Id, p => (p.FileName!, p.Content!), cancellationToken);
        var sent = 0;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await ConnectAsync(client, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Unreachable(settings, ex);
            NotificationLog.ServerUnreachable(log, ex, settings.Host, settings.Port, mails.Count);
            await FailedAsync(claimed, error, cancellationToken);
            return 0;
        }

        foreach (var mail in mails)
        {
            try
            {
                await client.SendAsync(Message(settings, mail, mail.AttachmentPackId is { } pack && attachments.TryGetValue(pack, out var file) ? file : null), cancellationToken);
                await db.OutgoingMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.SentUtc, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastAttemptUtc, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                NotificationLog.NotSent(log, ex, mail.Id, mail.To);
                await FailedAsync([mail.Id], $"{mail.To} に送れません: {ex.Message}", cancellationToken);
            }
        }

        await client.DisconnectAsync(true, cancellationToken);
        health.Record(clock.GetUtcNow().UtcDateTime, null);
        return sent;
    }

    /// <summary>Tries the server without sending anything; the result goes to <see cref="MailHealth"/>.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return;
        }

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await ConnectAsync(client, settings, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            health.Record(clock.GetUtcNow().UtcDateTime, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NotificationLog.ServerUnreachable(log, ex, settings.Host, settings.Port, 0);
            health.Record(clock.GetUtcNow().UtcDateTime, Unreachable(settings, ex));
        }
    }

    private static async Task ConnectAsync(SmtpClient client, MailOptions settings, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(settings.Host!, settings.Port, SecurityOf(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
    }

    private static string Unreachable(MailOptions settings, Exception ex) => $"{settings.Host}:{settings.Port} に接続できません: {ex.Message}";

    private async Task FailedAsync(List<long> ids, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = error.Length > 1000 ? error[..1000] : error;
        health.Record(now, text);
        await db.OutgoingMails.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastAttemptUtc, now)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private static MimeMessage Message(MailOptions settings, OutgoingMail mail, (string Name, byte[] Content)? attachment)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Headers.Add("X-Dashboard-Mail-Id", mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = new TextPart("plain") { Text = mail.Body };
        if (attachment is not { } file)
        {
            message.Body = text;
            return message;
        }

        var workbook = new MimePart("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            Content = new MimeContent(new MemoryStream(file.Content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = file.Name,
        };
        message.Body = new Multipart("mixed") { text, workbook };
        return message;
    }

    private static SecureSocketOptions SecurityOf(string name) => name switch
    {
        "None" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
