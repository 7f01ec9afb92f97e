using Dashboard.Shared.Findings;

namespace Dashboard.Server.Data;

/// <summary>A 推進本部 meeting: when it met and which quarter it reviewed.</summary>
public sealed class CommitteeMeeting
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public int FiscalYear { get; set; }
    public int Quarter { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
    public List<Finding> Findings { get; } = [];
}

/// <summary>What the committee asked of a department by when, and what became of it; every change is in the audit log.</summary>
public sealed class Finding
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public CommitteeMeeting? Meeting { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public int? KpiId { get; set; }
    public Kpi? Kpi { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Request { get; set; }
    public FindingState State { get; set; }
    public string? Response { get; set; }
    public string? RespondedBy { get; set; }
    public DateTime? RespondedUtc { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
}
