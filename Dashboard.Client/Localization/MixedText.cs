using System.Text.RegularExpressions;
using Dashboard.Client.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Client.Localization;

/// <summary>
/// A sentence of the page's language with the plan's Japanese words in it ("Initiative 1: 行政手続のオンライン化"): in
/// English, each argument written in Japanese script is wrapped in <c>&lt;span lang="ja"&gt;</c> (JIS X 8341-3 3.1.2),
/// so a screen reader switches voice for the name and back for the rest.
/// </summary>
public static partial class MixedText
{
    /// <summary>The localized format <paramref name="key"/> with <paramref name="args"/>, Japanese arguments marked.</summary>
    public static RenderFragment Mixed(this IStringLocalizer<UiText> t, string key, params object?[] args) => Format(t[key].Value, args);

    /// <summary><paramref name="format"/> ({0}, {1} …) with <paramref name="args"/>, Japanese arguments marked in English.</summary>
    public static RenderFragment Format(string format, params object?[] args) => builder =>
    {
        var position = 0;
        foreach (Match hole in Hole().Matches(format))
        {
            builder.AddContent(0, format[position..hole.Index]);
            var text = args[int.Parse(hole.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]?.ToString() ?? "";
            if (UiPreferences.IsEnglish && IsJapanese(text))
            {
                builder.OpenElement(1, "span");
                builder.AddAttribute(2, "lang", "ja");
                builder.AddContent(3, text);
                builder.CloseElement();
            }
            else
            {
                builder.AddContent(4, text);
            }

            position = hole.Index + hole.Length;
        }

        builder.AddContent(5, format[position..]);
    };

    /// <summary>Whether <paramref name="text"/> holds kana, kanji or full-width forms.</summary>
    public static bool IsJapanese(string text) => Japanese().IsMatch(text);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")]
    private static partial Regex Japanese();
}
