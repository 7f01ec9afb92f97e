namespace Dashboard.Shared.Entries;

/// <summary>Japanese names of entry states.</summary>
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
}
