using Dashboard.Shared.Text;

namespace Dashboard.Shared.Entries;

/// <summary>Names of entry states.</summary>
public static class EntryStateLabels
{
    /// <summary>未入力 for null, else 下書き / 提出済 / 差戻し / 承認済.</summary>
    public static string Japanese(this EntryState? state) => state switch
    {
        null => "未入力",
        EntryState.Draft => "下書き",
        EntryState.Submitted => "提出済",
        EntryState.Returned => "差戻し",
        EntryState.Approved => "承認済",
        _ => state.ToString()!,
    };

    /// <summary>Not entered for null, else Draft / Submitted / Returned / Approved.</summary>
    public static string English(this EntryState? state) => state switch
    {
        null => "Not entered",
        _ => state.ToString()!,
    };

    /// <summary>The name in the language of the messages (<see cref="Wording"/>).</summary>
    public static string Named(this EntryState? state) => Wording.English ? state.English() : state.Japanese();
}
