namespace Dashboard.Shared.Publishing;

/// <summary>A quarter as the planner's publishing page lists it.</summary>
/// <param name="FiscalYear">Fiscal year.</param>
/// <param name="Quarter">Quarter (1-4).</param>
/// <param name="IsClosed">Closed by the secretariat (only closed quarters may be published).</param>
/// <param name="PublishedUtc">When it was published, or null.</param>
public sealed record PublishingQuarterDto(int FiscalYear, int Quarter, bool IsClosed, DateTime? PublishedUtc);

/// <summary>An approved entry of a published quarter whose PDCA notes the planner may make public.</summary>
/// <param name="KpiCode">KPI code.</param>
/// <param name="KpiName">KPI name.</param>
/// <param name="FiscalYear">Fiscal year.</param>
/// <param name="Quarter">Quarter.</param>
/// <param name="Done">実施内容.</param>
/// <param name="Check">評価・課題.</param>
/// <param name="Act">改善策.</param>
/// <param name="IsPublic">The notes appear on the public page.</param>
public sealed record PublishableNoteDto(string KpiCode, string KpiName, int FiscalYear, int Quarter, string? Done, string? Check, string? Act, bool IsPublic);

/// <summary>The planner's publishing view: the plan's quarters and the notes of published quarters.</summary>
/// <param name="Quarters">The plan's quarters, newest first.</param>
/// <param name="Notes">Approved entries with notes in published quarters.</param>
public sealed record PublishingDto(IReadOnlyList<PublishingQuarterDto> Quarters, IReadOnlyList<PublishableNoteDto> Notes);

/// <summary>Marks a note public or internal.</summary>
/// <param name="IsPublic">Public when true.</param>
public sealed record NoteVisibilityRequest(bool IsPublic);
