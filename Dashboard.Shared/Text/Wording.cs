using System.Globalization;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Text;

/// <summary>
/// The language of the messages the rules and the server give people: Japanese, or English when the person chose
/// English (the request's or circuit's UI culture, from the language cookie). Anything else, a background job or a
/// mail included, is Japanese. The two texts of a message sit side by side where the rule is, so neither can be
/// forgotten; the pages' own texts stay in the UiText resources.
/// </summary>
public static class Wording
{
    /// <summary>Whether messages are given in English now.</summary>
    public static bool English => CultureInfo.CurrentUICulture.Name is var name
        && (name == "en" || name.StartsWith("en-", StringComparison.Ordinal));

    /// <summary><paramref name="japanese"/>, or <paramref name="english"/> when <see cref="English"/>.</summary>
    public static string Pick(string japanese, string english) => English ? english : japanese;

    /// <summary>令和7年度 第3四半期, or FY2025 Q3.</summary>
    public static string Quarter(FiscalQuarter quarter) => English ? quarter.ToEnglishLabel() : quarter.ToJapaneseLabel();

    /// <summary>2026年4月15日, or 15 Apr 2026.</summary>
    public static string Date(DateOnly date) => English
        ? date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A number as the messages write it: 1,234.5 in both languages.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>下書き / Draft, 未入力 / Not entered, ...</summary>
    public static string State(EntryState? state) => English
        ? state switch
        {
            null => "Not entered",
            EntryState.Draft => "Draft",
            EntryState.Submitted => "Submitted",
            EntryState.Returned => "Returned",
            EntryState.Approved => "Approved",
            _ => state.ToString()!,
        }
        : state.Japanese();

    /// <summary>注意 / Caution, ...</summary>
    public static string Status(KpiStatus status) => English
        ? status switch
        {
            KpiStatus.OnTrack => "On track",
            KpiStatus.NotReported => "Not reported",
            KpiStatus.NoTarget => "No target",
            _ => status.ToString(),
        }
        : status.Japanese();
}
