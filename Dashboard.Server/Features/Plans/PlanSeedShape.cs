using System.Globalization;
using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Features.Plans;

/// <summary>A plan in the seed files' shape (seed-data/plans/*.json): its export, a version's snapshot, the editor's check.</summary>
internal static class PlanSeedShape
{
    private static readonly JsonSerializerOptions _seedJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The plan as a seed file (plans/*.json): the same shape the app loads at start.</summary>
    public static byte[] WriteSeed(Plan plan) => JsonSerializer.SerializeToUtf8Bytes(ToSeedFile(plan), _seedJson);

    /// <summary>A seed-shaped plan as JSON (a version's snapshot).</summary>
    public static string ToJson(PlanFile file) => JsonSerializer.Serialize(file, _seedJson);

    /// <summary>A seed-shaped plan from JSON; null when it does not read.</summary>
    public static PlanFile? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PlanFile>(json, _seedJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The plan in the seed files' shape (its own targets; revised ones are not part of a seed file).</summary>
    public static PlanFile ToSeedFile(Plan plan) =>
        new()
        {
            Code = plan.Code,
            Name = plan.Name,
            PeriodStart = plan.PeriodStart,
            PeriodEnd = plan.PeriodEnd,
            IsCurrent = plan.IsCurrent,
            StatusThresholds = new ThresholdsSeed { OnTrack = plan.OnTrackThreshold, Caution = plan.CautionThreshold },
            Grading = new GradingSeed { Scheme = plan.GradeScheme.ToString(), A = plan.GradeA, B = plan.GradeB, C = plan.GradeC, BaselineBand = plan.GradeBaselineBand },
            Revisions = plan.Revisions.OrderBy(r => r.Date).ThenBy(r => r.Id).Select(r => (RevisionSeed?)new RevisionSeed { Date = r.Date, Description = r.Description }).ToList(),
            Policies = plan.Policies.OrderBy(p => p.Number).Select(p => (PolicySeed?)new PolicySeed
            {
                Number = p.Number,
                Title = p.Title,
                Subtitle = p.Subtitle,
                Initiatives = p.Initiatives.OrderBy(i => i.Number).Select(i => (InitiativeSeed?)new InitiativeSeed
                {
                    Number = i.Number,
                    Title = i.Title,
                    Summary = i.Summary,
                    Kpis = i.Kpis.OrderBy(k => k.DisplayOrder).Select(k => (KpiSeed?)new KpiSeed
                    {
                        Code = k.Code,
                        Name = k.Name,
                        Kind = char.ToLowerInvariant(k.Kind.ToString()[0]) + k.Kind.ToString()[1..],
                        Direction = k.Direction == KpiDirection.HigherIsBetter ? "higher" : "lower",
                        Unit = k.Unit.Length == 0 ? null : k.Unit,
                        Baseline = k.BaselineValue is { } v ? new BaselineSeed { Value = v, Date = k.BaselineDate } : null,
                        Targets = !k.Targets.Any(t => t.EffectiveFrom is null) ? null
                            : k.Targets.Where(t => t.EffectiveFrom is null).OrderBy(t => t.FiscalYear).ToDictionary(t => t.FiscalYear.ToString(CultureInfo.InvariantCulture), t => (decimal?)t.Value),
                        DueFiscalYear = k.MilestoneDueFiscalYear,
                        Owners = k.Owners.Select(o => (string?)o.Code).ToList(),
                        Source = k.Source,
                        Note = k.Note,
                        RetiredOn = k.RetiredOn,
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
}

/// <summary>
/// The plan workbook (the KPI table cities write) as the plan service needs it: written from a plan, read into a plan
/// and its owners' department codes, or every problem with its sheet, row and column. The export feature implements
/// it, so the plan feature does not depend on the export feature (see FeatureCycleTests).
/// </summary>
public interface IPlanWorkbookFormat
{
    byte[] Write(Plan plan, IReadOnlyDictionary<int, string> departmentNames);

    PlanWorkbookRead Read(byte[] bytes, IReadOnlyDictionary<string, string> departments);
}

/// <summary>A plan read from a workbook (null with the problems when any), with each KPI's owner department codes.</summary>
public sealed record PlanWorkbookRead(Plan? Plan, IReadOnlyDictionary<string, IReadOnlyList<string>>? OwnerCodesByKpi, List<TemplateError> Errors)
{
    public const string KpiSheet = "KPI表";
    public const string PlanSheet = "計画";
}
