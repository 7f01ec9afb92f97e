using System.Globalization;

namespace Dashboard.Client.Features.Forms;

/// <summary>
/// The text of a native date input (<c>InputType.Date</c>), which the browser always gives as yyyy-MM-dd whatever the
/// page's language, and which a kept form restores as typed.
/// </summary>
public static class DateInput
{
    private const string Format = "yyyy-MM-dd";

    /// <summary>The date an input holds; null when it is empty or not a date.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The value to put in an input for a date; null (an empty input) for no date.</summary>
    public static string? Text(DateOnly? date) => date?.ToString(Format, CultureInfo.InvariantCulture);
}
