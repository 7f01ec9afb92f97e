using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Data.Seeding;

/// <summary>Turns one sample-figures/*.json into sample entries for KPIs of a plan in plans/.</summary>
internal sealed class SampleSeedValidator(string file, IReadOnlyList<PlanSeedResult> plans)
{
    private readonly HashSet<(string, FiscalQuarter)> _seen = [];

    public IEnumerable<SampleEntry> Validate(SampleFiguresFile source)
    {
        var planCode = SeedMessages.RequireText(file, "$.plan", source.Plan, 64);
        var plan = plans.FirstOrDefault(p => p.Plan.Code == planCode)?.Plan
            ?? throw Fail("$.plan", $"計画 \"{planCode}\" は plans/ にありません (unknown plan)");
        var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToDictionary(k => k.Code, StringComparer.Ordinal);
        var result = new List<SampleEntry>();

        var series = source.Series ?? [];
        for (var i = 0; i < series.Count; i++)
        {
            var at = $"$.series[{i}]";
            var s = series[i] ?? throw Fail(at, SeedMessages.Missing);
            var kpi = FindKpi(kpis, s.Kpi, $"{at}.kpi");
            if (!kpi.Kind.IsNumeric())
            {
                throw Fail($"{at}.kpi", "数値のない指標は entries で書いてください (series is for numeric KPIs)");
            }

            var quarter = ParseQuarter(s.From, $"{at}.from");
            var values = s.Values ?? throw Fail($"{at}.values", SeedMessages.Missing);
            for (var v = 0; v < values.Count; v++, quarter = quarter.Next())
            {
                // null leaves the quarter unreported, to show 未報告 on the dashboard.
                if (values[v] is { } value)
                {
                    CheckValue(kpi, value, $"{at}.values[{v}]");
                    result.Add(Entry(plan, kpi, quarter, $"{at}.values[{v}]", value, null, null, null, null, null));
                }
            }
        }

        var entries = source.Entries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"$.entries[{i}]";
            var e = entries[i] ?? throw Fail(at, SeedMessages.Missing);
            var kpi = FindKpi(kpis, e.Kpi, $"{at}.kpi");
            var quarter = ParseQuarter(e.Quarter, $"{at}.quarter");
            MilestoneState? milestone = null;
            if (kpi.Kind == KpiKind.Milestone)
            {
                var text = SeedMessages.RequireText(file, $"{at}.milestone", e.Milestone, 20);
                milestone = Enum.TryParse<MilestoneState>(text, ignoreCase: true, out var m) && !char.IsDigit(text[0])
                    ? m
                    : throw Fail($"{at}.milestone", $"\"{text}\" は notStarted, inProgress, done のいずれかです (unknown milestone state)");
            }
            else if (kpi.Kind.IsNumeric())
            {
                CheckValue(kpi, SeedMessages.Require(file, $"{at}.value", e.Value), $"{at}.value");
            }

            result.Add(Entry(plan, kpi, quarter, at, e.Value, milestone, e.MilestoneDate, e.Done, e.Check, e.Act));
        }

        return result;
    }

    private SampleEntry Entry(Plan plan, Kpi kpi, FiscalQuarter quarter, string at, decimal? value, MilestoneState? milestone,
        DateOnly? milestoneDate, string? done, string? check, string? act)
    {
        if (!_seen.Add((kpi.Code, quarter)))
        {
            throw Fail(at, $"{kpi.Code} の {quarter.ToJapaneseLabel()} が2回書かれています (quarter given twice)");
        }

        return new SampleEntry(plan.Code, kpi.Code, quarter, value, milestone, milestoneDate, done, check, act);
    }

    private void CheckValue(Kpi kpi, decimal value, string path)
    {
        if (value < 0 || (kpi.Kind == KpiKind.Percentage && value > 100))
        {
            throw Fail(path, $"{value} は {kpi.Code} の値として範囲外です (value out of range)");
        }
    }

    private Kpi FindKpi(Dictionary<string, Kpi> kpis, string? code, string path)
    {
        var c = SeedMessages.RequireText(file, path, code, 32);
        return kpis.TryGetValue(c, out var kpi) ? kpi : throw Fail(path, $"KPIコード \"{c}\" は計画にありません (unknown KPI)");
    }

    private FiscalQuarter ParseQuarter(string? text, string path) =>
        FiscalQuarter.TryParse(SeedMessages.RequireText(file, path, text, 40), out var q)
            ? q
            : throw Fail(path, $"\"{text}\" は四半期として読めません。\"FY2025 Q3\" か \"令和7年度 第3四半期\" と書いてください (not a quarter)");

    private SeedDataException Fail(string path, string problem) => new(file, path, problem);
}
