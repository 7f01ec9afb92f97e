namespace Dashboard.Server.Features.Notifications;

/// <summary>The notices' log messages.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff to remind in department {Department} for {Quarter}: {Missing}")]
    public static partial void NoStaff(ILogger logger, string department, string quarter, string missing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Key} sent to {Count} people")]
    public static partial void Reminded(ILogger logger, string key, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting pack {Id} built and sent to {Count} committee members")]
    public static partial void PackSent(ILogger logger, long id, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server {Host}:{Port} not reachable; {Count} mails stay in the outbox")]
    public static partial void ServerUnreachable(ILogger logger, Exception error, string? host, int port, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Id} to {To} not sent")]
    public static partial void NotSent(ILogger logger, Exception error, long id, string to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder round failed; the next round tries again")]
    public static partial void RoundFailed(ILogger logger, Exception error);
}
