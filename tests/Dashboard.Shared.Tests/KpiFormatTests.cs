using Dashboard.Shared.Kpis;

namespace Dashboard.Shared.Tests;

public class KpiFormatTests
{
    [Theory]
    [InlineData(20000.0, "人", "20,000人")]
    [InlineData(85.0, "%", "85.0%")]
    [InlineData(84.15, "%", "84.2%")]
    [InlineData(12.5, "件", "12.5件")]
    [InlineData(200.0, "手続", "200手続")]
    [InlineData(null, "人", "—")]
    public void ValuesAreFormattedForPeople(double? value, string unit, string expected) =>
        Assert.Equal(expected, KpiFormat.Value((decimal?)value, unit));

    [Theory]
    [InlineData(185.04, "手続", "185手続")]
    [InlineData(177.48, "手続", "177.5手続")]
    [InlineData(19333.33, "人", "19,333.3人")]
    [InlineData(83.25, "%", "83.3%")]
    [InlineData(null, "手続", "—")]
    public void ExpectedValuesAreShownToOneDecimal(double? value, string unit, string expected) =>
        Assert.Equal(expected, KpiFormat.Expected((decimal?)value, unit));

    [Theory]
    [InlineData(0.85, "85.0%")]
    [InlineData(1.2, "120.0%")]
    [InlineData(-0.2, "-20.0%")]
    public void SharesAreFormattedAsPercentages(double share, string expected) =>
        Assert.Equal(expected, KpiFormat.Percent((decimal)share));

    [Fact]
    public void EveryKindHasAJapaneseName() =>
        Assert.All(Enum.GetValues<KpiKind>(), k => Assert.NotEqual(k.ToString(), k.Japanese()));
}
