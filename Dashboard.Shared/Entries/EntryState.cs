using System.Text.Json.Serialization;
using Dashboard.Shared.Plans;

namespace Dashboard.Shared.Entries;

/// <summary>Where a quarterly entry stands in review. A quarter with no entry row is 未入力.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntryState>))]
public enum EntryState
{
    /// <summary>下書き.</summary>
    Draft,

    /// <summary>提出済.</summary>
    Submitted,

    /// <summary>差戻し.</summary>
    Returned,

    /// <summary>承認済.</summary>
    Approved,
}

/// <summary>When a report counts as late.</summary>
public static class EntryLateness
{
    /// <summary>
    /// A report is late when the due date has passed and it has not been submitted (未入力, 下書き or 差戻し).
    /// Submitted and approved reports are never late, whenever they came in.
    /// </summary>
    public static bool IsLate(CollectionWindowDto window, EntryState? state, DateOnly today) =>
        CollectionWindows.IsPastDue(window, state is EntryState.Submitted or EntryState.Approved, today);
}
