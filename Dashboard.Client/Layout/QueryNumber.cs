using System.Globalization;

namespace Dashboard.Client.Layout;

/// <summary>Whole numbers from the address bar, where anything may have been typed.</summary>
public static class QueryNumber
{
    /// <summary>The number, or null when the text is missing or not a whole number.</summary>
    public static int? Of(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
