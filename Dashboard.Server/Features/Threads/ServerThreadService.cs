using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Notifications;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;
using Dashboard.Shared.Threads;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Threads;

/// <summary>Comment threads over EF Core (decision 022): who may see them, mentions, answers, edits with a trace, resolving.</summary>
public sealed class ServerThreadService(DbOperations operations, AuditWriter audit, CurrentUser current, TimeProvider clock, PlanQuarters quarters, CollectionNotices notices)
    : IThreadService
{
    private const string AuditType = "Thread";

    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private ClaimsPrincipal User => current.Principal;

    /// <summary>What a thread hangs on: the KPI quarter or initiative, its owning departments, and where its link goes.</summary>
    private sealed record Place(CurrentPlan Plan, int? KpiId, FiscalQuarter? Quarter, int? InitiativeId, IReadOnlyList<string> Owners, bool Approved, string Label, string Link);

    public async Task<Outcome<ThreadListDto>> GetKpiThreadsAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var place = await KpiPlaceAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        return place.Succeeded ? Outcome.Ok(await ListAsync(place.Value!, cancellationToken)) : place.As<ThreadListDto>();
    }

    public async Task<Outcome<ThreadListDto>> GetInitiativeThreadsAsync(int initiative, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var place = await InitiativePlaceAsync(initiative, cancellationToken);
        return place.Succeeded ? Outcome.Ok(await ListAsync(place.Value!, cancellationToken)) : place.As<ThreadListDto>();
    }

    public async Task<Outcome<ThreadDto>> StartKpiThreadAsync(string kpiCode, int fiscalYear, int quarter, PostCommentRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var place = await KpiPlaceAsync(kpiCode, fiscalYear, quarter, cancellationToken);
        return place.Succeeded ? await StartAsync(place.Value!, request, cancellationToken) : place.As<ThreadDto>();
    }

    public async Task<Outcome<ThreadDto>> StartInitiativeThreadAsync(int initiative, PostCommentRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var place = await InitiativePlaceAsync(initiative, cancellationToken);
        return place.Succeeded ? await StartAsync(place.Value!, request, cancellationToken) : place.As<ThreadDto>();
    }

    public async Task<Outcome<ThreadDto>> ReplyAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (thread, place, failure) = await OpenThreadAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var (body, mentioned, problem) = await CheckAsync(request, place!, thread!.IsInternal, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var earlierWriters = thread.Comments.Where(c => c.DeletedUtc is null).Select(c => c.Author).Append(thread.CreatedBy).ToList();
        var comment = AddComment(thread, body!);
        if (thread.ResolvedUtc is not null)
        {
            // An answer to a resolved thread reopens it: the question is live again.
            audit.Changed(AuditType, Key(thread.Id), "Reopened", null, "true");
            thread.ResolvedUtc = null;
            thread.ResolvedBy = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await TellAsync(thread, comment, place!, mentioned, earlierWriters, cancellationToken);
        return Outcome.Ok(await ThreadAsync(thread.Id, cancellationToken));
    }

    public async Task<Outcome<ThreadDto>> EditCommentAsync(long id, PostCommentRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (comment, place, failure) = await OwnCommentAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var (body, _, problem) = await CheckAsync(request, place!, comment!.Thread!.IsInternal, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (audit.Changed(AuditType, Key(comment.ThreadId), $"Comment/{comment.Id}/Edited", comment.Body, body))
        {
            comment.Body = body!;
            comment.EditedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Ok(await ThreadAsync(comment.ThreadId, cancellationToken));
    }

    public async Task<Outcome<ThreadDto>> DeleteCommentAsync(long id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (comment, _, failure) = await OwnCommentAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        audit.Changed(AuditType, Key(comment!.ThreadId), $"Comment/{comment.Id}/Deleted", comment.Body, null);
        comment.Body = "";
        comment.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await ThreadAsync(comment.ThreadId, cancellationToken));
    }

    public async Task<Outcome<ThreadDto>> ResolveAsync(long id, ResolveThreadRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var (thread, _, failure) = await OpenThreadAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if ((thread!.ResolvedUtc is not null) == request.Resolved)
        {
            return Outcome.Refused<ThreadDto>(request.Resolved
                ? Wording.Pick("このスレッドはすでに解決済みです。", "This thread is already resolved.")
                : Wording.Pick("このスレッドは解決済みではありません。", "This thread is not resolved."));
        }

        audit.Changed(AuditType, Key(thread.Id), request.Resolved ? "Resolved" : "Reopened", null, "true");
        thread.ResolvedUtc = request.Resolved ? clock.GetUtcNow().UtcDateTime : null;
        thread.ResolvedBy = request.Resolved ? audit.Actor : null;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await ThreadAsync(thread.Id, cancellationToken));
    }

    private async Task<Outcome<ThreadDto>> StartAsync(Place place, PostCommentRequest request, CancellationToken cancellationToken)
    {
        // A thread on a figure not yet approved stays with those who may see the draft.
        var isInternal = !place.Approved;
        if (!ThreadAccess.MayRead(User, place.Owners, isInternal))
        {
            return Outcome.Forbidden<ThreadDto>(isInternal
                ? Wording.Pick("この四半期の実績はまだ承認されていないため、担当課・事務局・システム管理者だけがコメントできます。", "The quarter's figure is not approved yet, so only the department, the secretariat and the administrator may comment.")
                : Outsider);
        }

        var (body, mentioned, problem) = await CheckAsync(request, place, isInternal, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var thread = new CommentThread
        {
            PlanId = place.Plan.Id, KpiId = place.KpiId, FiscalYear = place.Quarter?.FiscalYear, Quarter = place.Quarter?.Quarter, InitiativeId = place.InitiativeId,
            IsInternal = isInternal, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = audit.Actor,
        };
        db.Threads.Add(thread);
        var comment = AddComment(thread, body!);
        await db.SaveChangesAsync(cancellationToken);
        await TellAsync(thread, comment, place, mentioned, [], cancellationToken);
        return Outcome.Ok(await ThreadAsync(thread.Id, cancellationToken));
    }

    private Comment AddComment(CommentThread thread, string body)
    {
        var comment = new Comment { Thread = thread, Author = audit.Actor, Body = body, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        thread.Comments.Add(comment);
        return comment;
    }

    /// <summary>The cleaned text and whom it mentions, or why it cannot be stored.</summary>
    private async Task<(string? Body, List<CollectionNotices.Person> Mentioned, Outcome<ThreadDto>? Problem)> CheckAsync(
        PostCommentRequest request, Place place, bool isInternal, CancellationToken cancellationToken)
    {
        if (Mentions.Problem(request.Body) is { } problem)
        {
            return (null, [], Outcome.Invalid<ThreadDto>(nameof(PostCommentRequest.Body), problem));
        }

        var body = TextPolicy.Clean(request.Body)!;
        var targets = await TargetsAsync(cancellationToken);
        var (found, unknown) = Mentions.Find(body, targets.Keys);
        if (unknown.Count > 0)
        {
            return (null, [], Outcome.Invalid<ThreadDto>(nameof(PostCommentRequest.Body),
                Wording.Pick(
                    $"{string.Join("、", unknown.Select(u => $"「@{u}」"))}という課・人は見つかりません。候補から選んでください。",
                    $"No department or person is called {string.Join(", ", unknown.Select(u => $"@{u}"))}. Choose from the suggestions.")));
        }

        var mentioned = new List<CollectionNotices.Person>();
        foreach (var handle in found)
        {
            var target = targets[handle];
            var readers = target.People.Where(p => ThreadAccess.MayRead(p.Roles, p.Departments, place.Owners, isInternal)).ToList();
            if (readers.Count == 0)
            {
                return (null, [], Outcome.Invalid<ThreadDto>(nameof(PostCommentRequest.Body),
                    Wording.Pick(
                        $"「@{handle}」はこのスレッドを見られないため、お知らせできません（{(isInternal ? "承認前の実績のスレッドは担当課・事務局・システム管理者だけが見られます" : "見られるのは担当課・事務局・推進本部・システム管理者です")}）。",
                        $"@{handle} cannot see this thread, so they cannot be told ({(isInternal ? "a thread on a figure not yet approved is for the department, the secretariat and the administrator" : "it is for the department, the secretariat, the headquarters and the administrator")}).")));
            }

            mentioned.AddRange(readers.Select(p => p.Person));
        }

        return (body, mentioned.DistinctBy(p => p.Login, StringComparer.OrdinalIgnoreCase).ToList(), null);
    }

    private sealed record Target(string Name, bool IsDepartment, List<MentionPerson> People);

    private sealed record MentionPerson(CollectionNotices.Person Person, Dashboard.Shared.Auth.AppRoles Roles, List<string> Departments);

    /// <summary>Every handle that may follow an @: departments by code, name and short name; people by login, its local part and name.</summary>
    private async Task<Dictionary<string, Target>> TargetsAsync(CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.LoginName, u.DisplayName, u.Roles, Departments = u.Departments.Select(d => d.Code).ToList() }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
        var targets = new Dictionary<string, Target>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in departments)
        {
            var staff = people.Where(p => p.Departments.Contains(d.Code) && p.Roles.HasFlag(Dashboard.Shared.Auth.AppRoles.SectionStaff))
                .Select(p => new MentionPerson(new(p.LoginName, p.DisplayName), p.Roles, p.Departments)).ToList();
            var target = new Target(d.Name, true, staff);
            foreach (var handle in new[] { Mentions.ShortName(d.Name), d.Name, d.Code })
            {
                targets.TryAdd(handle, target);
            }
        }

        foreach (var p in people)
        {
            var target = new Target(p.DisplayName, false, [new MentionPerson(new(p.LoginName, p.DisplayName), p.Roles, p.Departments)]);
            var at = p.LoginName.IndexOf('@', StringComparison.Ordinal);
            foreach (var handle in new[] { Mentions.ShortName(p.DisplayName), p.LoginName, at > 0 ? p.LoginName[..at] : p.LoginName })
            {
                targets.TryAdd(handle, target);
            }
        }

        return targets;
    }

    /// <summary>Notices (and mails where they are on) to those mentioned, and to the thread's earlier writers of an answer.</summary>
    private async Task TellAsync(CommentThread thread, Comment comment, Place place, List<CollectionNotices.Person> mentioned, List<string> earlierWriters,
        CancellationToken cancellationToken)
    {
        var me = audit.Actor;
        var who = (await PeopleNames.ResolveAsync(db, [me], cancellationToken))(me);
        var excerpt = comment.Body.Length > 200 ? comment.Body[..200] + "…" : comment.Body;
        var link = $"{place.Link}#thread-{thread.Id}";
        var toMention = mentioned.Where(p => !string.Equals(p.Login, me, StringComparison.OrdinalIgnoreCase)).ToList();
        if (toMention.Count > 0)
        {
            await notices.DispatchAsync($"mention/{comment.Id}", NotificationKind.Mention, me, toMention,
                $"【DX推進計画】{place.Label}で{who}さんからお知らせがあります",
                $"{who}さんが{place.Label}のコメントであなた（またはあなたの課）に知らせました。\n\n{excerpt}", link, cancellationToken);
        }

        var writers = earlierWriters.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(w => !string.Equals(w, me, StringComparison.OrdinalIgnoreCase) && !toMention.Any(p => string.Equals(p.Login, w, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (writers.Count > 0)
        {
            // Only writers who can still sign in are told.
            var still = await db.Users.AsNoTracking().Where(u => u.IsActive && writers.Contains(u.LoginName))
                .Select(u => new CollectionNotices.Person(u.LoginName, u.DisplayName)).ToListAsync(cancellationToken);
            await notices.DispatchAsync($"thread-reply/{comment.Id}", NotificationKind.ThreadReply, me, still,
                $"【DX推進計画】{place.Label}のスレッドに{who}さんが回答しました",
                $"{who}さんが{place.Label}のスレッドに書き込みました。\n\n{excerpt}", link, cancellationToken);
        }
    }

    private async Task<ThreadListDto> ListAsync(Place place, CancellationToken cancellationToken)
    {
        var ids = await db.Threads.AsNoTracking()
            .Where(t => place.KpiId != null
                ? t.KpiId == place.KpiId && t.FiscalYear == place.Quarter!.Value.FiscalYear && t.Quarter == place.Quarter.Value.Quarter
                : t.InitiativeId == place.InitiativeId)
            .Select(t => new { t.Id, t.IsInternal }).ToListAsync(cancellationToken);
        var visible = ids.Where(t => ThreadAccess.MayRead(User, place.Owners, t.IsInternal)).Select(t => t.Id).ToList();
        var threads = await ThreadsAsync(visible, cancellationToken);
        var mayWrite = ThreadAccess.MayRead(User, place.Owners, !place.Approved);
        var mentionable = mayWrite ? await MentionableAsync(place, !place.Approved, cancellationToken) : [];
        return new ThreadListDto(threads.OrderBy(t => t.IsOpen ? 0 : 1).ThenByDescending(t => t.Id).ToList(), mayWrite, mentionable);
    }

    private async Task<List<MentionTargetDto>> MentionableAsync(Place place, bool isInternal, CancellationToken cancellationToken)
    {
        var targets = await TargetsAsync(cancellationToken);
        return targets.GroupBy(t => t.Value).Select(g => (Handle: g.Key.IsDepartment ? Mentions.ShortName(g.Key.Name) : g.First().Key, Target: g.Key))
            .Where(t => t.Target.People.Any(p => ThreadAccess.MayRead(p.Roles, p.Departments, place.Owners, isInternal)))
            // Not the writer themself: a mention of oneself tells nobody.
            .Where(t => t.Target.IsDepartment || !t.Target.People.All(p => string.Equals(p.Person.Login, audit.Actor, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(t => t.Target.IsDepartment ? 0 : 1).ThenBy(t => t.Target.Name, StringComparer.Ordinal)
            .Select(t => new MentionTargetDto(t.Handle, t.Target.Name, t.Target.IsDepartment)).ToList();
    }

    private async Task<ThreadDto> ThreadAsync(long id, CancellationToken cancellationToken) => (await ThreadsAsync([id], cancellationToken))[0];

    private async Task<List<ThreadDto>> ThreadsAsync(List<long> ids, CancellationToken cancellationToken)
    {
        var threads = await db.Threads.AsNoTracking().Include(t => t.Comments).Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var keys = ids.Select(Key).ToList();
        var events = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == AuditType && keys.Contains(a.EntityKey)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var name = await PeopleNames.ResolveAsync(db, threads.SelectMany(t => t.Comments.Select(c => c.Author)).Concat(events.Select(e => e.Actor))
            .Concat(threads.Where(t => t.ResolvedBy is not null).Select(t => t.ResolvedBy!)), cancellationToken);
        var me = audit.Actor;
        return threads.Select(t =>
        {
            var comments = t.Comments.OrderBy(c => c.Id).ToList();
            var history = comments.Select(c => new ThreadEventDto(c.CreatedUtc, name(c.Author), ThreadEventKind.Posted, c.Id, null))
                .Concat(events.Where(e => e.EntityKey == Key(t.Id)).Select(e => Event(e, name)))
                .OrderBy(e => e.AtUtc).ToList();
            return new ThreadDto(t.Id, t.FiscalYear, t.Quarter, t.IsInternal, t.ResolvedUtc, t.ResolvedBy is null ? null : name(t.ResolvedBy),
                comments.Select(c => new CommentDto(c.Id, name(c.Author), c.Body, c.CreatedUtc, c.EditedUtc, c.DeletedUtc,
                    string.Equals(c.Author, me, StringComparison.OrdinalIgnoreCase))).ToList(), history);
        }).ToList();
    }

    private static ThreadEventDto Event(AuditEntry e, Func<string, string> name)
    {
        var parts = e.Field.Split('/');
        var kind = Enum.Parse<ThreadEventKind>(parts[^1]);
        long? comment = parts.Length == 3 ? long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null;
        return new ThreadEventDto(e.AtUtc, name(e.Actor), kind, comment, comment is null ? null : e.OldValue);
    }

    private static string Key(long threadId) => threadId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(CommentThread? Thread, Place? Place, Outcome<ThreadDto>? Failure)> OpenThreadAsync(long id, CancellationToken cancellationToken)
    {
        var thread = await db.Threads.Include(t => t.Comments).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null)
        {
            return (null, null, Outcome.NotFound<ThreadDto>(Wording.Pick("スレッドが見つかりません。", "The thread was not found.")));
        }

        var place = await PlaceOfAsync(thread, cancellationToken);
        if (place is null || !ThreadAccess.MayRead(User, place.Owners, thread.IsInternal))
        {
            // Someone who may not see a thread learns nothing about it, not even that it is there.
            return (null, null, Outcome.NotFound<ThreadDto>(Wording.Pick("スレッドが見つかりません。", "The thread was not found.")));
        }

        return (thread, place, null);
    }

    private async Task<(Comment? Comment, Place? Place, Outcome<ThreadDto>? Failure)> OwnCommentAsync(long id, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.Include(c => c.Thread).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var (_, place, failure) = comment is null ? (null, null, Outcome.NotFound<ThreadDto>(Wording.Pick("コメントが見つかりません。", "The comment was not found."))) : await OpenThreadAsync(comment.ThreadId, cancellationToken);
        if (failure is not null)
        {
            return (null, null, failure);
        }

        if (comment!.DeletedUtc is not null)
        {
            return (null, null, Outcome.Refused<ThreadDto>(Wording.Pick("このコメントは削除されています。", "This comment has been deleted.")));
        }

        return string.Equals(comment.Author, audit.Actor, StringComparison.OrdinalIgnoreCase)
            ? (comment, place, null)
            : (null, null, Outcome.Forbidden<ThreadDto>(Wording.Pick("ほかの人のコメントは編集・削除できません。", "You cannot edit or delete someone else's comment.")));
    }

    private async Task<Place?> PlaceOfAsync(CommentThread thread, CancellationToken cancellationToken)
    {
        if (thread.KpiId is { } kpiId)
        {
            var code = await db.Kpis.AsNoTracking().Where(k => k.Id == kpiId).Select(k => k.Code).FirstAsync(cancellationToken);
            return (await KpiPlaceAsync(code, thread.FiscalYear!.Value, thread.Quarter!.Value, cancellationToken)).Value;
        }

        var number = await db.Initiatives.AsNoTracking().Where(i => i.Id == thread.InitiativeId).Select(i => i.Number).FirstAsync(cancellationToken);
        return (await InitiativePlaceAsync(number, cancellationToken, thread.PlanId)).Value;
    }

    private async Task<Outcome<Place>> KpiPlaceAsync(string kpiCode, int fiscalYear, int quarter, CancellationToken cancellationToken)
    {
        // The caller's right to the KPI is checked before the quarter, as for entries: another department's KPI is 403 whatever the quarter.
        var resolved = (await quarters.ExactAsync(fiscalYear, quarter, cancellationToken)).Value;
        var plan = resolved?.Plan ?? await quarters.PlanAsync(cancellationToken);
        var kpi = plan is null
            ? null
            : await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id && k.Code == kpiCode)
                .Select(k => new { k.Id, k.Code, k.Name, Owners = k.Owners.Select(o => o.Code).ToList() }).FirstOrDefaultAsync(cancellationToken);
        if (kpi is null)
        {
            return Outcome.NotFound<Place>(Wording.Pick("指標または四半期が見つかりません。", "The indicator or quarter was not found."));
        }

        if (!ThreadAccess.MayRead(User, kpi.Owners, isInternal: false))
        {
            return Outcome.Forbidden<Place>(Outsider);
        }

        if (resolved is not var (_, q))
        {
            return Outcome.NotFound<Place>(Wording.Pick("指標または四半期が見つかりません。", "The indicator or quarter was not found."));
        }

        var approved = await db.Entries.AnyAsync(e => e.KpiId == kpi.Id && e.FiscalYear == q.FiscalYear && e.Quarter == q.Quarter && e.State == EntryState.Approved, cancellationToken);
        return Outcome.Ok(new Place(plan!, kpi.Id, q, null, kpi.Owners, approved, $"{kpi.Code} {kpi.Name}（{q.ToJapaneseLabel()}）",
            $"dashboard/kpis/{Uri.EscapeDataString(kpi.Code)}?{QuarterAddress.Query(q.FiscalYear, q.Quarter)}"));
    }

    private static string Outsider => Wording.Pick(
        "コメント・質問を読み書きできるのは、担当課・事務局・推進本部・システム管理者です。",
        "Comments and questions are for the department, the secretariat, the headquarters and the administrator.");

    private async Task<Outcome<Place>> InitiativePlaceAsync(int number, CancellationToken cancellationToken, int? planId = null)
    {
        var plan = planId is null ? await quarters.PlanAsync(cancellationToken) : await CurrentPlan.LoadAsync(db.Plans.Where(p => p.Id == planId), cancellationToken);
        var initiative = plan is null
            ? null
            : await db.Initiatives.AsNoTracking().Where(i => i.Number == number && db.Policies.Any(p => p.Id == i.PolicyId && p.PlanId == plan.Id))
                .Select(i => new { i.Id, i.Title }).FirstOrDefaultAsync(cancellationToken);
        if (initiative is null)
        {
            return Outcome.NotFound<Place>(Wording.Pick("取組施策が見つかりません。", "The initiative was not found."));
        }

        var owners = (await db.Kpis.AsNoTracking().Where(k => k.InitiativeId == initiative.Id).SelectMany(k => k.Owners.Select(o => o.Code)).ToListAsync(cancellationToken))
            .Distinct(StringComparer.Ordinal).ToList();
        if (!ThreadAccess.MayRead(User, owners, isInternal: false))
        {
            return Outcome.Forbidden<Place>(Outsider);
        }

        return Outcome.Ok(new Place(plan!, null, null, initiative.Id, owners, true, $"取組施策{number}「{initiative.Title}」",
            $"initiatives/{number}/assessment/{Math.Clamp(FiscalQuarter.FiscalYearOf(quarters.Today), plan!.FirstQuarter.FiscalYear, plan.LastQuarter.FiscalYear)}"));
    }
}
