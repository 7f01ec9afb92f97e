using Dashboard.Server.Data;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Findings;
using Dashboard.Shared.Fiscal;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Exports;

/// <summary>A committee finding as the pack's 評価シート lists it under 「前回の指摘と対応」.</summary>
public sealed record PackFinding(int InitiativeId, string Meeting, DateOnly HeldOn, string? KpiName, string Request, string Department, DateOnly DueOn,
    FindingState State, string? Response)
{
    /// <summary>
    /// The findings of the last meeting that reviewed a quarter before <paramref name="quarter"/>, and those of earlier
    /// meetings not yet confirmed 完了: the committee sees what it asked last time and what is still outstanding.
    /// </summary>
    public static async Task<List<PackFinding>> LoadAsync(DashboardDbContext db, CurrentPlan plan, FiscalQuarter quarter, CancellationToken cancellationToken)
    {
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.Meeting!.PlanId == plan.Id
                && (f.Meeting.FiscalYear < quarter.FiscalYear || (f.Meeting.FiscalYear == quarter.FiscalYear && f.Meeting.Quarter < quarter.Quarter)))
            .Select(f => new
            {
                f.MeetingId,
                f.Meeting!.Title,
                f.Meeting.HeldOn,
                f.Meeting.FiscalYear,
                f.Meeting.Quarter,
                f.InitiativeId,
                KpiName = f.Kpi!.Name,
                f.Request,
                Department = f.Department!.Name,
                f.DueOn,
                f.State,
                f.Response,
                f.Id,
            })
            .ToListAsync(cancellationToken);
        var last = findings.OrderByDescending(f => (f.FiscalYear, f.Quarter)).ThenByDescending(f => f.HeldOn).ThenByDescending(f => f.MeetingId).FirstOrDefault()?.MeetingId;
        return findings.Where(f => f.MeetingId == last || f.State != FindingState.Completed)
            .OrderBy(f => f.HeldOn).ThenBy(f => f.Id)
            .Select(f => new PackFinding(f.InitiativeId, f.Title, f.HeldOn, f.KpiName, f.Request, f.Department, f.DueOn, f.State, f.Response))
            .ToList();
    }
}
