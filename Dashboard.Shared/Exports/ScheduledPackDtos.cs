using Dashboard.Shared.Problems;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Exports;

/// <summary>Where a scheduled meeting pack stands.</summary>
public enum ScheduledPackState
{
    /// <summary>Waiting for its day (or for its quarter to be closed again).</summary>
    Scheduled,

    /// <summary>Built and sent to the committee.</summary>
    Sent,

    /// <summary>Called off before it was sent.</summary>
    Cancelled,
}

/// <summary>A meeting's pack, sent to every committee member on the set day.</summary>
/// <param name="Id">Its id (the download page is /packs/{id}).</param>
/// <param name="Title">The meeting it is for.</param>
/// <param name="FiscalYear">The quarter the pack covers.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="SendOn">The day (Japan) it is built and sent.</param>
/// <param name="Attach">The workbook is attached to the mails as well as linked.</param>
/// <param name="State">Scheduled, sent or cancelled.</param>
/// <param name="ScheduledBy">Who scheduled it (display name).</param>
/// <param name="BuiltUtc">When the pack was built.</param>
/// <param name="SentUtc">When the notices and mails were made.</param>
/// <param name="Recipients">How many committee members were told.</param>
/// <param name="FileName">The workbook's name, once built.</param>
public sealed record ScheduledPackDto(long Id, string Title, int FiscalYear, int Quarter, DateOnly SendOn, bool Attach, ScheduledPackState State,
    string ScheduledBy, DateTime? BuiltUtc, DateTime? SentUtc, int Recipients, string? FileName);

/// <summary>The scheduled packs, newest first, and what a new one may cover.</summary>
/// <param name="Packs">Every scheduled pack.</param>
/// <param name="ClosedQuarters">The closed quarters of started plans: only a closed quarter's pack is sent.</param>
/// <param name="Today">The server's date (Japan): the earliest day a pack may be set for.</param>
public sealed record ScheduledPacksDto(IReadOnlyList<ScheduledPackDto> Packs, IReadOnlyList<ClosedQuarterDto> ClosedQuarters, DateOnly Today);

/// <summary>A closed quarter a pack may cover.</summary>
/// <param name="FiscalYear">Its fiscal year.</param>
/// <param name="Quarter">1-4.</param>
public sealed record ClosedQuarterDto(int FiscalYear, int Quarter);

/// <summary>Schedules a meeting's pack.</summary>
/// <param name="Title">The meeting (推進本部会議 when empty).</param>
/// <param name="FiscalYear">The quarter the pack covers; it must be closed.</param>
/// <param name="Quarter">1-4.</param>
/// <param name="SendOn">The day to build and send it; today or later.</param>
/// <param name="Attach">Attach the workbook to the mails too (many closed networks strip attachments: off by default).</param>
public sealed record SchedulePackRequest(string? Title, int? FiscalYear, int? Quarter, DateOnly? SendOn, bool Attach = false)
{
    /// <summary>The longest meeting name.</summary>
    public const int TitleMaxLength = 100;

    /// <summary>What is wrong, by field, in Japanese, before the server checks the quarter is closed.</summary>
    public Dictionary<string, string[]> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (TextPolicy.Problem(Title, Wording.Pick("会議名", "The meeting's name"), false) is { } title)
        {
            errors[nameof(Title)] = [title];
        }
        else if (Title?.Trim().Length > TitleMaxLength)
        {
            errors[nameof(Title)] = [Wording.Pick($"会議名は{TitleMaxLength}文字以内で入力してください。", $"The meeting's name has at most {TitleMaxLength} characters.")];
        }

        if (FiscalYear is null || Quarter is not (>= 1 and <= 4))
        {
            errors[nameof(Quarter)] = [Wording.Pick("資料の四半期を選んでください。", "Choose the quarter of the pack.")];
        }

        if (SendOn is null)
        {
            errors[nameof(SendOn)] = [Wording.Pick("送付日を入力してください。", "Enter the sending date.")];
        }
        else if (SendOn < today)
        {
            errors[nameof(SendOn)] = [Wording.Pick($"送付日（{SendOn:yyyy/MM/dd}）が過ぎています。今日（{today:yyyy/MM/dd}）以降を選んでください。", $"The sending date ({SendOn:yyyy/MM/dd}) has passed. Choose today ({today:yyyy/MM/dd}) or later.")];
        }

        return errors;
    }
}

/// <summary>
/// Meeting packs sent on a schedule (decision 024): the planner sets the day, the app builds the pack then and tells
/// every committee member with a link (and, if chosen, the workbook attached), once across restarts and instances.
/// </summary>
public interface IScheduledPackService
{
    /// <summary>The scheduled packs (planner, admin).</summary>
    Task<Outcome<ScheduledPacksDto>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Schedules a pack; refused for a quarter not closed or a day already past.</summary>
    Task<Outcome<ScheduledPackDto>> ScheduleAsync(SchedulePackRequest request, CancellationToken cancellationToken = default);

    /// <summary>Calls off a pack not yet sent.</summary>
    Task<Outcome<ScheduledPackDto>> CancelAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>One pack as its download page shows it (committee, planner, admin).</summary>
    Task<Outcome<ScheduledPackDto>> GetAsync(long id, CancellationToken cancellationToken = default);
}
