namespace Dashboard.Server.Data.Seeding;

// The shapes of the files in seed-data/. Everything is nullable so that a missing field is reported by the
// validator with its path, rather than as a deserializer message.

internal sealed class DepartmentsFile
{
    public List<DepartmentSeed?>? Departments { get; set; }
}

internal sealed class DepartmentSeed
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public bool? Sample { get; set; }
}

internal sealed class PlanFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public bool? IsCurrent { get; set; }
    public ThresholdsSeed? StatusThresholds { get; set; }
    public GradingSeed? Grading { get; set; }
    public List<RevisionSeed?>? Revisions { get; set; }
    public List<PolicySeed?>? Policies { get; set; }
}

internal sealed class ThresholdsSeed
{
    public decimal? OnTrack { get; set; }
    public decimal? Caution { get; set; }
}

internal sealed class GradingSeed
{
    public string? Scheme { get; set; }
    public decimal? A { get; set; }
    public decimal? B { get; set; }
    public decimal? C { get; set; }
    public decimal? BaselineBand { get; set; }
}

internal sealed class RevisionSeed
{
    public DateOnly? Date { get; set; }
    public string? Description { get; set; }
}

internal sealed class PolicySeed
{
    public int? Number { get; set; }
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public List<InitiativeSeed?>? Initiatives { get; set; }
}

internal sealed class InitiativeSeed
{
    public int? Number { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public List<KpiSeed?>? Kpis { get; set; }
}

internal sealed class KpiSeed
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Direction { get; set; }
    public string? Unit { get; set; }
    public BaselineSeed? Baseline { get; set; }
    public Dictionary<string, decimal?>? Targets { get; set; }
    public int? DueFiscalYear { get; set; }
    public List<string?>? Owners { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }

    /// <summary>廃止: kept in a version's snapshot and the seed JSON export; a loaded or imported plan starts without it.</summary>
    public DateOnly? RetiredOn { get; set; }
}

internal sealed class BaselineSeed
{
    public decimal? Value { get; set; }
    public DateOnly? Date { get; set; }
}

internal sealed class SampleFiguresFile
{
    public string? Plan { get; set; }
    public List<SampleSeriesSeed?>? Series { get; set; }
    public List<SampleEntrySeed?>? Entries { get; set; }
}

internal sealed class SampleSeriesSeed
{
    public string? Kpi { get; set; }
    public string? From { get; set; }
    public List<decimal?>? Values { get; set; }
}

internal sealed class SampleEntrySeed
{
    public string? Kpi { get; set; }
    public string? Quarter { get; set; }
    public decimal? Value { get; set; }
    public string? Milestone { get; set; }
    public DateOnly? MilestoneDate { get; set; }
    public string? Done { get; set; }
    public string? Check { get; set; }
    public string? Act { get; set; }
}

internal sealed class DemoUsersFile
{
    public List<DemoUserSeed?>? Users { get; set; }
}

internal sealed class DemoUserSeed
{
    public string? Login { get; set; }
    public string? Name { get; set; }
    public List<string?>? Roles { get; set; }
    public List<string?>? Departments { get; set; }
}
