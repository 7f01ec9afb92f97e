using System.Globalization;
using Dashboard.Shared.Fiscal;
using System.Text.RegularExpressions;
using Dashboard.Shared.Text;

namespace Dashboard.Shared.Kpis;

/// <summary>
/// Reads a figure as people type it: full-width digits and commas from an IME (１２，３４５．５), thousands separators
/// in their places, a leading minus. Refuses what a person did not mean as a number: exponents (1e309), infinity,
/// misplaced commas (12,3), more than one decimal point.
/// </summary>
public static partial class KpiValueParser
{
    /// <summary>The largest magnitude a figure may have.</summary>
    public const decimal Limit = 1_000_000_000_000m;

    /// <summary>Parses <paramref name="text"/>; null or blank is "not entered" (true, null).</summary>
    public static bool TryParse(string? text, out decimal? value, out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var normalized = HalfWidth.Of(text).Trim().Replace('−', '-').Replace('ー', '-');
        if (!NumberPattern().IsMatch(normalized))
        {
            error = Wording.Pick(
                "数値として読めません。例: 1234、1,234、85.5（桁区切りのカンマは3桁ごと）",
                "This is not a number. For example: 1234, 1,234 or 85.5 (a comma every three digits).");
            return false;
        }

        if (!decimal.TryParse(normalized.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || Math.Abs(parsed) >= Limit)
        {
            error = Wording.Pick("数値が大きすぎます。", "The number is too large.");
            return false;
        }

        value = parsed == 0 ? 0m : parsed; // "-0" is zero
        return true;
    }

    /// <summary>Digits with optional 3-digit groups, an optional fraction, an optional leading minus.</summary>
    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex NumberPattern();
}
