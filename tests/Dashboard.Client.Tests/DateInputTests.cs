using Dashboard.Client.Features.Forms;

namespace Dashboard.Client.Tests;

/// <summary>
/// Every form's date inputs read and fill through one helper: a native date input's value is yyyy-MM-dd whatever the
/// page's language, and a kept copy comes back the same way.
/// </summary>
public sealed class DateInputTests
{
    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-US")]
    public void ADateRoundTripsThroughTheInputsTextInEitherLanguage(string culture)
    {
        UiCulture.Use(culture);
        var date = new DateOnly(2026, 4, 20);

        Assert.Equal("2026-04-20", DateInput.Text(date));
        Assert.Equal(date, DateInput.Parse(DateInput.Text(date)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-02-30")]
    [InlineData("2026/04/20")]
    [InlineData("令和8年4月20日")]
    public void AnEmptyOrMalformedInputIsNoDate(string? text)
    {
        Assert.Null(DateInput.Parse(text));
        Assert.Null(DateInput.Text(null));
    }
}
