namespace Dashboard.Server.Data;

/// <summary>A discussion on a KPI's quarter (KpiId, FiscalYear, Quarter) or on an initiative (InitiativeId).</summary>
public sealed class CommentThread
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public int? KpiId { get; set; }
    public int? FiscalYear { get; set; }
    public int? Quarter { get; set; }
    public int? InitiativeId { get; set; }

    /// <summary>Started before the figure was approved: it stays with the owning department, the secretariat and the admin.</summary>
    public bool IsInternal { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public string? ResolvedBy { get; set; }
    public List<Comment> Comments { get; } = [];
}

/// <summary>One comment; an edit or a deletion keeps the earlier text in the audit log.</summary>
public sealed class Comment
{
    public long Id { get; set; }
    public long ThreadId { get; set; }
    public CommentThread? Thread { get; set; }
    public required string Author { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EditedUtc { get; set; }
    public DateTime? DeletedUtc { get; set; }
}
