using System.Globalization;
using Dashboard.Shared.Fiscal;

namespace Dashboard.Shared.Tests;

public class FiscalQuarterTests
{
    [Theory]
    [InlineData("2025-04-01", 2025, 1)]
    [InlineData("2025-06-30", 2025, 1)]
    [InlineData("2025-07-01", 2025, 2)]
    [InlineData("2025-09-30", 2025, 2)]
    [InlineData("2025-10-01", 2025, 3)]
    [InlineData("2025-12-31", 2025, 3)]
    [InlineData("2026-01-01", 2025, 4)]
    [InlineData("2026-03-31", 2025, 4)] // last day of FY2025
    [InlineData("2026-04-01", 2026, 1)] // first day of FY2026: the March/April boundary
    [InlineData("2024-02-29", 2023, 4)] // leap day belongs to the previous fiscal year
    public void DateFallsInTheRightFiscalQuarter(string date, int fiscalYear, int quarter) =>
        Assert.Equal(new FiscalQuarter(fiscalYear, quarter), FiscalQuarter.FromDate(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2025, 1, "2025-04-01", "2025-06-30")]
    [InlineData(2025, 3, "2025-10-01", "2025-12-31")]
    [InlineData(2025, 4, "2026-01-01", "2026-03-31")]
    [InlineData(2023, 4, "2024-01-01", "2024-03-31")]
    public void QuarterHasItsFirstAndLastDay(int fiscalYear, int quarter, string start, string end)
    {
        var q = new FiscalQuarter(fiscalYear, quarter);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), q.StartDate);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), q.EndDate);
        Assert.Equal(q, FiscalQuarter.FromDate(q.StartDate));
        Assert.Equal(q, FiscalQuarter.FromDate(q.EndDate));
    }

    [Theory]
    [InlineData(2025, 3, "令和7年度 第3四半期", "FY2025 Q3")]
    [InlineData(2019, 1, "令和元年度 第1四半期", "FY2019 Q1")]
    [InlineData(2018, 4, "平成30年度 第4四半期", "FY2018 Q4")]
    [InlineData(2022, 2, "令和4年度 第2四半期", "FY2022 Q2")]
    public void LabelsReadInJapaneseAndEnglish(int fiscalYear, int quarter, string japanese, string english)
    {
        var q = new FiscalQuarter(fiscalYear, quarter);
        Assert.Equal(japanese, q.ToJapaneseLabel());
        Assert.Equal(english, q.ToEnglishLabel());
    }

    [Theory]
    [InlineData("令和7年度 第3四半期", 2025, 3)]
    [InlineData("令和７年度　第３四半期", 2025, 3)] // full-width digits and space, as typed with an IME
    [InlineData("令和元年度 第1四半期", 2019, 1)]
    [InlineData("平成30年度 第4四半期", 2018, 4)]
    [InlineData("R7 年度 3四半期", 2025, 3)]
    [InlineData("FY2025 Q3", 2025, 3)]
    [InlineData("fy2025q3", 2025, 3)]
    [InlineData("2025 Q1", 2025, 1)]
    public void LabelsParseBackToTheQuarter(string text, int fiscalYear, int quarter)
    {
        Assert.True(FiscalQuarter.TryParse(text, out var q));
        Assert.Equal(new FiscalQuarter(fiscalYear, quarter), q);
    }

    [Theory]
    [InlineData("")]
    [InlineData("令和7年度 第5四半期")]
    [InlineData("平成32年度 第1四半期")] // 平成 ended in its 31st year
    [InlineData("FY2025 Q0")]
    [InlineData("2025-10-01")]
    [InlineData(null)]
    public void NonsenseDoesNotParse(string? text) => Assert.False(FiscalQuarter.TryParse(text, out _));

    [Fact]
    public void EveryLabelRoundTrips()
    {
        for (var q = new FiscalQuarter(2018, 1); q <= new FiscalQuarter(2030, 4); q = q.Next())
        {
            Assert.True(FiscalQuarter.TryParse(q.ToJapaneseLabel(), out var fromJapanese));
            Assert.True(FiscalQuarter.TryParse(q.ToEnglishLabel(), out var fromEnglish));
            Assert.Equal(q, fromJapanese);
            Assert.Equal(q, fromEnglish);
        }
    }

    [Fact]
    public void NextAndPreviousCrossTheFiscalYear()
    {
        Assert.Equal(new FiscalQuarter(2026, 1), new FiscalQuarter(2025, 4).Next());
        Assert.Equal(new FiscalQuarter(2025, 4), new FiscalQuarter(2026, 1).Previous());
        Assert.True(new FiscalQuarter(2025, 4) < new FiscalQuarter(2026, 1));
    }

    [Theory]
    [InlineData("2026-11-27", 2026, 2)] // in October-December the reporting quarter is July-September
    [InlineData("2026-04-15", 2025, 4)] // in April the reporting quarter is January-March of the last fiscal year
    [InlineData("2026-07-01", 2026, 1)]
    public void ReportingQuarterIsTheOneJustEnded(string today, int fiscalYear, int quarter) =>
        Assert.Equal(new FiscalQuarter(fiscalYear, quarter), FiscalQuarter.LastEndedOn(DateOnly.Parse(today, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2025, 0)]
    [InlineData(2025, 5)]
    public void QuarterOutsideOneToFourIsRefused(int fiscalYear, int quarter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalQuarter(fiscalYear, quarter));
}
