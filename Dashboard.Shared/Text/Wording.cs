using System.Globalization;

namespace Dashboard.Shared.Text;

/// <summary>
/// The language of the messages the rules and the server give people: Japanese, or English when the person chose
/// English (the request's or circuit's UI culture, from the language cookie). Anything else, a background job or a
/// mail included, is Japanese. The two texts of a message sit side by side where the rule is, so neither can be
/// forgotten; the pages' own texts stay in the UiText resources.
/// </summary>
public static class Wording
{
    /// <summary>Whether messages are given in English now.</summary>
    public static bool English => CultureInfo.CurrentUICulture.Name is var name
        && (name == "en" || name.StartsWith("en-", StringComparison.Ordinal));

    /// <summary><paramref name="japanese"/>, or <paramref name="english"/> when <see cref="English"/>.</summary>
    public static string Pick(string japanese, string english) => English ? english : japanese;

    /// <summary>2026年4月15日, or 15 Apr 2026.</summary>
    public static string Date(DateOnly date) => English
        ? date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : JapaneseDate(date);

    /// <summary>2026年4月15日, whatever the language (mails, sheets and the Japanese side of a message).</summary>
    public static string JapaneseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A number as the messages write it: 1,234.5 in both languages.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
