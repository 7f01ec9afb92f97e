using Dashboard.Client.Layout;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Kpis;
using Microsoft.Extensions.Localization;
using Dashboard.Shared.Plans;

namespace Dashboard.Client.Localization;

/// <summary>Names of statuses, kinds and quarters in the UI language, through the resources.</summary>
public static class Labels
{
    /// <summary>達成 / Achieved.</summary>
    public static string Status(this IStringLocalizer<UiText> t, KpiStatus status) => t[$"Status.{status}"];

    /// <summary>未入力 / Not entered, 提出済 / Submitted, ...</summary>
    public static string Entry(this IStringLocalizer<UiText> t, EntryState? state) => t[$"Entry.{state?.ToString() ?? "None"}"];

    /// <summary>累計 / Cumulative, ...</summary>
    public static string Kind(this IStringLocalizer<UiText> t, KpiKind kind) => t[$"Kind.{kind}"];

    /// <summary>未着手 / Not started, ...</summary>
    public static string Milestone(this IStringLocalizer<UiText> t, MilestoneState state) => t[$"Milestone.{state}"];

    /// <summary>Why no forecast was made.</summary>
    public static string Refusal(this IStringLocalizer<UiText> t, ForecastRefusal refusal) => t[$"Refusal.{refusal}"];

    /// <summary>令和7年度 第3四半期 / FY2025 Q3.</summary>
    public static string Quarter(int fiscalYear, int quarter) =>
        UiPreferences.IsEnglish ? new FiscalQuarter(fiscalYear, quarter).ToEnglishLabel() : new FiscalQuarter(fiscalYear, quarter).ToJapaneseLabel();

    /// <summary>R7 Q3 / FY25 Q3: short enough for a chart axis.</summary>
    public static string ShortQuarter(int fiscalYear, int quarter) =>
        UiPreferences.IsEnglish ? $"FY{fiscalYear % 100:00} Q{quarter}" : $"R{fiscalYear - 2018} Q{quarter}";

    /// <summary>令和7年度 / FY2025.</summary>
    public static string FiscalYear(int fiscalYear) =>
        UiPreferences.IsEnglish ? $"FY{fiscalYear}" : JapaneseEra.FiscalYearLabel(fiscalYear);

    /// <summary>第3四半期 / Q3.</summary>
    /// <summary>
    /// "ja" for the plan's own words (KPI, initiative, policy and department names, people's names) when the page is in
    /// English, so screen readers read them with the Japanese voice (WCAG 3.1.2); null (no attribute) in Japanese.
    /// </summary>
    public static string? DataLang => UiPreferences.IsEnglish ? "ja" : null;

    /// <summary>"ja" for text people wrote in Japanese on an English page (notes, opinions, names), else none.</summary>
    public static string? LangOf(string? text) => UiPreferences.IsEnglish && text is not null && MixedText.IsJapanese(text) ? "ja" : null;

    /// <summary>Text in brackets in the page's language: （…） in Japanese, (…) in English.</summary>
    public static string Paren(string text) => UiPreferences.IsEnglish ? $" ({text})" : $"（{text}）";

    /// <summary>The separator between facts on one line: ・ in Japanese, · in English.</summary>
    public static string Dot => UiPreferences.IsEnglish ? " · " : " ・ ";

    /// <summary>2026年4月15日, or 15 Apr 2026 in English.</summary>
    public static string Date(DateOnly date) => Dashboard.Shared.Text.Wording.Date(date);

    public static string QuarterOnly(int quarter) => UiPreferences.IsEnglish ? $"Q{quarter}" : $"第{quarter}四半期";
}
