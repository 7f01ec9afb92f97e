using Dashboard.Shared.Problems;

namespace Dashboard.Shared.Notifications;

/// <summary>One notice in the person's bell.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Subject">One line.</param>
/// <param name="Body">The text; plain, several lines.</param>
/// <param name="Link">Page in the app it points to (relative), or null.</param>
/// <param name="CreatedUtc">When it was sent.</param>
/// <param name="IsRead">Opened by the person.</param>
public sealed record NotificationDto(long Id, NotificationKind Kind, string Subject, string Body, string? Link, DateTime CreatedUtc, bool IsRead);

/// <summary>The person's latest notices and how many are unread.</summary>
public sealed record NotificationListDto(int Unread, IReadOnlyList<NotificationDto> Items);

/// <summary>What a notice is about.</summary>
public enum NotificationKind
{
    /// <summary>The due date is near, and the department's reports are missing.</summary>
    DueSoon,

    /// <summary>The due date has passed, and the department's reports are missing.</summary>
    Overdue,

    /// <summary>The secretariat reminded the department by hand.</summary>
    Reminder,

    /// <summary>An entry the person submitted was returned.</summary>
    Returned,

    /// <summary>Every KPI of the quarter is in (submitted or approved).</summary>
    AllIn,

    /// <summary>Someone mentioned the person (or their department) in a comment.</summary>
    Mention,

    /// <summary>Someone answered a thread the person wrote in.</summary>
    ThreadReply,

    /// <summary>The committee asked the person's department for something (a finding).</summary>
    Finding,

    /// <summary>A finding of the person's department is due soon or past its due date and not reported done.</summary>
    FindingReminder,

    /// <summary>A department reported a finding done (対応済): the planner confirms it.</summary>
    FindingAddressed,

    /// <summary>A meeting's pack is ready to download (sent on the day the planner set).</summary>
    MeetingPack,
}

/// <summary>How mail is doing, for the admin page.</summary>
/// <param name="Configured">An SMTP host is set.</param>
/// <param name="Host">host:port.</param>
/// <param name="LastAttemptUtc">The last send tried.</param>
/// <param name="LastError">Why it failed, or null when it worked.</param>
/// <param name="Pending">Mails waiting to be sent (retried every minute).</param>
public sealed record MailStatusDto(bool Configured, string? Host, DateTime? LastAttemptUtc, string? LastError, int Pending);

/// <summary>The person's notices.</summary>
public interface INotificationService
{
    /// <summary>The newest notices (at most 30) and the unread count.</summary>
    Task<NotificationListDto> GetMineAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the person's notices read: one, or all when <paramref name="id"/> is null.</summary>
    Task<Outcome<Done>> MarkReadAsync(long? id, CancellationToken cancellationToken = default);
}
