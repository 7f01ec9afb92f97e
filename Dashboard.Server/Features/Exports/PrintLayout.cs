using ClosedXML.Excel;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// Row heights for wrapped text and full-size printing. ClosedXML writes no height for wrapped rows and neither Excel
/// nor LibreOffice fits them on open, so a printed note would show one line: the height is estimated from the text's
/// width in the column (a full-width character counts two digit widths) with a margin for the substituted font.
/// </summary>
internal static class PrintLayout
{
    /// <summary>Points per line of 10 pt text (Noto Sans CJK, LibreOffice's stand-in for Meiryo UI, is 1.45 em tall).</summary>
    private const double LineHeight = 15.0;

    /// <summary>Width of <paramref name="text"/> in digit widths (a column width unit): full-width characters count two.</summary>
    public static double DisplayWidth(string text)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            width += c >= '\u2E80' && c is not (>= '\uFF61' and <= '\uFF9F') ? 2.0 : c is >= 'A' and <= 'Z' or 'm' or 'w' or 'M' or 'W' ? 1.3 : 1.05;
        }

        return width;
    }

    /// <summary>Lines <paramref name="text"/> takes in a column <paramref name="width"/> digit widths wide, wrapped.</summary>
    public static int Lines(string? text, double width, double fontSize = 10)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        var usable = Math.Max(1, (width - 1.5) * 10 / fontSize);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Sum(line => Math.Max(1, (int)Math.Ceiling(DisplayWidth(line) / usable)));
    }

    /// <summary>Points a row needs for <paramref name="lines"/> lines of <paramref name="fontSize"/> pt text.</summary>
    public static double Height(int lines, double fontSize = 10) => Math.Min(409, (lines * LineHeight * fontSize / 10) + 4);

    /// <summary>Sets row <paramref name="row"/>'s height to fit the wrapped text of the given cells (column, width in digit widths).</summary>
    public static void FitRow(IXLWorksheet sheet, int row, params (int Column, double Width)[] cells)
    {
        var lines = cells.Max(c => Lines(sheet.Cell(row, c.Column).GetString(), c.Width, sheet.Cell(row, c.Column).Style.Font.FontSize));
        var font = cells.Max(c => sheet.Cell(row, c.Column).Style.Font.FontSize);
        sheet.Row(row).Height = Math.Max(Height(lines, font), Height(1, font));
    }

    /// <summary>Width of columns <paramref name="first"/>..<paramref name="last"/> in digit widths (for merged cells).</summary>
    public static double Width(IXLWorksheet sheet, int first, int last) =>
        Enumerable.Range(first, last - first + 1).Sum(c => sheet.Column(c).Width);

    /// <summary>
    /// Full size (100%) A4 landscape, continuing across and down pages with the header row and the
    /// <paramref name="repeatColumns"/> (code and name) repeated: readable on paper rather than squeezed to one page wide.
    /// </summary>
    public static void AcrossPages(IXLWorksheet sheet, (int First, int Last) repeatColumns)
    {
        sheet.PageSetup.Scale = 100;
        sheet.PageSetup.PagesWide = 0;
        sheet.PageSetup.PagesTall = 0;
        sheet.PageSetup.PageOrder = XLPageOrderValues.DownThenOver;
        sheet.PageSetup.SetColumnsToRepeatAtLeft(repeatColumns.First, repeatColumns.Last);
    }
}
