using System.Globalization;
using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Notifications;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Findings;

/// <summary>The committee's findings over EF Core (decision 023): meetings, the department's 対応状況, the planner's 完了, every change audited.</summary>
public sealed class ServerFindingService(DbOperations operations, AuditWriter audit, CurrentUser current, TimeProvider clock, PlanQuarters quarters, CollectionNotices notices)
    : IFindingService
{
    private const string AuditType = "Finding";
    private const string Link = "findings";

    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private ClaimsPrincipal User => current.Principal;

    public async Task<Outcome<FindingsDto>> GetAsync(CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var findings = await VisibleAsync(db.Findings.AsNoTracking(), cancellationToken);
        var meetingIds = findings.Select(f => f.MeetingId).Distinct().ToList();
        var readAll = FindingAccess.MayReadAll(User);

        // A department's staff see the meetings that asked something of them; the others every meeting.
        var meetings = await db.Meetings.AsNoTracking().Where(m => readAll || meetingIds.Contains(m.Id))
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);

        var names = await PeopleNames.ResolveAsync(db, meetings.Select(m => m.RecordedBy)
            .Concat(findings.SelectMany(f => new[] { f.RespondedBy, f.ConfirmedBy }).OfType<string>()), cancellationToken);
        var byMeeting = findings.ToLookup(f => f.MeetingId);
        var result = meetings.Select(m => new MeetingDto(m.Id, m.Title, m.HeldOn, m.FiscalYear, m.Quarter, names(m.RecordedBy),
            byMeeting[m.Id].OrderBy(f => f.Initiative!.Number).ThenBy(f => f.Id).Select(f => ToDto(f, names)).ToList())).ToList();
        return Outcome.Ok(new FindingsDto(result, FindingAccess.MayRecord(User), await ChoicesAsync(cancellationToken), quarters.Today));
    }

    public async Task<Outcome<MeetingDto>> RecordMeetingAsync(RecordMeetingRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (!FindingAccess.MayRecord(User))
        {
            return Outcome.Forbidden<MeetingDto>(Wording.Pick("推進本部会議と指摘事項を記録できるのは、事務局（企画・DX推進担当）とシステム管理者です。", "Only the secretariat (planning and DX) and the administrator record headquarters meetings and findings."));
        }

        if (FindingValidation.Check(request) is { Count: > 0 } errors)
        {
            return Outcome.Invalid<MeetingDto>(errors);
        }

        var reviewed = await quarters.ExactAsync(request.FiscalYear!.Value, request.Quarter!.Value, cancellationToken);
        if (!reviewed.Succeeded)
        {
            return Outcome.Invalid<MeetingDto>(nameof(request.Quarter), reviewed.Message ?? QuarterRecords.OutsidePlan);
        }

        var plan = reviewed.Value!.Plan;
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => db.Policies.Any(p => p.Id == i.PolicyId && p.PlanId == plan.Id))
            .Select(i => new { i.Id, i.Number, Kpis = i.Kpis.Select(k => new { k.Id, k.Code }).ToList() }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d, StringComparer.Ordinal, cancellationToken);
        var meeting = new CommitteeMeeting
        {
            PlanId = plan.Id,
            Title = TextPolicy.Clean(request.Title) is { Length: > 0 } title ? title : "推進本部会議",
            HeldOn = request.HeldOn!.Value,
            FiscalYear = request.FiscalYear.Value,
            Quarter = request.Quarter.Value,
            RecordedBy = audit.Actor,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var problems = new Dictionary<string, string[]>();
        for (var i = 0; i < request.Findings!.Count; i++)
        {
            var f = request.Findings[i];
            var initiative = initiatives.FirstOrDefault(x => x.Number == f.InitiativeNumber);
            var kpi = string.IsNullOrWhiteSpace(f.KpiCode) ? null : initiative?.Kpis.FirstOrDefault(k => k.Code == f.KpiCode!.Trim());
            if (initiative is null)
            {
                problems[FindingValidation.Field(i, nameof(f.InitiativeNumber))] = [Wording.Pick($"取組施策 {f.InitiativeNumber} はこの計画にありません。", $"Initiative {f.InitiativeNumber} is not in this plan.")];
            }
            else if (!string.IsNullOrWhiteSpace(f.KpiCode) && kpi is null)
            {
                problems[FindingValidation.Field(i, nameof(f.KpiCode))] = [Wording.Pick($"指標「{f.KpiCode}」は取組施策 {f.InitiativeNumber} にありません。", $"Indicator {f.KpiCode} is not in initiative {f.InitiativeNumber}.")];
            }

            if (!departments.TryGetValue(f.DepartmentCode!.Trim(), out var department))
            {
                problems[FindingValidation.Field(i, nameof(f.DepartmentCode))] = [Wording.Pick($"「{f.DepartmentCode}」という課は登録されていません。", $"There is no department \"{f.DepartmentCode}\".")];
                continue;
            }

            if (initiative is not null)
            {
                meeting.Findings.Add(new Finding
                {
                    InitiativeId = initiative.Id,
                    KpiId = kpi?.Id,
                    DepartmentId = department.Id,
                    DueOn = f.DueOn!.Value,
                    Request = TextPolicy.Clean(f.Request)!,
                    State = FindingState.NotStarted,
                });
            }
        }

        if (problems.Count > 0)
        {
            return Outcome.Invalid<MeetingDto>(problems);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        audit.Changed(AuditType, $"meeting/{meeting.Id}", "Recorded", null,
            $"{meeting.HeldOn:yyyy-MM-dd} {new FiscalQuarter(meeting.FiscalYear, meeting.Quarter).ToJapaneseLabel()} {meeting.Findings.Count}件");
        await db.SaveChangesAsync(cancellationToken);

        foreach (var finding in meeting.Findings)
        {
            var department = departments.Values.First(d => d.Id == finding.DepartmentId);
            await notices.DispatchAsync($"finding/{finding.Id}", NotificationKind.Finding, audit.Actor, await StaffAsync(department.Id, cancellationToken),
                $"【DX推進計画】推進本部からの指摘事項（対応期限 {finding.DueOn:M/d}）",
                $"{meeting.Title}（{meeting.HeldOn:yyyy/M/d}）で、{department.Name}への指摘がありました。対応期限は{finding.DueOn:yyyy/M/d}です。\n\n{Excerpt(finding.Request)}\n\n対応状況（未着手・対応中・対応済）と行った対応を記録してください。",
                Anchor(finding.Id), cancellationToken);
        }

        var result = await GetMeetingAsync(meeting.Id, cancellationToken);
        return Outcome.Ok(result);
    }

    public async Task<Outcome<FindingDto>> RespondAsync(long id, RespondFindingRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (finding, failure) = await OpenAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (!FindingAccess.MayRespond(User, finding!.Department!.Code))
        {
            return Outcome.Forbidden<FindingDto>(Wording.Pick($"対応状況を記録できるのは、{finding.Department.Name}の担当者と事務局です。", $"Only the staff of {finding.Department.Name} and the secretariat record the response."));
        }

        if (finding.State == FindingState.Completed)
        {
            return Outcome.Refused<FindingDto>(Wording.Pick("事務局が完了を確認した指摘事項は変更できません。", "A finding the secretariat has confirmed completed cannot be changed."));
        }

        if (FindingValidation.Check(request) is { Count: > 0 } errors)
        {
            return Outcome.Invalid<FindingDto>(errors);
        }

        var key = Key(finding.Id);
        var response = TextPolicy.Clean(request.Response);
        var changed = audit.Changed(AuditType, key, "State", finding.State.ToString(), request.State.ToString())
            | audit.Changed(AuditType, key, "Response", finding.Response, response);
        if (!changed)
        {
            return Outcome.Ok(await GetFindingAsync(finding.Id, cancellationToken));
        }

        var becameAddressed = request.State == FindingState.Addressed && finding.State != FindingState.Addressed;
        (finding.State, finding.Response) = (request.State, response);
        (finding.RespondedBy, finding.RespondedUtc) = (audit.Actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);

        if (becameAddressed)
        {
            var who = (await PeopleNames.ResolveAsync(db, [audit.Actor], cancellationToken))(audit.Actor);
            var planners = await CollectionNotices.PeopleWithAsync(db, AppRoles.Planner, cancellationToken);
            await notices.DispatchAsync($"finding-addressed/{finding.Id}/{finding.RespondedUtc:O}", NotificationKind.FindingAddressed, audit.Actor, planners,
                $"【DX推進計画】{finding.Department.Name}が指摘事項を「対応済」にしました",
                $"{who}さん（{finding.Department.Name}）が推進本部の指摘事項を「対応済」にしました。内容を確かめて、完了を確認してください。\n\n指摘: {Excerpt(finding.Request)}\n\n対応: {Excerpt(response ?? "")}",
                Anchor(finding.Id), cancellationToken);
        }

        return Outcome.Ok(await GetFindingAsync(finding.Id, cancellationToken));
    }

    public async Task<Outcome<FindingDto>> ConfirmAsync(long id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (finding, failure) = await OpenAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (!FindingAccess.MayRecord(User))
        {
            return Outcome.Forbidden<FindingDto>(Wording.Pick("完了を確認できるのは、事務局（企画・DX推進担当）とシステム管理者です。", "Only the secretariat (planning and DX) and the administrator confirm completion."));
        }

        if (finding!.State != FindingState.Addressed)
        {
            return Outcome.Refused<FindingDto>(finding.State == FindingState.Completed
                ? Wording.Pick("この指摘事項は、すでに完了を確認済みです。", "This finding is already confirmed completed.")
                : Wording.Pick(
                    $"担当課がまだ「対応済」にしていません（いまは「{finding.State.Japanese()}」）。対応済になってから完了を確認してください。",
                    "The department has not marked it Addressed yet. Confirm completion once it is."));
        }

        audit.Changed(AuditType, Key(finding.Id), "State", finding.State.ToString(), nameof(FindingState.Completed));
        finding.State = FindingState.Completed;
        (finding.ConfirmedBy, finding.ConfirmedUtc) = (audit.Actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await GetFindingAsync(finding.Id, cancellationToken));
    }

    /// <summary>The finding tracked for a change, or why the caller may not see it (404, as if it did not exist).</summary>
    private async Task<(Finding? Finding, Outcome<FindingDto>? Failure)> OpenAsync(long id, CancellationToken cancellationToken)
    {
        var finding = await db.Findings.Include(f => f.Department).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        return finding is null || !FindingAccess.MayRead(User, finding.Department!.Code)
            ? (null, Outcome.NotFound<FindingDto>(Wording.Pick("指摘事項が見つかりません。", "The finding was not found.")))
            : (finding, null);
    }

    private Task<List<Finding>> VisibleAsync(IQueryable<Finding> findings, CancellationToken cancellationToken)
    {
        if (!FindingAccess.MayReadAll(User))
        {
            var mine = User.IsInRole(RoleNames.SectionStaff) ? KpiAccess.DepartmentsOf(User) : [];
            findings = findings.Where(f => mine.Contains(f.Department!.Code));
        }

        return findings.Include(f => f.Initiative).Include(f => f.Kpi).Include(f => f.Department).ToListAsync(cancellationToken);
    }

    private async Task<MeetingDto> GetMeetingAsync(long id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var findings = await VisibleAsync(db.Findings.AsNoTracking().Where(f => f.MeetingId == id), cancellationToken);
        var names = await PeopleNames.ResolveAsync(db, [meeting.RecordedBy], cancellationToken);
        return new MeetingDto(meeting.Id, meeting.Title, meeting.HeldOn, meeting.FiscalYear, meeting.Quarter, names(meeting.RecordedBy),
            findings.OrderBy(f => f.Initiative!.Number).ThenBy(f => f.Id).Select(f => ToDto(f, names)).ToList());
    }

    private async Task<FindingDto> GetFindingAsync(long id, CancellationToken cancellationToken)
    {
        var finding = (await VisibleAsync(db.Findings.AsNoTracking().Where(f => f.Id == id), cancellationToken)).Single();
        var names = await PeopleNames.ResolveAsync(db, new[] { finding.RespondedBy, finding.ConfirmedBy }.OfType<string>(), cancellationToken);
        return ToDto(finding, names);
    }

    private FindingDto ToDto(Finding f, Func<string, string> names) => new(
        f.Id, f.MeetingId, f.Initiative!.Number, f.Initiative.Title, f.Kpi?.Code, f.Kpi?.Name, f.Department!.Code, f.Department.Name, f.DueOn, f.Request,
        f.State, f.Response, f.RespondedBy is null ? null : names(f.RespondedBy), f.RespondedUtc, f.ConfirmedBy is null ? null : names(f.ConfirmedBy), f.ConfirmedUtc,
        f.State != FindingState.Completed && FindingAccess.MayRespond(User, f.Department.Code),
        f.State == FindingState.Addressed && FindingAccess.MayRecord(User));

    /// <summary>For the planner: the plan in force's initiatives and KPIs, the departments, the quarters.</summary>
    private async Task<FindingChoicesDto> ChoicesAsync(CancellationToken cancellationToken)
    {
        if (!FindingAccess.MayRecord(User) || await quarters.PlanAsync(cancellationToken) is not { } plan)
        {
            return FindingChoicesDto.None;
        }

        var initiatives = await db.Initiatives.AsNoTracking().Where(i => db.Policies.Any(p => p.Id == i.PolicyId && p.PlanId == plan.Id)).OrderBy(i => i.Number)
            .Select(i => new
            {
                i.Number,
                i.Title,
                Kpis = i.Kpis.OrderBy(k => k.DisplayOrder).Select(k => new { k.Code, k.Name, Owners = k.Owners.Select(o => o.Code).ToList() }).ToList(),
            }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new FindingDepartmentDto(d.Code, d.Name)).ToListAsync(cancellationToken);
        // A meeting may review any started plan's quarter up to today: the 第2期 plan's committee meets in May to
        // review the plan before's last quarter. Its initiatives and KPIs are named by number and code, which a
        // successor keeps; the server checks them in the plan of the reviewed quarter.
        var today = FiscalQuarter.FromDate(quarters.Today);
        var reviewable = (await quarters.StartedPlansAsync(cancellationToken))
            .SelectMany(p => Enumerable.Range(FiscalQuarter.FromDate(p.PeriodStart).Ordinal,
                Math.Max(0, Math.Min(FiscalQuarter.FromDate(p.PeriodEnd).Ordinal, today.Ordinal) - FiscalQuarter.FromDate(p.PeriodStart).Ordinal + 1)))
            .Distinct().Order().Select(FiscalQuarter.FromOrdinal).Select(q => new QuarterOption(q.FiscalYear, q.Quarter, false)).ToList();
        return new FindingChoicesDto(
            initiatives.Select(i => new FindingInitiativeDto(i.Number, i.Title, i.Kpis.Select(k => new FindingKpiDto(k.Code, k.Name, k.Owners)).ToList(),
                i.Kpis.SelectMany(k => k.Owners).Distinct(StringComparer.Ordinal).ToList())).ToList(),
            departments,
            reviewable);
    }

    private Task<List<CollectionNotices.Person>> StaffAsync(int departmentId, CancellationToken cancellationToken) =>
        CollectionNotices.PeopleWithAsync(db, AppRoles.SectionStaff, cancellationToken, u => u.Departments.Any(d => d.Id == departmentId));

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "…" : text;

    internal static string Anchor(long id) => $"{Link}#finding-{id}";

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
