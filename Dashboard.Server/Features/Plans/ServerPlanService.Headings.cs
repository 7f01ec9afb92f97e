using Dashboard.Server.Data;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Plans;

/// <summary>
/// The plan editor's headings: basic policies and initiatives added, renamed, moved (an initiative to another policy)
/// and removed while empty. A draft changes freely; a plan in force only through a recorded revision, each change a
/// 版 of its own; every change is audited. Initiative numbers run across the plan (取組施策1-11), so a new initiative
/// takes the next number and keeps it when it moves.
/// </summary>
public sealed partial class ServerPlanService
{
    public async Task<Outcome<string>> AddHeadingAsync(string code, HeadingAddRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await EditableAsync(code, cancellationToken) is not { } plan)
        {
            return NotEditable<string>();
        }

        var policy = request.PolicyNumber is { } pn ? plan.Policies.FirstOrDefault(p => p.Number == pn) : null;
        if (request.PolicyNumber is not null && policy is null)
        {
            return Outcome.Refused<string>(Wording.Pick("基本方針が見つかりません。", "The basic policy was not found."), OutcomeKind.NotFound);
        }

        var isInitiative = policy is not null;
        var errors = RevisionErrors(plan, request.RevisionDate, request.RevisionReason);
        HeadingErrors(errors, isInitiative, request.Title, request.Subtitle, subtitleMax: isInitiative ? 2000 : 200);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<string>(errors);
        }

        var (title, subtitle, reason) = (TextPolicy.Clean(request.Title)!, TextPolicy.Clean(request.Subtitle), TextPolicy.Clean(request.RevisionReason));
        string label;
        if (policy is null)
        {
            var number = plan.Policies.Select(p => p.Number).DefaultIfEmpty(0).Max() + 1;
            plan.Policies.Add(new BasicPolicy { Number = number, Title = title, Subtitle = subtitle });
            label = $"基本方針{number}";
        }
        else
        {
            var number = plan.Policies.SelectMany(p => p.Initiatives).Select(i => i.Number).DefaultIfEmpty(0).Max() + 1;
            policy.Initiatives.Add(new Initiative { Number = number, Title = title, Summary = subtitle });
            label = $"取組施策{number}";
        }

        audit.Changed(PlanAudit, $"{plan.Code}/{label}", $"{(policy is null ? "基本方針" : "施策")}の追加", null, title, reason);
        await RecordRevisionAsync(plan, request.RevisionDate, reason, policy is null ? $"{label}を追加" : $"{label}を基本方針{policy.Number}に追加", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(label);
    }

    public async Task<Outcome<string>> RenameAsync(string code, int? policyNumber, int? initiativeNumber, HeadingEditRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await EditableAsync(code, cancellationToken) is not { } plan)
        {
            return NotEditable<string>();
        }

        var policy = policyNumber is { } pn ? plan.Policies.FirstOrDefault(p => p.Number == pn) : null;
        var initiative = initiativeNumber is { } n ? plan.Policies.SelectMany(p => p.Initiatives).FirstOrDefault(i => i.Number == n) : null;
        if (policy is null && initiative is null)
        {
            return Outcome.Refused<string>(Wording.Pick("基本方針または施策が見つかりません。", "The basic policy or initiative was not found."), OutcomeKind.NotFound);
        }

        var errors = RevisionErrors(plan, request.RevisionDate, request.RevisionReason);
        HeadingErrors(errors, initiative is not null, request.Title, request.Subtitle, subtitleMax: initiative is null ? 200 : 2000);
        var from = initiative is null ? null : plan.Policies.First(p => p.Initiatives.Contains(initiative));
        var to = initiative is not null && request.MoveToPolicy is { } target ? plan.Policies.FirstOrDefault(p => p.Number == target) : from;
        if (initiative is not null && to is null)
        {
            errors[nameof(request.MoveToPolicy)] = [Wording.Pick($"基本方針{request.MoveToPolicy}はこの計画にありません。", $"Basic policy {request.MoveToPolicy} is not in this plan.")];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<string>(errors);
        }

        var reason = TextPolicy.Clean(request.RevisionReason);
        var title = TextPolicy.Clean(request.Title)!;
        var subtitle = TextPolicy.Clean(request.Subtitle);
        var (key, number, beforeTitle, beforeSub) = initiative is null
            ? ($"{plan.Code}/基本方針{policy!.Number}", policy.Number, policy.Title, policy.Subtitle)
            : ($"{plan.Code}/施策{initiative.Number}", initiative.Number, initiative.Title, initiative.Summary);
        var renamed = audit.Changed(PlanAudit, key, "名称", beforeTitle, title, reason) | audit.Changed(PlanAudit, key, initiative is null ? "副題" : "概要", beforeSub, subtitle, reason);
        var moved = to != from && audit.Changed(PlanAudit, key, "基本方針", $"基本方針{from!.Number}", $"基本方針{to!.Number}", reason);
        if (!renamed && !moved)
        {
            return Outcome.Ok(title);
        }

        if (initiative is null)
        {
            (policy!.Title, policy.Subtitle) = (title, subtitle);
        }
        else
        {
            (initiative.Title, initiative.Summary) = (title, subtitle);
            if (moved)
            {
                // By the key, not the collections: taken out of one collection, EF would delete it as an orphan.
                initiative.PolicyId = to!.Id;
            }
        }

        var heading = $"{(initiative is null ? "基本方針" : "取組施策")}{number}";
        var description = (renamed, moved) switch
        {
            (true, true) => $"{heading}の名称を変更し、基本方針{to!.Number}に移動",
            (false, true) => $"{heading}を基本方針{to!.Number}に移動",
            _ => $"{heading}の名称を変更",
        };
        await RecordRevisionAsync(plan, request.RevisionDate, reason, description, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(title);
    }

    public async Task<Outcome<string>> RemoveHeadingAsync(string code, int? policyNumber, int? initiativeNumber, KpiRemovalRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        if (await EditableAsync(code, cancellationToken) is not { } plan)
        {
            return NotEditable<string>();
        }

        var policy = policyNumber is { } pn ? plan.Policies.FirstOrDefault(p => p.Number == pn) : null;
        var initiative = initiativeNumber is { } n ? plan.Policies.SelectMany(p => p.Initiatives).FirstOrDefault(i => i.Number == n) : null;
        if (policy is null && initiative is null)
        {
            return Outcome.Refused<string>(Wording.Pick("基本方針または施策が見つかりません。", "The basic policy or initiative was not found."), OutcomeKind.NotFound);
        }

        // Only an empty heading goes: KPIs move elsewhere first (or are retired with the plan in force's figures kept).
        if (initiative is not null && initiative.Kpis.Count > 0)
        {
            return Outcome.Refused<string>(Wording.Pick($"取組施策{initiative.Number}には指標が{initiative.Kpis.Count}件あります。先に指標を別の施策に移すか削除してください。", $"Initiative {initiative.Number} has {initiative.Kpis.Count} indicators. Move them to another initiative or delete them first."));
        }

        if (initiative is not null && await db.Assessments.AnyAsync(a => a.InitiativeId == initiative.Id, cancellationToken))
        {
            return Outcome.Refused<string>(Wording.Pick($"取組施策{initiative.Number}には評価が記録されているため削除できません。名称を変えるか、次期計画で見直してください。", $"Initiative {initiative.Number} has assessments, so it cannot be deleted. Rename it, or rethink it in the next plan."));
        }

        if (initiative is null && policy!.Initiatives.Count > 0)
        {
            return Outcome.Refused<string>(Wording.Pick($"基本方針{policy.Number}には施策が{policy.Initiatives.Count}件あります。先に施策を別の基本方針に移すか削除してください。", $"Basic policy {policy.Number} has {policy.Initiatives.Count} initiatives. Move them to another policy or delete them first."));
        }

        if (initiative is null && plan.Policies.Count == 1)
        {
            return Outcome.Refused<string>(Wording.Pick("計画には基本方針が1つ以上必要です。", "A plan needs at least one basic policy."));
        }

        var errors = RevisionErrors(plan, request.RevisionDate, request.RevisionReason);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<string>(errors);
        }

        var reason = TextPolicy.Clean(request.RevisionReason);
        var label = initiative is null ? $"基本方針{policy!.Number}" : $"取組施策{initiative.Number}";
        audit.Changed(PlanAudit, $"{plan.Code}/{label}", $"{(initiative is null ? "基本方針" : "施策")}の削除", initiative?.Title ?? policy!.Title, null, reason);
        if (initiative is null)
        {
            plan.Policies.Remove(policy!);
            db.Policies.Remove(policy!);
        }
        else
        {
            plan.Policies.First(p => p.Initiatives.Contains(initiative)).Initiatives.Remove(initiative);
            db.Initiatives.Remove(initiative);
        }

        await RecordRevisionAsync(plan, request.RevisionDate, reason, $"{label}を削除", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(label);
    }

    /// <summary>A heading's title (required, one line, 200 characters) and subtitle or summary.</summary>
    private static void HeadingErrors(Dictionary<string, string[]> errors, bool isInitiative, string? title, string? subtitle, int subtitleMax)
    {
        var label = isInitiative ? Wording.Pick("施策の名称", "The initiative's name") : Wording.Pick("基本方針の名称", "The basic policy's name");
        var clean = TextPolicy.Clean(title);
        if (clean is null)
        {
            errors[nameof(HeadingEditRequest.Title)] = [Wording.Pick($"{label}を入力してください。", $"{label} is required.")];
        }
        else if (clean.Length > 200)
        {
            errors[nameof(HeadingEditRequest.Title)] = [Wording.Pick($"{label}は200文字以内で入力してください。", $"{label}: at most 200 characters.")];
        }
        else if (TextPolicy.NameProblem(title, label) is { } problem)
        {
            errors[nameof(HeadingEditRequest.Title)] = [problem];
        }

        if (TextPolicy.Problem(subtitle, Wording.Pick("補足", "The description"), multiline: true) is { } bad)
        {
            errors[nameof(HeadingEditRequest.Subtitle)] = [bad];
        }
        else if (TextPolicy.Clean(subtitle) is { Length: var length } && length > subtitleMax)
        {
            errors[nameof(HeadingEditRequest.Subtitle)] = [Wording.Pick($"補足は{subtitleMax}文字以内で入力してください。", $"The description has at most {subtitleMax} characters.")];
        }
    }
}
