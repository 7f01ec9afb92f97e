using Dashboard.Shared.Auth;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Data.Seeding;

/// <summary>The seed files, read and validated, ready to be written.</summary>
internal sealed record SeedSet(
    IReadOnlyList<Department> Departments,
    IReadOnlyList<PlanSeedResult> Plans,
    IReadOnlyList<SampleEntry> SampleEntries,
    IReadOnlyList<DemoUser> DemoUsers);

internal sealed record DemoUser(string Login, string Name, AppRoles Roles, IReadOnlyList<string> DepartmentCodes);

/// <summary>A plan ready to insert; owners are by department code, resolved when written.</summary>
internal sealed record PlanSeedResult(string File, Plan Plan, IReadOnlyDictionary<string, IReadOnlyList<string>> OwnerCodesByKpi);

internal sealed record SampleEntry(
    string PlanCode,
    string KpiCode,
    FiscalQuarter Quarter,
    decimal? Value,
    MilestoneState? Milestone,
    DateOnly? MilestoneDate,
    string? Done,
    string? Check,
    string? Act);
