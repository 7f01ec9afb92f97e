using System.Text.Json.Serialization;

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
