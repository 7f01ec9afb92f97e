using System.Globalization;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Server.Features.Audit;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>
/// The plan editor: a KPI added, changed or removed. A draft changes freely; a plan in force only through a recorded
/// revision (a 版 with its date and reason). The plan with the change is run through the seed files' validator, so the
/// editor, the workbook import and the seed files keep one set of rules; every changed field is audited.
/// </summary>
public sealed partial class ServerPlanService
{
    public async Task<Outcome<KpiDto>> SaveKpiAsync(string code, string? kpiCode, KpiEditRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await EditableAsync(code, cancellationToken) is not { } plan)
        {
            return NotEditable<KpiDto>();
        }

        var errors = RevisionErrors(plan, request.RevisionDate, request.RevisionReason);
        var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToList();
        var kpi = kpiCode is null ? null : kpis.FirstOrDefault(k => k.Code == kpiCode);
        if (kpiCode is not null && kpi is null)
        {
            return Outcome.Refused<KpiDto>(Wording.Pick("指標が見つかりません。", "The indicator was not found."), OutcomeKind.NotFound);
        }

        Initiative? initiative;
        var newCode = kpi?.Code ?? request.Code?.Trim();
        if (kpi is null)
        {
            initiative = plan.Policies.SelectMany(p => p.Initiatives).FirstOrDefault(i => i.Number == request.InitiativeNumber);
            if (initiative is null)
            {
                errors[nameof(request.InitiativeNumber)] = [Wording.Pick("指標を追加する施策を選んでください。", "Choose the initiative to add the indicator to.")];
            }

            if (!PlanLifecycleRules.IsCode(newCode))
            {
                errors[nameof(request.Code)] = [Wording.Pick($"KPIコードは英数字とハイフンで、{PlanLifecycleRules.CodeMaxLength}文字以内にしてください。", $"A KPI code is letters, digits and hyphens, at most {PlanLifecycleRules.CodeMaxLength} characters.")];
            }
            else if (kpis.Any(k => k.Code == newCode))
            {
                errors[nameof(request.Code)] = [Wording.Pick($"KPIコード「{newCode}」はこの計画で既に使われています。KPIコードは計画をまたいで指標を指すため、別のコードにしてください。", $"The KPI code {newCode} is already used in this plan. A KPI code names the indicator across plans, so choose another.")];
            }
        }
        else
        {
            // A KPI moves to another initiative when one is named (regrouping); its code and figures go with it.
            initiative = request.InitiativeNumber is { } to ? plan.Policies.SelectMany(p => p.Initiatives).FirstOrDefault(i => i.Number == to) : null;
            if (request.InitiativeNumber is not null && initiative is null)
            {
                errors[nameof(request.InitiativeNumber)] = [Wording.Pick($"取組施策{request.InitiativeNumber}はこの計画にありません。", $"Initiative {request.InitiativeNumber} is not in this plan.")];
            }

            initiative ??= plan.Policies.SelectMany(p => p.Initiatives).First(i => i.Kpis.Contains(kpi));
            if (kpi.Kind != request.Kind && await db.Entries.AnyAsync(e => e.KpiId == kpi.Id, cancellationToken))
            {
                errors[nameof(request.Kind)] = [Wording.Pick("実績がある指標の種類は変えられません（報告済みの実績の意味が変わるため）。", "The kind of an indicator with figures cannot change (the reported figures would mean something else).")];
            }
        }

        if (!Enum.IsDefined(request.Kind))
        {
            errors[nameof(request.Kind)] = [Wording.Pick("種類を選んでください。", "Choose the kind.")];
        }

        decimal? baseline = null;
        if (!string.IsNullOrWhiteSpace(request.BaselineValue) && (!KpiValueParser.TryParse(request.BaselineValue, out baseline, out var problem) || baseline is null))
        {
            errors[nameof(request.BaselineValue)] = [problem ?? Wording.Pick("基準値を数値で入力してください。", "Enter the baseline as a number.")];
        }

        foreach (var (field, label, text) in new[] { (nameof(request.Source), Wording.Pick("出典", "The source"), request.Source), (nameof(request.Note), Wording.Pick("備考", "The note"), request.Note) })
        {
            if (TextPolicy.Problem(text, label, multiline: true) is { } bad)
            {
                errors[field] = [bad];
            }
        }

        var departments = await db.Departments.ToListAsync(cancellationToken);
        var unknown = (request.Owners ?? []).Where(o => departments.All(d => d.Code != o)).ToList();
        if (unknown.Count > 0)
        {
            errors[nameof(request.Owners)] = [Wording.Pick($"担当課「{string.Join("、", unknown)}」は登録されていません。", $"No department is registered as {string.Join(", ", unknown)}.")];
        }

        if (errors.Count == 0)
        {
            errors = ValidateWithSeedRules(plan, initiative!, kpi, newCode!, request, baseline, departments);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<KpiDto>(errors);
        }

        var key = $"{plan.Code}/{newCode}";
        var changed = new List<string>();
        var isNew = kpi is null;
        if (kpi is null)
        {
            kpi = new Kpi
            {
                Plan = plan,
                Code = newCode!,
                Name = "",
                DisplayOrder = initiative!.Kpis.Select(k => k.DisplayOrder).DefaultIfEmpty(initiative.Number * 100).Max() + 1,
            };
            initiative.Kpis.Add(kpi);
            audit.Changed(PlanAudit, key, "指標の追加", null, $"取組施策{initiative.Number}", TextPolicy.Clean(request.RevisionReason));
        }

        var reason = TextPolicy.Clean(request.RevisionReason);
        void Set(string field, string? before, string? after, Action apply)
        {
            before = isNew ? null : before;
            if (before != after)
            {
                audit.Changed(PlanAudit, key, field, before, after, reason);
                changed.Add(field);
                apply();
            }
        }

        var name = TextPolicy.Clean(request.Name)!;
        var direction = request.Direction ?? request.Kind.RequiredDirection() ?? KpiDirection.HigherIsBetter;
        var unit = request.Kind.IsNumeric() ? TextPolicy.Clean(request.Unit) ?? "" : "";
        var owners = departments.Where(d => (request.Owners ?? []).Contains(d.Code)).ToList();
        Set("名称", kpi.Name, name, () => kpi.Name = name);
        Set("種類", kpi.Kind.Japanese(), request.Kind.Japanese(), () => kpi.Kind = request.Kind);
        Set("方向", kpi.Direction.Japanese(), direction.Japanese(), () => kpi.Direction = direction);
        Set("単位", kpi.Unit, unit, () => kpi.Unit = unit);
        Set("基準値", kpi.BaselineValue?.ToString("0.####", CultureInfo.InvariantCulture), baseline?.ToString("0.####", CultureInfo.InvariantCulture), () => kpi.BaselineValue = baseline);
        Set("基準日", kpi.BaselineDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), request.BaselineDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), () => kpi.BaselineDate = request.BaselineDate);
        var due = request.Kind == KpiKind.Milestone ? request.MilestoneDueFiscalYear : null;
        Set("期限年度", kpi.MilestoneDueFiscalYear?.ToString(CultureInfo.InvariantCulture), due?.ToString(CultureInfo.InvariantCulture), () => kpi.MilestoneDueFiscalYear = due);
        Set("担当課", string.Join("、", kpi.Owners.Select(o => o.Code).Order(StringComparer.Ordinal)), string.Join("、", owners.Select(o => o.Code).Order(StringComparer.Ordinal)),
            () => kpi.Owners = owners);
        Set("出典", kpi.Source, TextPolicy.Clean(request.Source), () => kpi.Source = TextPolicy.Clean(request.Source));
        Set("備考", kpi.Note, TextPolicy.Clean(request.Note), () => kpi.Note = TextPolicy.Clean(request.Note));
        var from = isNew ? initiative! : plan.Policies.SelectMany(p => p.Initiatives).First(i => i.Kpis.Contains(kpi));
        if (from != initiative)
        {
            Set("施策", $"取組施策{from.Number}", $"取組施策{initiative!.Number}", () =>
            {
                // By the key, not the collections: taken out of one collection, EF would delete it as an orphan.
                kpi.DisplayOrder = initiative.Kpis.Select(k => k.DisplayOrder).DefaultIfEmpty(initiative.Number * 100).Max() + 1;
                kpi.InitiativeId = initiative.Id;
            });
        }
        if (changed.Count == 0)
        {
            return Outcome.Ok(kpi.ToDto());
        }

        await RecordRevisionAsync(plan, request.RevisionDate, reason,
            isNew ? $"指標 {kpi.Code} を追加"
            : changed is ["施策"] ? $"指標 {kpi.Code} を取組施策{initiative!.Number}に移動"
            : $"指標 {kpi.Code} の{string.Join("・", changed)}を変更", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(kpi.ToDto());
    }

    public async Task<Outcome<string>> RemoveKpiAsync(string code, string kpiCode, KpiRemovalRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await EditableAsync(code, cancellationToken) is not { } plan)
        {
            return NotEditable<string>();
        }

        var kpi = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).FirstOrDefault(k => k.Code == kpiCode);
        if (kpi is null)
        {
            return Outcome.Refused<string>(Wording.Pick("指標が見つかりません。", "The indicator was not found."), OutcomeKind.NotFound);
        }

        if (request.Retire)
        {
            return await RetireKpiAsync(plan, kpi, request, cancellationToken);
        }

        var figures = await db.Entries.CountAsync(e => e.KpiId == kpi.Id, cancellationToken);
        if (figures > 0)
        {
            return Outcome.Refused<string>(plan.Status == PlanStatus.Draft
                ? Wording.Pick($"実績がある指標（{figures}件）は削除できません。", $"An indicator with figures ({figures}) cannot be deleted.")
                : Wording.Pick(
                    $"実績がある指標（{figures}件）は削除できません。実績を残したまま終えるには「指標を廃止する」を使ってください。",
                    $"An indicator with figures ({figures}) cannot be deleted. To end it and keep its figures, retire it."));
        }

        if (await db.KpiSuccessions.AnyAsync(s => s.SuccessorKpiId == kpi.Id, cancellationToken))
        {
            return Outcome.Refused<string>(Wording.Pick("前の計画から引き継いだ指標です。削除せず、引継ぎ区分で「廃止」「完了」または「統合」を選んでください。", "This indicator was carried over from the previous plan. Do not delete it: choose abolished, completed or merged as how it is carried over."));
        }

        var errors = RevisionErrors(plan, request.RevisionDate, request.RevisionReason);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<string>(errors);
        }

        var reason = TextPolicy.Clean(request.RevisionReason);
        audit.Changed(PlanAudit, $"{plan.Code}/{kpi.Code}", "指標の削除", kpi.Name, null, reason);
        plan.Policies.SelectMany(p => p.Initiatives).First(i => i.Kpis.Contains(kpi)).Kpis.Remove(kpi);
        db.Kpis.Remove(kpi);
        await RecordRevisionAsync(plan, request.RevisionDate, reason, $"指標 {kpi.Code} を削除", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(kpi.Code);
    }

    /// <summary>
    /// 廃止 inside the plan in force: a recorded revision dated the retirement; the KPI, its figures and targets stay;
    /// quarters ending after the date take no figure (<see cref="KpiRetirement"/>). A draft deletes instead.
    /// </summary>
    private async Task<Outcome<string>> RetireKpiAsync(Plan plan, Kpi kpi, KpiRemovalRequest request, CancellationToken cancellationToken)
    {
        if (plan.Status == PlanStatus.Draft)
        {
            return Outcome.Refused<string>(Wording.Pick("下書きの計画では、指標は廃止せずに削除してください。", "In a draft plan, delete the indicator instead of retiring it."));
        }

        if (kpi.RetiredOn is { } retired)
        {
            return Outcome.Refused<string>(Wording.Pick($"指標 {kpi.Code} は{CollectionWindows.DateLabel(retired)}に廃止済みです。", $"Indicator {kpi.Code} was retired on {Wording.Date(retired)}."));
        }

        var errors = RevisionErrors(plan, request.RevisionDate, request.RevisionReason);
        if (errors.Count == 0 && request.RevisionDate is { } day)
        {
            // Figures already entered for a quarter the retirement would leave behind would be stranded.
            var stranded = await db.Entries.AsNoTracking().Where(e => e.KpiId == kpi.Id).Select(e => new { e.FiscalYear, e.Quarter }).ToListAsync(cancellationToken);
            if (stranded.Select(e => new FiscalQuarter(e.FiscalYear, e.Quarter)).Where(q => !KpiRetirement.Expects(day, q)).OrderBy(q => q).FirstOrDefault() is { FiscalYear: > 0 } later)
            {
                errors[nameof(KpiRemovalRequest.RevisionDate)] =
                    [Wording.Pick($"{later.ToJapaneseLabel()}の実績が入力されています。廃止日はその四半期の末日（{CollectionWindows.DateLabel(later.EndDate)}）以降にしてください。", $"A figure is entered for {later.ToEnglishLabel()}. Retire it on or after that quarter's last day ({Wording.Date(later.EndDate)}).")];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<string>(errors);
        }

        var reason = TextPolicy.Clean(request.RevisionReason);
        var date = request.RevisionDate!.Value;
        audit.Changed(PlanAudit, $"{plan.Code}/{kpi.Code}", "指標の廃止", null, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason);
        kpi.RetiredOn = date;
        await RecordRevisionAsync(plan, date, reason, $"指標 {kpi.Code} を廃止", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(kpi.Code);
    }

    /// <summary>A draft or a plan in force, tracked with everything the editor changes; null for an ended plan or a reader who may not edit.</summary>
    private async Task<Plan?> EditableAsync(string code, CancellationToken cancellationToken) =>
        MayMaintain
            ? await db.Plans.AsSplitQuery()
                .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Targets)
                .Include(p => p.Policies).ThenInclude(p => p.Initiatives).ThenInclude(i => i.Kpis).ThenInclude(k => k.Owners)
                .Include(p => p.Revisions)
                .FirstOrDefaultAsync(p => p.Code == code && p.Status != PlanStatus.Ended, cancellationToken)
            : null;

    private static Outcome<T> NotEditable<T>() =>
        Outcome.Refused<T>(Wording.Pick("編集できる計画が見つかりません（終了した計画は読み取り専用です）。", "No plan that can be edited was found (an ended plan is read only)."), OutcomeKind.NotFound);

    /// <summary>A plan in force changes only through a recorded revision: its date (not before the plan starts) and reason.</summary>
    private static Dictionary<string, string[]> RevisionErrors(Plan plan, DateOnly? date, string? reason)
    {
        if (plan.Status == PlanStatus.Draft)
        {
            return [];
        }

        // The revision rules of decision 013, with the description written by the editor.
        var errors = PlanRevisionRules.Validate(new PlanRevisionRequest(date, "指標の変更", reason, null), plan.PeriodStart, plan.PeriodEnd);
        return errors.ToDictionary(e => e.Key == nameof(PlanRevisionRequest.Date) ? nameof(KpiEditRequest.RevisionDate) : e.Key == nameof(PlanRevisionRequest.Reason) ? nameof(KpiEditRequest.RevisionReason) : e.Key, e => e.Value);
    }

    /// <summary>For a plan in force: the change becomes a 版 of its own (a draft's changes are its drafting).</summary>
    private async Task RecordRevisionAsync(Plan plan, DateOnly? date, string? reason, string description, CancellationToken cancellationToken)
    {
        if (plan.Status == PlanStatus.Draft)
        {
            return;
        }

        var name = (await PeopleNames.ResolveAsync(db, [audit.Actor], cancellationToken))(audit.Actor);

        // A KPI or initiative moved by its key: fix up the collections so the snapshot reads the plan as changed.
        db.ChangeTracker.DetectChanges();
        plan.Revisions.Add(new PlanRevision
        {
            PlanId = plan.Id,
            Date = date!.Value,
            Description = description.Length > PlanRevisionRules.DescriptionMaxLength ? description[..PlanRevisionRules.DescriptionMaxLength] : description,
            Reason = reason,
            RecordedBy = name,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
            Snapshot = PlanEditions.Snapshot(plan, date.Value),
        });
        audit.Changed(PlanAudit, plan.Code, "改訂", null, $"第{plan.Revisions.Count}版 {date:yyyy-MM-dd} {description}", reason);
    }

    /// <summary>
    /// The changed KPI through the seed files' validator (collecting), inside the plan's period and grading: its
    /// problems, by field. Targets stay as they are: the KPI is checked with its own (当初) targets. The KPI is checked
    /// alone (in its initiative), so an initiative still being filled elsewhere in a draft does not hide its problems;
    /// a code reused in the plan is checked before.
    /// </summary>
    private static Dictionary<string, string[]> ValidateWithSeedRules(
        Plan plan, Initiative initiative, Kpi? kpi, string code, KpiEditRequest request, decimal? baseline, List<Department> departments)
    {
        var file = PlanSeedShape.ToSeedFile(plan);
        var policy = plan.Policies.First(p => p.Initiatives.Contains(initiative));
        var seed = new KpiSeed
        {
            Code = code,
            Name = request.Name,
            Kind = request.Kind.ToString(),
            Direction = request.Direction is { } d ? (d == KpiDirection.HigherIsBetter ? "higher" : "lower") : null,
            Unit = request.Kind.IsNumeric() ? request.Unit : null,
            Baseline = baseline is not null || request.BaselineDate is not null ? new BaselineSeed { Value = baseline, Date = request.BaselineDate } : null,
            Targets = kpi is null || !kpi.Targets.Any(t => t.EffectiveFrom is null) ? null
                : kpi.Targets.Where(t => t.EffectiveFrom is null).ToDictionary(t => t.FiscalYear.ToString(CultureInfo.InvariantCulture), t => (decimal?)t.Value),
            DueFiscalYear = request.Kind == KpiKind.Milestone ? request.MilestoneDueFiscalYear : null,
            Owners = request.Owners?.Select(o => (string?)o).ToList(),
            Source = request.Source,
            Note = request.Note,
        };
        file.Policies =
        [
            new PolicySeed
            {
                Number = policy.Number,
                Title = policy.Title,
                Initiatives = [new InitiativeSeed { Number = initiative.Number, Title = initiative.Title, Kpis = [seed] }],
            },
        ];

        const string at = "$.policies[0].initiatives[0].kpis[0]";
        var collected = new List<SeedDataException>();
        try
        {
            new PlanSeedValidator("editor", departments.Select(d => d.Code).ToHashSet(StringComparer.Ordinal), collected).Validate(file);
        }
        catch (SeedDataException problem)
        {
            collected.Add(problem);
        }

        // A new KPI without targets yet: a draft sets them next, so "at least one target" waits for them.
        return collected.Where(p => p.JsonPath == at || p.JsonPath.StartsWith(at + ".", StringComparison.Ordinal))
            .Where(p => !(p.JsonPath == at + ".targets" && (kpi is null || plan.Status == PlanStatus.Draft)))
            .GroupBy(p => FieldOf(p.JsonPath[at.Length..]))
            .ToDictionary(g => g.Key, g => g.Select(p => SeedMessage(p.Problem)).ToArray());
    }

    private static string FieldOf(string path) => path.TrimStart('.').Split('.', '[')[0] switch
    {
        "name" => nameof(KpiEditRequest.Name),
        "kind" => nameof(KpiEditRequest.Kind),
        "direction" => nameof(KpiEditRequest.Direction),
        "unit" => nameof(KpiEditRequest.Unit),
        "baseline" when path.EndsWith(".date", StringComparison.Ordinal) => nameof(KpiEditRequest.BaselineDate),
        "baseline" => nameof(KpiEditRequest.BaselineValue),
        "dueFiscalYear" => nameof(KpiEditRequest.MilestoneDueFiscalYear),
        "owners" => nameof(KpiEditRequest.Owners),
        "code" => nameof(KpiEditRequest.Code),
        "targets" => "Targets",
        _ => "",
    };

    /// <summary>The seed validator's message without its English gloss; "missing" said as the editor's field.</summary>
    private static string SeedMessage(string problem)
    {
        var japanese = System.Text.RegularExpressions.Regex.Replace(problem, @"\s*\([^()]*\)\s*$", "");
        return japanese == "必須項目がありません" ? "入力してください。" : japanese;
    }
}
