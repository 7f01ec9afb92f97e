namespace Dashboard.E2E;

/// <summary>Every signed-in page, with whether it becomes interactive (the overview and heatmap are server-rendered only).</summary>
internal static class SignedInPages
{
    public static IReadOnlyList<(string Url, bool Interactive)> All { get; } =
    [
        ("/", true), ("/dashboard", false), ("/dashboard/heatmap", false), ("/dashboard/kpis/I01-K1", true),
        ("/dashboard/departments", true), ("/entries", true), ("/entries/I01-K1/2025/4", true), ("/review", true), ("/review/board", true),
        ("/exports", true), ("/entries/excel", true), ("/admin", true), ("/publishing", true), ("/initiatives/2/assessment/2025", true), ("/findings", true),
    ];
}
