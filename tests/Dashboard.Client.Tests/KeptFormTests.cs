using Dashboard.Client.Features.Forms;
using Dashboard.Shared.Kpis;

namespace Dashboard.Client.Tests;

/// <summary>A copy in the browser can be changed by anyone at the keyboard: its choices are taken only as the form wrote them.</summary>
public sealed class KeptFormTests
{
    private static readonly KeptForm Kept = new("", new Dictionary<string, string>
    {
        ["year"] = "2026", ["empty"] = "", ["signed"] = "-1", ["kind"] = "Stock", ["kind-number"] = "99", ["kind-zero"] = "0",
    });

    [Theory]
    [InlineData("year", 2026)]
    [InlineData("empty", null)]
    [InlineData("signed", null)]
    [InlineData("kind", null)]
    [InlineData("missing", null)]
    public void NumbersAreWholeAndUnsigned(string name, int? expected) => Assert.Equal(expected, Kept.Number(name));

    [Theory]
    [InlineData("kind", KpiKind.Stock)]
    [InlineData("kind-number", null)]
    [InlineData("kind-zero", null)]
    [InlineData("empty", null)]
    [InlineData("missing", null)]
    public void ChoicesAreTheEnumsOwnNames(string name, KpiKind? expected) => Assert.Equal(expected, Kept.Named<KpiKind>(name));
}
