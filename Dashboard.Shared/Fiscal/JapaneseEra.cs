namespace Dashboard.Shared.Fiscal;

/// <summary>
/// Japanese era names for fiscal years. A fiscal year takes the era of its first day (1 April), so FY2019, which
/// began on 1 April 2019 under 平成 but ran almost wholly under 令和, is labelled 令和元年度 as cities do.
/// </summary>
public static class JapaneseEra
{
    private const int ReiwaFirstYear = 2019;
    private const int HeiseiFirstYear = 1989;

    /// <summary>令和7年度 for 2025, 令和元年度 for 2019, 平成30年度 for 2018.</summary>
    public static string FiscalYearLabel(int fiscalYear)
    {
        var (era, year) = fiscalYear >= ReiwaFirstYear
            ? ("令和", fiscalYear - ReiwaFirstYear + 1)
            : ("平成", fiscalYear - HeiseiFirstYear + 1);
        return year == 1 ? $"{era}元年度" : $"{era}{year}年度";
    }

    /// <summary>The Gregorian year of year <paramref name="eraYear"/> of an era (令和/R, 平成/H); null when unknown.</summary>
    public static int? ToGregorian(string era, int eraYear)
    {
        if (eraYear < 1)
        {
            return null;
        }

        return era.ToUpperInvariant() switch
        {
            "令和" or "R" => ReiwaFirstYear + eraYear - 1,
            "平成" or "H" when eraYear <= 31 => HeiseiFirstYear + eraYear - 1,
            _ => null,
        };
    }
}
