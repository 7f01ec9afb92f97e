using Dashboard.Shared.Notifications;

namespace Dashboard.Server.Data;

/// <summary>A planner's collection window for one quarter; without a row the default rule applies.</summary>
public sealed class CollectionWindow
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int FiscalYear { get; set; }
    public int Quarter { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>
/// One thing the app told people (a reminder to a department, a return to its author, "all in" to the secretariat),
/// recorded once under a unique key in the same transaction as its notices and mails: a restart, or a second
/// instance, finds the key and never sends it again.
/// </summary>
public sealed class Dispatch
{
    public long Id { get; set; }

    /// <summary>e.g. reminder/goshogawara-dx/FY2025 Q4/due-3/kikaku.</summary>
    public required string Key { get; set; }
    public NotificationKind Kind { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Who sent it: a person's login, or "system" for the schedule.</summary>
    public required string SentBy { get; set; }
    public int Recipients { get; set; }
}

/// <summary>A notice in a person's bell.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public long DispatchId { get; set; }
    public Dispatch? Dispatch { get; set; }

    /// <summary>The person's login name.</summary>
    public required string Recipient { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}

/// <summary>A mail waiting to be sent, or sent: the outbox the mail pump works through.</summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }
    public long DispatchId { get; set; }
    public Dispatch? Dispatch { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>A scheduled pack whose workbook goes with the mail as an attachment.</summary>
    public long? AttachmentPackId { get; set; }

    /// <summary>An instance is sending it until then; another instance leaves it alone.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}

/// <summary>A meeting's pack, built and sent to the committee on its day (decision 024); the workbook is kept as sent.</summary>
public sealed class ScheduledPack
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public required string Title { get; set; }
    public int FiscalYear { get; set; }
    public int Quarter { get; set; }
    public DateOnly SendOn { get; set; }
    public bool Attach { get; set; }
    public Dashboard.Shared.Exports.ScheduledPackState State { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? BuiltUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public int Recipients { get; set; }
    public string? FileName { get; set; }
    public byte[]? Content { get; set; }
}
