using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Shared.Fiscal;

/// <summary>
/// A quarter of the Japanese fiscal year, which starts on 1 April: Q1 = Apr-Jun, Q2 = Jul-Sep, Q3 = Oct-Dec,
/// Q4 = Jan-Mar of the following calendar year. FY2025 Q3 is 令和7年度 第3四半期 (October-December 2025).
/// </summary>
public readonly partial record struct FiscalQuarter : IComparable<FiscalQuarter>
{
    /// <summary>Creates a quarter; <paramref name="quarter"/> must be 1-4.</summary>
    public FiscalQuarter(int fiscalYear, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYear, 2999);
        FiscalYear = fiscalYear;
        Quarter = quarter;
    }

    /// <summary>The fiscal year, named by the calendar year it starts in (FY2025 = April 2025 - March 2026).</summary>
    public int FiscalYear { get; }

    /// <summary>1-4.</summary>
    public int Quarter { get; }

    /// <summary>The quarter that contains <paramref name="date"/>.</summary>
    public static FiscalQuarter FromDate(DateOnly date)
    {
        var fiscalYear = date.Month >= 4 ? date.Year : date.Year - 1;
        var quarter = ((date.Month + 8) % 12 / 3) + 1;
        return new FiscalQuarter(fiscalYear, quarter);
    }

    /// <summary>The last day of a fiscal year: 31 March of the next calendar year.</summary>
    public static DateOnly FiscalYearEnd(int fiscalYear) => new(fiscalYear + 1, 3, 31);

    /// <summary>The fiscal year that contains <paramref name="date"/>.</summary>
    public static int FiscalYearOf(DateOnly date) => FromDate(date).FiscalYear;

    /// <summary>First day of the quarter.</summary>
    public DateOnly StartDate => new DateOnly(FiscalYear, 4, 1).AddMonths((Quarter - 1) * 3);

    /// <summary>Last day of the quarter.</summary>
    public DateOnly EndDate => StartDate.AddMonths(3).AddDays(-1);

    /// <summary>A running number: consecutive quarters differ by one, across fiscal years.</summary>
    public int Ordinal => (FiscalYear * 4) + Quarter - 1;

    /// <summary>The quarter with the given <see cref="Ordinal"/>.</summary>
    public static FiscalQuarter FromOrdinal(int ordinal) => new(ordinal / 4, (ordinal % 4) + 1);

    /// <summary>The following quarter.</summary>
    public FiscalQuarter Next() => FromOrdinal(Ordinal + 1);

    /// <summary>The preceding quarter.</summary>
    public FiscalQuarter Previous() => FromOrdinal(Ordinal - 1);

    /// <summary>The reporting quarter on <paramref name="today"/>: the one that has just ended.</summary>
    public static FiscalQuarter LastEndedOn(DateOnly today) => FromDate(today).Previous();

    /// <summary>令和7年度 第3四半期.</summary>
    public string ToJapaneseLabel() => $"{JapaneseEra.FiscalYearLabel(FiscalYear)} 第{Quarter}四半期";

    /// <summary>FY2025 Q3.</summary>
    public string ToEnglishLabel() => $"FY{FiscalYear} Q{Quarter}";

    /// <inheritdoc />
    public override string ToString() => ToEnglishLabel();

    /// <inheritdoc />
    public int CompareTo(FiscalQuarter other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Earlier than.</summary>
    public static bool operator <(FiscalQuarter left, FiscalQuarter right) => left.Ordinal < right.Ordinal;

    /// <summary>Later than.</summary>
    public static bool operator >(FiscalQuarter left, FiscalQuarter right) => left.Ordinal > right.Ordinal;

    /// <summary>Not later than.</summary>
    public static bool operator <=(FiscalQuarter left, FiscalQuarter right) => left.Ordinal <= right.Ordinal;

    /// <summary>Not earlier than.</summary>
    public static bool operator >=(FiscalQuarter left, FiscalQuarter right) => left.Ordinal >= right.Ordinal;

    /// <summary>
    /// Reads "令和7年度 第3四半期", "R7年度 第3四半期", "FY2025 Q3" or "2025Q3", with full-width digits accepted.
    /// </summary>
    public static bool TryParse(string? text, out FiscalQuarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = HalfWidth.Of(text).Trim();
        var japanese = JapaneseLabel().Match(normalized);
        if (japanese.Success)
        {
            var eraYear = japanese.Groups["year"].Value == "元" ? 1 : int.Parse(japanese.Groups["year"].Value, CultureInfo.InvariantCulture);
            var fiscalYear = JapaneseEra.ToGregorian(japanese.Groups["era"].Value, eraYear);
            return TryCreate(fiscalYear, int.Parse(japanese.Groups["q"].Value, CultureInfo.InvariantCulture), out quarter);
        }

        var english = EnglishLabel().Match(normalized);
        if (english.Success)
        {
            return TryCreate(int.Parse(english.Groups["year"].Value, CultureInfo.InvariantCulture),
                int.Parse(english.Groups["q"].Value, CultureInfo.InvariantCulture), out quarter);
        }

        return false;
    }

    private static bool TryCreate(int? fiscalYear, int q, out FiscalQuarter quarter)
    {
        quarter = default;
        if (fiscalYear is null or < 1900 or > 2999 || q is < 1 or > 4)
        {
            return false;
        }

        quarter = new FiscalQuarter(fiscalYear.Value, q);
        return true;
    }

    [GeneratedRegex(@"^(?<era>令和|平成|R|H)\s*(?<year>元|\d{1,2})\s*年度\s*第?\s*(?<q>[1-4])\s*四半期$", RegexOptions.IgnoreCase)]
    private static partial Regex JapaneseLabel();

    [GeneratedRegex(@"^(FY)?\s*(?<year>\d{4})\s*[-/ ]?\s*Q(?<q>[1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishLabel();
}
