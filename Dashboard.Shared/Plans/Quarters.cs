using Dashboard.Shared.Text;
using Dashboard.Shared.Fiscal;

namespace Dashboard.Shared.Plans;

/// <summary>When a quarter's figures may be entered and when they are due.</summary>
/// <param name="FiscalYear">Quarter.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="OpensOn">First day of entry.</param>
/// <param name="DueOn">Last day a report is on time.</param>
/// <param name="IsDefault">Not changed by a planner: the rule in <see cref="CollectionWindows.Default"/>.</param>
public sealed record CollectionWindowDto(int FiscalYear, int Quarter, DateOnly OpensOn, DateOnly DueOn, bool IsDefault)
{
    /// <summary>提出期限 2026年1月15日.</summary>
    public string DueLabel => CollectionWindows.DateLabel(DueOn);
}

/// <summary>A planner's change to a quarter's window.</summary>
public sealed record SetWindowRequest(DateOnly? OpensOn, DateOnly? DueOn);

/// <summary>The collection-window rules, the same for the server, the pages and the pack.</summary>
public static class CollectionWindows
{
    /// <summary>Day of the month after the quarter on which reports are due by default.</summary>
    public const int DefaultDueDay = 15;

    /// <summary>Longest a window may run after its quarter ends.</summary>
    public const int LatestDueMonthsAfterQuarter = 6;

    /// <summary>Opens the day after the quarter ends; due on the 15th of the following month.</summary>
    public static CollectionWindowDto Default(FiscalQuarter q)
    {
        var opens = q.EndDate.AddDays(1);
        return new CollectionWindowDto(q.FiscalYear, q.Quarter, opens, new DateOnly(opens.Year, opens.Month, DefaultDueDay), true);
    }

    /// <summary>
    /// Whether the due date has passed by <paramref name="today"/> for a report not yet in. Submitted and approved
    /// reports are never late, whenever they came in (the entry rule builds on this).
    /// </summary>
    public static bool IsPastDue(CollectionWindowDto window, bool reportIsIn, DateOnly today) => today > window.DueOn && !reportIsIn;

    /// <summary>Days left until the due date (0 on the day; negative once past).</summary>
    public static int DaysLeft(CollectionWindowDto window, DateOnly today) => window.DueOn.DayNumber - today.DayNumber;

    /// <summary>The problems with a planner's window, by field; empty when it may be stored.</summary>
    public static Dictionary<string, string[]> Check(FiscalQuarter q, SetWindowRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.OpensOn is not { } opens)
        {
            errors["OpensOn"] = [Wording.Pick("入力開始日を入力してください。", "Enter the date entry opens.")];
        }
        else if (opens < q.StartDate)
        {
            errors["OpensOn"] = [Wording.Pick($"入力開始日は{q.ToJapaneseLabel()}の初日（{DateLabel(q.StartDate)}）以降にしてください。", $"Entry opens on or after the first day of {q.ToEnglishLabel()} ({Wording.Date(q.StartDate)}).")];
        }

        var latest = q.EndDate.AddMonths(LatestDueMonthsAfterQuarter);
        if (request.DueOn is not { } due)
        {
            errors["DueOn"] = [Wording.Pick("提出期限を入力してください。", "Enter the due date.")];
        }
        else if (request.OpensOn is { } start && due < start)
        {
            errors["DueOn"] = [Wording.Pick("提出期限は入力開始日より後にしてください。", "The due date comes after entry opens.")];
        }
        else if (due > latest)
        {
            errors["DueOn"] = [Wording.Pick($"提出期限は四半期の終わりから{LatestDueMonthsAfterQuarter}か月以内（{DateLabel(latest)}まで）にしてください。", $"The due date is at most {LatestDueMonthsAfterQuarter} months after the quarter ends (by {Wording.Date(latest)}).")];
        }

        return errors;
    }

    /// <summary>2026年1月15日.</summary>
    public static string DateLabel(DateOnly date) => Wording.JapaneseDate(date);
}

/// <summary>A quarter in the one quarter picker, with whether the secretariat has closed it.</summary>
public sealed record QuarterOption(int FiscalYear, int Quarter, bool IsClosed)
{
    /// <summary>The quarters from <paramref name="first"/> to <paramref name="last"/> (a plan's period), none marked closed: the dashboards' choice.</summary>
    public static IReadOnlyList<QuarterOption> Range(Fiscal.FiscalQuarter first, Fiscal.FiscalQuarter last)
    {
        var list = new List<QuarterOption>();
        for (var q = first; q <= last; q = q.Next())
        {
            list.Add(new QuarterOption(q.FiscalYear, q.Quarter, false));
        }

        return list;
    }
}

/// <summary>The one address vocabulary for a quarter, on pages and in the API: <c>?fy=2025&amp;q=4</c>.</summary>
public static class QuarterAddress
{
    /// <summary>The fiscal year's query key.</summary>
    public const string FiscalYear = "fy";

    /// <summary>The quarter's query key (1-4).</summary>
    public const string Quarter = "q";

    /// <summary>fy=2025&amp;q=4, without the question mark.</summary>
    public static string Query(int fiscalYear, int quarter) => $"{FiscalYear}={fiscalYear}&{Quarter}={quarter}";
}
