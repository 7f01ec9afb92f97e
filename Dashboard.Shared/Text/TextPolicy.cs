using System.Text;

namespace Dashboard.Shared.Text;

/// <summary>
/// The one rule for free text people type (PDCA notes, review comments, reasons, names, links), the same in the
/// browser and on the server. Refused: control characters (tab and line breaks allowed in multi-line text only),
/// bidirectional overrides and isolates (U+202A-202E, U+2066-2069: they make a note read differently from what is
/// stored), Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0-FDEF …) and broken surrogate pairs. Kept text is trimmed
/// and normalised to NFC, never NFKC: full-width digits and kana are what people typed.
/// </summary>
public static class TextPolicy
{
    /// <summary>The problem with <paramref name="text"/> (<see cref="Wording"/>: Japanese, or English on an English page), or null when it may be stored.</summary>
    public static string? Problem(string? text, string label, bool multiline)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[++i])))
                {
                    return Unusable(label, $"U+{char.ConvertToUtf32(c, text[i]):X}");
                }

                continue;
            }

            if (char.IsSurrogate(c))
            {
                return Wording.Pick($"{label}に壊れた文字が含まれています。入力し直してください。", $"{label} contains a broken character. Please type it again.");
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return multiline
                    ? Wording.Pick($"{label}に使えない制御文字が含まれています。", $"{label} contains a control character that cannot be stored.")
                    : Wording.Pick($"{label}に改行や制御文字は使えません。", $"{label} cannot contain line breaks or control characters.");
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return Wording.Pick(
                    $"{label}に文字の向きを変える制御文字（U+{(int)c:X4}）が含まれています。",
                    $"{label} contains a character that changes the text direction (U+{(int)c:X4}).");
            }

            if (IsNoncharacter(c))
            {
                return Unusable(label, $"U+{(int)c:X4}");
            }
        }

        return null;
    }

    /// <summary>
    /// The problem with a name (department, person, plan, KPI), or null: the free-text rule, and no leading
    /// = + - @, which a spreadsheet opening a CSV or workbook of ours could run as a formula.
    /// </summary>
    public static string? NameProblem(string? name, string label) =>
        Problem(name, label, multiline: false)
        ?? (name?.TrimStart() is { Length: > 0 } trimmed && trimmed[0] is '=' or '+' or '-' or '@' or '＝' or '＋' or '－' or '＠'
            ? Wording.Pick(
                $"{label}の先頭に = + - @ は使えません（表計算ソフトで数式として扱われるため）。",
                $"{label} cannot start with = + - or @ (a spreadsheet would read it as a formula).")
            : null);

    /// <summary>Trimmed, NFC-normalised text; null when nothing but white space is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    private static string Unusable(string label, string codePoint) =>
        Wording.Pick($"{label}に使えない文字（{codePoint}）が含まれています。", $"{label} contains a character that cannot be stored ({codePoint}).");

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
