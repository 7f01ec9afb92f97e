using System.Globalization;
using System.Text;
using Dashboard.Shared.Figures;

namespace Dashboard.Server.Features.Figures;

/// <summary>One row of a figures CSV: where it is in the file, and its four fields as written.</summary>
public sealed record FigureCsvRow(int Line, string KpiCode, int FiscalYear, int Quarter, string Value);

/// <summary>
/// Reads a figures CSV (issue 25): KPI code, fiscal year, quarter, value; a header line is allowed. UTF-8 with or
/// without a BOM, and Shift_JIS (CP932) as many city systems export, are read; anything else is refused, as is a
/// value that would start a formula. Errors are keyed by cell as Excel names it (<c>CSV!D3</c>: column D, line 3).
/// </summary>
public static class FiguresCsv
{
    static FiguresCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string Sheet = "CSV";

    /// <summary>The text and the encoding it was read as, or the problem.</summary>
    public static (string? Text, string Encoding, string? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (null, "", "UTF-16 のファイルは読めません。UTF-8 か Shift_JIS で保存してください。");
        }

        if (bytes.Contains((byte)0))
        {
            return (null, "", "文字コードが UTF-8 でも Shift_JIS でもありません（NUL 文字を含むファイルです）。CSV として保存し直してください。");
        }

        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        try
        {
            return (Checked(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bom ? bytes[3..] : bytes)), "UTF-8", null);
        }
        catch (DecoderFallbackException) when (!bom)
        {
            // Not UTF-8: Shift_JIS next.
        }
        catch (DecoderFallbackException)
        {
            return (null, "", "UTF-8 の印（BOM）がありますが、UTF-8 として読めない部分があります。");
        }

        try
        {
            var shiftJis = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return (Checked(shiftJis.GetString(bytes)), "Shift_JIS", null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "", "文字コードが UTF-8 でも Shift_JIS でもありません。UTF-8 か Shift_JIS（CP932）で保存してください。");
        }
    }

    /// <summary>Control characters other than tabs and line ends mean the bytes were not text in that encoding.</summary>
    private static string Checked(string text) =>
        text.Any(c => (char.IsControl(c) && c is not ('\r' or '\n' or '\t')) || c == '\uFFFD')
            ? throw new DecoderFallbackException("control characters")
            : text;

    /// <summary>Whether a cell would be read as a formula by a spreadsheet (a leading - is allowed on a number).</summary>
    public static bool LooksLikeFormula(string? value) =>
        value is { Length: > 0 } v
        && (v[0] is '=' or '+' or '@' or '\t' or '\r' or '＝' or '＋' or '＠'
            || (v[0] is '-' or '－' && !decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _)));

    /// <summary>The rows, or every problem found with the cell it is in.</summary>
    public static (List<FigureCsvRow> Rows, Dictionary<string, string[]> Errors) Parse(string text)
    {
        var rows = new List<FigureCsvRow>();
        var errors = new Dictionary<string, string[]>();
        var lines = Records(text).ToList();
        if (lines.Count > FiguresApi.MaxRows + 1)
        {
            errors[Sheet] = [$"行が多すぎます（{FiguresApi.MaxRows} 行まで）。分けて送ってください。"];
            return (rows, errors);
        }

        var seen = new Dictionary<(string, int, int), int>();
        foreach (var (line, fields) in lines)
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // A header is a first line whose year is not a number (kpi_code,fiscal_year,quarter,value / 指標コード,年度,...).
            if (rows.Count == 0 && errors.Count == 0 && line == lines[0].Line && fields.Count >= 2 && !int.TryParse(fields[1].Trim(), out _))
            {
                continue;
            }

            if (fields.Count != 4)
            {
                errors[$"{Sheet}!A{line}"] = [$"{line} 行目: 列が {fields.Count} 個あります。指標コード, 年度, 四半期, 値 の4列にしてください。"];
                continue;
            }

            var code = fields[0].Trim();
            var cellErrors = 0;
            void Error(char column, string message)
            {
                errors[$"{Sheet}!{column}{line}"] = [$"{line} 行目 {column} 列: {message}"];
                cellErrors++;
            }

            foreach (var (field, column) in fields.Select((f, i) => (f.Trim(), (char)('A' + i))))
            {
                if (LooksLikeFormula(field))
                {
                    Error(column, "数式のような値（=, +, @ で始まる）は受け付けません。");
                }
            }

            if (cellErrors > 0)
            {
                continue;
            }

            if (code.Length == 0)
            {
                Error('A', "指標コードがありません。");
            }

            if (!int.TryParse(fields[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            {
                Error('B', "年度は西暦の4桁で書いてください（例: 2026 = 令和8年度）。");
            }

            if (!int.TryParse(fields[2].Trim().TrimStart('Q', 'q'), NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
            {
                Error('C', "四半期は 1～4 で書いてください（1 = 4～6月）。");
            }

            var value = fields[3].Trim();
            if (value.Length == 0)
            {
                Error('D', "値がありません。");
            }

            if (cellErrors > 0)
            {
                continue;
            }

            if (seen.TryGetValue((code, year, quarter), out var first))
            {
                Error('A', $"{first} 行目と同じ指標・四半期です。");
                continue;
            }

            seen[(code, year, quarter)] = line;
            rows.Add(new FigureCsvRow(line, code, year, quarter, value));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors[Sheet] = ["送る行がありません（指標コード, 年度, 四半期, 値）。"];
        }

        return (rows, errors);
    }

    /// <summary>RFC 4180 records with their starting line numbers: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (start, fields);
                    fields = [];
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
