using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Server.Tests;

/// <summary>
/// Makes our copy of MudBlazor's stylesheet (issue 22, point 4): MudBlazor ships 627 KB of CSS for every component it
/// has, and Chromium parses and matches all of it before the first paint. The copy drops the rules of components no
/// page uses (only selectors that name one of <see cref="DroppedFamilies"/>) and the breakpoint utilities
/// (<c>.mt-md-4</c>, <c>.d-sm-none</c> ...) that neither our sources nor MudBlazor's components name. Everything else is
/// kept byte for byte, in order, with the licence comment. <see cref="TrimmedMudBlazorCssTests"/> keeps the committed
/// copy equal to this applied to the package's current file, and the pages' components within <see cref="UsedComponents"/>.
/// </summary>
internal static partial class MudCssTrim
{
    /// <summary>Class families (<c>.mud-{family}</c>, <c>.mud-{family}-…</c>) of components none of our pages render.</summary>
    public static readonly string[] DroppedFamilies =
    [
        "timeline", "fab", "slider", "stepper", "step", "treeview", "picker", "day", "hour", "minute", "clock", "range", "timepicker",
        "time-picker", "onclock", "adjacent-month", "toggle-group", "toggle-item", "tabs", "tab", "dynamic-tabs", "nav-group", "nav-link",
        "navmenu", "nav-item", "drawer", "button-group", "carousel", "chart", "charts", "donut", "data-grid", "datagrid", "avatar", "badge",
        "breadcrumbs", "breadcrumb", "card", "expand-panel", "expansion-panels", "panel", "file-upload", "pagination", "rating", "skeleton",
        "split-panel", "swipearea", "drop-item", "drop-zone", "drag-handle", "menu", "tooltip", "autocomplete", "grid", "grid-item",
        "grid-spacing", "table-pagination", "tablepager", "image", "scroll-to", "resizer", "resizing", "sort-index", "header-togglehierarchy",
        "row-group",
    ];

    /// <summary>
    /// The MudBlazor components our .razor files use. Each renders only classes outside <see cref="DroppedFamilies"/>;
    /// a page that starts using another component must first check that, then add it here.
    /// </summary>
    public static readonly string[] UsedComponents =
    [
        "MudAlert", "MudAppBar", "MudButton", "MudCheckBox", "MudChip", "MudContainer", "MudDialogProvider", "MudIcon", "MudIconButton",
        "MudLayout", "MudLink", "MudMainContent", "MudNumericField", "MudPaper", "MudPopoverProvider", "MudProgressCircular",
        "MudProgressLinear", "MudRadio", "MudRadioGroup", "MudSelect", "MudSelectItem", "MudSimpleTable", "MudSnackbarProvider",
        "MudSpacer", "MudStack", "MudSwitch", "MudText", "MudTextField", "MudThemeProvider",
    ];

    /// <summary>Breakpoint utilities MudBlazor's own components build (MudStack's "flex-{breakpoint}-…"): always kept.</summary>
    private static readonly string[] _keptBreakpointPrefixes = ["flex-sm", "flex-md", "flex-lg", "flex-xl", "flex-xxl"];

    private static readonly Regex _dropped = new(
        @"\.mud-(" + string.Join('|', DroppedFamilies.OrderByDescending(f => f.Length).Select(Regex.Escape)) + @")(?![a-z])",
        RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\.((?!mud-)[a-z]+(?:-[a-z0-9]+)*-(?:xs|sm|md|lg|xl|xxl)(?:-[a-z0-9]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex BreakpointUtility();

    /// <summary>The stylesheet without the dropped rules; <paramref name="usedClasses"/> are the class names our sources name.</summary>
    public static string Trim(string css, IReadOnlySet<string> usedClasses)
    {
        var output = new StringBuilder(css.Length / 2);
        Trim(css, usedClasses, output);
        return output.ToString();
    }

    private static void Trim(string css, IReadOnlySet<string> usedClasses, StringBuilder output)
    {
        foreach (var (prelude, body) in Blocks(css))
        {
            if (body is null)
            {
                output.Append(prelude);
                continue;
            }

            var head = prelude.Trim();
            if (head.StartsWith("@media", StringComparison.Ordinal) || head.StartsWith("@supports", StringComparison.Ordinal) || head.StartsWith("@layer", StringComparison.Ordinal))
            {
                var inner = new StringBuilder();
                Trim(body, usedClasses, inner);
                if (inner.ToString().Trim().Length > 0)
                {
                    output.Append(prelude).Append('{').Append(inner).Append('}');
                }
            }
            else if (head.StartsWith('@'))
            {
                output.Append(prelude).Append('{').Append(body).Append('}');
            }
            else
            {
                var kept = SplitSelectors(prelude).Where(s => Keeps(s, usedClasses)).ToList();
                if (kept.Count > 0)
                {
                    output.Append(string.Join(',', kept)).Append('{').Append(body).Append('}');
                }
            }
        }
    }

    private static bool Keeps(string selector, IReadOnlySet<string> usedClasses) =>
        !_dropped.IsMatch(selector)
        && BreakpointUtility().Matches(selector).All(m => usedClasses.Contains(m.Groups[1].Value) || _keptBreakpointPrefixes.Any(p => m.Groups[1].Value.StartsWith(p, StringComparison.Ordinal)));

    // Top-level blocks: (prelude, body) for "prelude{body}", or (statement, null) for "@charset …;" and text between.
    private static IEnumerable<(string Prelude, string? Body)> Blocks(string css)
    {
        var depth = 0;
        var start = 0;
        var bodyStart = 0;
        string prelude = string.Empty;
        for (var i = 0; i < css.Length; i++)
        {
            switch (css[i])
            {
                case '/' when i + 1 < css.Length && css[i + 1] == '*':
                    i = css.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 1 : css.Length;
                    break;
                case '"' or '\'':
                    i = css.IndexOf(css[i], i + 1) is var close and >= 0 ? close : css.Length;
                    break;
                case '{':
                    if (depth++ == 0)
                    {
                        prelude = css[start..i];
                        bodyStart = i + 1;
                    }

                    break;
                case '}':
                    if (--depth == 0)
                    {
                        yield return (prelude, css[bodyStart..i]);
                        start = i + 1;
                    }

                    break;
                case ';' when depth == 0:
                    yield return (css[start..(i + 1)], null);
                    start = i + 1;
                    break;
            }
        }

        if (start < css.Length)
        {
            yield return (css[start..], null);
        }
    }

    private static List<string> SplitSelectors(string prelude)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < prelude.Length; i++)
        {
            switch (prelude[i])
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(prelude[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(prelude[start..]);
        return parts;
    }
}
