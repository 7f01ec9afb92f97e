using System.Globalization;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Server.Data.Seeding;

/// <summary>
/// Turns one plan (a plans/*.json file, or a plan workbook read into the same shape) into entities, or throws at the
/// first problem with its path. With <paramref name="collect"/>, a problem inside one KPI is recorded there and the
/// validation goes on with the next KPI, so an import can report every bad row at once (the plan is then not usable).
/// </summary>
internal sealed class PlanSeedValidator(string file, ISet<string> knownDepartments, List<SeedDataException>? collect = null)
{
    private readonly HashSet<string> _kpiCodes = new(StringComparer.Ordinal);
    private readonly HashSet<int> _initiativeNumbers = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _owners = new(StringComparer.Ordinal);
    private int _firstYear;
    private int _lastYear;

    public PlanSeedResult Validate(PlanFile source)
    {
        var start = SeedMessages.Require(file, "$.periodStart", source.PeriodStart);
        var end = SeedMessages.Require(file, "$.periodEnd", source.PeriodEnd);
        if (end <= start)
        {
            throw Fail("$.periodEnd", "計画期間の終わりが始まりより前です (periodEnd is not after periodStart)");
        }

        _firstYear = FiscalQuarter.FiscalYearOf(start);
        _lastYear = FiscalQuarter.FiscalYearOf(end);

        var thresholds = StatusThresholds.Default;
        if (source.StatusThresholds is { } t)
        {
            thresholds = new StatusThresholds(t.OnTrack ?? thresholds.OnTrack, t.Caution ?? thresholds.Caution);
            if (!thresholds.IsValid)
            {
                throw Fail("$.statusThresholds", "0 < caution <= onTrack <= 1 にしてください (thresholds out of order)");
            }
        }

        var grading = GradeScale.Default;
        if (source.Grading is { } g)
        {
            if (!Enum.TryParse<GradeScheme>(g.Scheme ?? nameof(GradeScheme.AtoD), ignoreCase: false, out var scheme) || !Enum.IsDefined(scheme))
            {
                throw Fail("$.grading.scheme", "AtoD または SAtoC を指定してください (unknown grading scheme)");
            }

            grading = new GradeScale(scheme, g.A ?? grading.A, g.B ?? grading.B, g.C ?? grading.C, g.BaselineBand ?? grading.BaselineBand);
            if (!grading.IsValid)
            {
                throw Fail("$.grading", "0 < c <= b <= a、0 <= baselineBand < 1 にしてください (grading thresholds out of order)");
            }
        }

        var plan = new Plan
        {
            Code = SeedMessages.RequireCode(file, "$.code", source.Code),
            Name = SeedMessages.RequireName(file, "$.name", source.Name, 200),
            PeriodStart = start,
            PeriodEnd = end,
            IsCurrent = source.IsCurrent ?? false,
            OnTrackThreshold = thresholds.OnTrack,
            CautionThreshold = thresholds.Caution,
            GradeScheme = grading.Scheme,
            GradeA = grading.A,
            GradeB = grading.B,
            GradeC = grading.C,
            GradeBaselineBand = grading.BaselineBand,
            Revisions = Revisions(source.Revisions),
        };

        var policies = source.Policies is { Count: > 0 } p ? p : throw Fail("$.policies", SeedMessages.Missing);
        var numbers = new HashSet<int>();
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = Policy(policies[i], $"$.policies[{i}]");
            if (!numbers.Add(policy.Number))
            {
                throw Fail($"$.policies[{i}].number", $"基本方針 {policy.Number} が重複しています (duplicate policy number)");
            }

            plan.Policies.Add(policy);
        }

        return new PlanSeedResult(file, plan, _owners);
    }

    private List<PlanRevision> Revisions(List<RevisionSeed?>? revisions) =>
        (revisions ?? []).Select((r, i) => new PlanRevision
        {
            Date = SeedMessages.Require(file, $"$.revisions[{i}].date", r?.Date),
            Description = SeedMessages.RequireText(file, $"$.revisions[{i}].description", r?.Description, 500),
        }).ToList();

    private BasicPolicy Policy(PolicySeed? source, string at)
    {
        var s = source ?? throw Fail(at, SeedMessages.Missing);
        var policy = new BasicPolicy
        {
            Number = SeedMessages.Require(file, $"{at}.number", s.Number),
            Title = SeedMessages.RequireName(file, $"{at}.title", s.Title, 200),
            Subtitle = s.Subtitle?.Trim(),
        };
        var initiatives = s.Initiatives is { Count: > 0 } list ? list : throw Fail($"{at}.initiatives", SeedMessages.Missing);
        for (var i = 0; i < initiatives.Count; i++)
        {
            policy.Initiatives.Add(Initiative(initiatives[i], $"{at}.initiatives[{i}]"));
        }

        return policy;
    }

    private Initiative Initiative(InitiativeSeed? source, string at)
    {
        var s = source ?? throw Fail(at, SeedMessages.Missing);
        var number = SeedMessages.Require(file, $"{at}.number", s.Number);
        if (!_initiativeNumbers.Add(number))
        {
            throw Fail($"{at}.number", $"取組施策 {number} が重複しています (duplicate initiative number)");
        }

        var initiative = new Initiative
        {
            Number = number,
            Title = SeedMessages.RequireName(file, $"{at}.title", s.Title, 200),
            Summary = s.Summary?.Trim(),
        };
        var kpis = s.Kpis is { Count: > 0 } list ? list : throw Fail($"{at}.kpis", SeedMessages.Missing);
        for (var i = 0; i < kpis.Count; i++)
        {
            Kpi kpi;
            try
            {
                kpi = Kpi(kpis[i], $"{at}.kpis[{i}]");
            }
            catch (SeedDataException problem) when (collect is not null)
            {
                collect.Add(problem);
                continue;
            }

            kpi.DisplayOrder = (number * 100) + i + 1;
            initiative.Kpis.Add(kpi);
        }

        return initiative;
    }

    private Kpi Kpi(KpiSeed? source, string at)
    {
        var s = source ?? throw Fail(at, SeedMessages.Missing);
        var code = SeedMessages.RequireCode(file, $"{at}.code", s.Code);
        if (!_kpiCodes.Add(code))
        {
            throw Fail($"{at}.code", $"KPIコード \"{code}\" が重複しています (duplicate KPI code)");
        }

        var kind = ParseKind(s.Kind, $"{at}.kind");
        var kpi = new Kpi
        {
            Code = code,
            Name = SeedMessages.RequireName(file, $"{at}.name", s.Name, 300),
            Kind = kind,
            Direction = ParseDirection(s.Direction, kind, $"{at}.direction"),
            Unit = kind.IsNumeric() ? SeedMessages.RequireText(file, $"{at}.unit", s.Unit, 40) : s.Unit?.Trim() ?? "",
            Source = s.Source?.Trim(),
            Note = s.Note?.Trim(),
        };

        if (s.Baseline is { } baseline)
        {
            kpi.BaselineValue = SeedMessages.Require(file, $"{at}.baseline.value", baseline.Value);
            kpi.BaselineDate = SeedMessages.Require(file, $"{at}.baseline.date", baseline.Date);
        }

        kpi.Targets = Targets(s.Targets, kind, $"{at}.targets");
        if (kind.HasTargetPath() && kpi.Targets.Count == 0)
        {
            throw Fail($"{at}.targets", $"{kind} の指標には年度目標が1つ以上必要です (at least one fiscal-year target is required)");
        }

        if (kind == KpiKind.Milestone)
        {
            var due = SeedMessages.Require(file, $"{at}.dueFiscalYear", s.DueFiscalYear);
            CheckYear(due, $"{at}.dueFiscalYear");
            kpi.MilestoneDueFiscalYear = due;
        }
        else if (s.DueFiscalYear is not null)
        {
            throw Fail($"{at}.dueFiscalYear", "期限年度はマイルストーンの指標だけに設定できます (dueFiscalYear is for milestones only)");
        }

        _owners[code] = Owners(s.Owners, $"{at}.owners");
        return kpi;
    }

    private List<KpiTargetValue> Targets(Dictionary<string, decimal?>? targets, KpiKind kind, string at)
    {
        var result = new List<KpiTargetValue>();
        foreach (var (key, value) in targets ?? [])
        {
            var path = $"{at}.{key}";
            if (!kind.HasTargetPath() && kind != KpiKind.ZeroTarget)
            {
                throw Fail(path, $"{kind} の指標には数値目標を設定できません (this kind takes no numeric targets)");
            }

            var yearText = key.StartsWith("FY", StringComparison.OrdinalIgnoreCase) ? key[2..] : key;
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                throw Fail(path, $"\"{key}\" は年度ではありません。2025 のように西暦の年度で書いてください (not a fiscal year)");
            }

            CheckYear(year, path);
            var v = SeedMessages.Require(file, path, value);
            if (kind == KpiKind.Percentage && v is < 0 or > 100)
            {
                throw Fail(path, "割合の目標は0から100の間です (percentage outside 0-100)");
            }

            if (kind == KpiKind.ZeroTarget && v != 0)
            {
                throw Fail(path, "ゼロ目標の指標の目標値は0です (a zero-target KPI has target 0)");
            }

            if (v < 0)
            {
                throw Fail(path, "目標値は0以上です (target below zero)");
            }

            result.Add(new KpiTargetValue { FiscalYear = year, Value = v });
        }

        return result;
    }

    private List<string> Owners(List<string?>? owners, string at)
    {
        var list = owners is { Count: > 0 } o ? o : throw Fail(at, "担当課を1つ以上指定してください (at least one owner department)");
        var codes = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var code = SeedMessages.RequireText(file, $"{at}[{i}]", list[i], 32);
            if (!knownDepartments.Contains(code))
            {
                throw Fail($"{at}[{i}]", $"課コード \"{code}\" は departments.json にありません (unknown department)");
            }

            codes.Add(code);
        }

        return codes;
    }

    private void CheckYear(int fiscalYear, string path)
    {
        if (fiscalYear < _firstYear || fiscalYear > _lastYear)
        {
            throw Fail(path, $"{fiscalYear}年度は計画期間（{_firstYear}〜{_lastYear}年度）の外です (fiscal year outside the plan period)");
        }
    }

    private KpiKind ParseKind(string? text, string path)
    {
        var value = SeedMessages.RequireText(file, path, text, 40);
        if (!char.IsDigit(value[0]) && Enum.TryParse<KpiKind>(value, ignoreCase: true, out var kind))
        {
            return kind;
        }

        var known = string.Join(", ", Enum.GetNames<KpiKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw Fail(path, $"種類 \"{value}\" は使えません。{known} のいずれかです (unknown kind)");
    }

    private KpiDirection ParseDirection(string? text, KpiKind kind, string path)
    {
        var required = kind.RequiredDirection();
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ?? KpiDirection.HigherIsBetter;
        }

        KpiDirection direction = text.Trim().ToLowerInvariant() switch
        {
            "higher" or "higherisbetter" => KpiDirection.HigherIsBetter,
            "lower" or "lowerisbetter" => KpiDirection.LowerIsBetter,
            _ => throw Fail(path, $"向き \"{text}\" は使えません。higher か lower です (unknown direction)"),
        };
        if (required is { } r && r != direction)
        {
            throw Fail(path, $"{kind} の指標の向きは {r} です (direction contradicts kind)");
        }

        return direction;
    }

    private SeedDataException Fail(string path, string problem) => new(file, path, problem);
}
