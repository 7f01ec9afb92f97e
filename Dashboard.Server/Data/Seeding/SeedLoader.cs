using Dashboard.Shared.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Data.Seeding;

/// <summary>
/// Loads seed-data/ into the database at start-up, in one transaction. A plan already in the database (by code) is
/// left alone, so a second start neither duplicates it nor overwrites what users changed; the same holds for
/// departments and for sample figures (by KPI and quarter).
/// </summary>
public sealed class SeedLoader(DashboardDbContext db, IOptions<SeedOptions> options, IHostEnvironment environment, ILogger<SeedLoader> logger, TimeProvider clock)
{
    public const string SampleAuthor = "サンプルデータ";

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.Folder, environment.ContentRootPath);
        var existingDepartments = await db.Departments.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        var seed = SeedReader.Read(folder, settings.LoadSampleFigures, existingDepartments.Keys.ToHashSet(), settings.LoadDemoUsers);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var department in seed.Departments.Where(d => !existingDepartments.ContainsKey(d.Code)))
        {
            db.Departments.Add(department);
            existingDepartments[department.Code] = department;
        }

        var existingPlans = await db.Plans.Select(p => p.Code).ToListAsync(cancellationToken);
        foreach (var seeded in seed.Plans.Where(p => !existingPlans.Contains(p.Plan.Code)))
        {
            await AddPlanAsync(seeded, existingDepartments, cancellationToken);
        }

        await AddDemoUsersAsync(seed.DemoUsers, existingDepartments, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var samples = await AddSamplesAsync(seed.SampleEntries, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (samples > 0)
        {
            SeedLog.SampleFiguresLoaded(logger, samples);
        }
    }

    private async Task AddPlanAsync(PlanSeedResult seeded, Dictionary<string, Department> departments, CancellationToken cancellationToken)
    {
        var plan = seeded.Plan;
        plan.CreatedUtc = clock.GetUtcNow().UtcDateTime;
        if (plan.IsCurrent)
        {
            await db.Plans.Where(p => p.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsCurrent, false), cancellationToken);
        }

        var kpis = plan.Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).ToList();
        foreach (var kpi in kpis)
        {
            kpi.Plan = plan;
            kpi.Owners = seeded.OwnerCodesByKpi[kpi.Code].Select(code => departments[code]).ToList();
        }

        // The plan as loaded is what its last version says (a later 改訂 or target revision keeps its own snapshot).
        if (plan.Revisions.OrderBy(r => r.Date).LastOrDefault() is { } loaded)
        {
            loaded.Snapshot = Features.Plans.PlanEditions.Snapshot(plan, loaded.Date);
        }

        db.Plans.Add(plan);
        var initiatives = plan.Policies.Sum(p => p.Initiatives.Count);
        SeedLog.PlanLoaded(logger, plan.Code, seeded.File, plan.Policies.Count, initiatives, kpis.Count);
    }

    private async Task AddDemoUsersAsync(IReadOnlyList<DemoUser> demoUsers, Dictionary<string, Department> departments, CancellationToken cancellationToken)
    {
        if (demoUsers.Count == 0)
        {
            return;
        }

        var existing = await db.Users.Select(u => u.LoginName).ToListAsync(cancellationToken);
        foreach (var demo in demoUsers.Where(d => !existing.Contains(d.Login)))
        {
            db.Users.Add(new AppUser
            {
                LoginName = demo.Login,
                DisplayName = demo.Name,
                Roles = demo.Roles,
                IsDemo = true,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Departments = demo.DepartmentCodes.Select(code => departments[code]).ToList(),
            });
        }
    }

    private async Task<int> AddSamplesAsync(IReadOnlyList<SampleEntry> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        var planCodes = samples.Select(s => s.PlanCode).Distinct().ToList();
        var kpiIds = await db.Kpis
            .Join(db.Plans.Where(p => planCodes.Contains(p.Code)), k => k.PlanId, p => p.Id, (k, p) => new { p.Code, KpiCode = k.Code, k.Id })
            .ToDictionaryAsync(x => (x.Code, x.KpiCode), x => x.Id, cancellationToken);
        var ids = kpiIds.Values.ToList();
        var existing = (await db.Entries.Where(e => ids.Contains(e.KpiId))
            .Select(e => new { e.KpiId, e.FiscalYear, e.Quarter })
            .ToListAsync(cancellationToken))
            .Select(e => (e.KpiId, e.FiscalYear, e.Quarter))
            .ToHashSet();

        var added = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var s in samples)
        {
            // A KPI removed by a planner since the plan was loaded simply gets no sample.
            if (!kpiIds.TryGetValue((s.PlanCode, s.KpiCode), out var kpiId)
                || !existing.Add((kpiId, s.Quarter.FiscalYear, s.Quarter.Quarter)))
            {
                continue;
            }

            db.Entries.Add(new QuarterlyEntry
            {
                KpiId = kpiId,
                FiscalYear = s.Quarter.FiscalYear,
                Quarter = s.Quarter.Quarter,
                Value = s.Value,
                MilestoneState = s.Milestone,
                MilestoneDate = s.MilestoneDate,
                Done = s.Done,
                Check = s.Check,
                Act = s.Act,
                State = EntryState.Approved,
                IsSample = true,
                UpdatedUtc = now,
                UpdatedBy = SampleAuthor,
                Version = Guid.NewGuid(),
            });
            added++;
        }

        return added;
    }
}

/// <summary>Start-up log lines, source-generated (no boxing, nothing formatted when the level is off).</summary>
internal static partial class SeedLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} sample quarterly figures (サンプル)")]
    public static partial void SampleFiguresLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded plan {Code} from {File}: {Policies} policies, {Initiatives} initiatives, {Kpis} KPIs")]
    public static partial void PlanLoaded(ILogger logger, string code, string file, int policies, int initiatives, int kpis);

    [LoggerMessage(Level = LogLevel.Critical, Message = "seed-data の読み込みに失敗しました。起動を中止します。 Seed data is invalid; start-up stopped. {Message}")]
    public static partial void SeedInvalid(ILogger logger, string message);
}
