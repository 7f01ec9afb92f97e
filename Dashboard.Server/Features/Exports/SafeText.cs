using ClosedXML.Excel;

namespace Dashboard.Server.Features.Exports;

internal static class SafeText
{
    /// <summary>
    /// Writes text from users as text, never as a formula: ClosedXML 0.95 turns a string starting with '=' into a
    /// formula, and Excel would also evaluate + - @ at the start when the cell is edited. The cell is typed Text and
    /// the value set without interpretation.
    /// </summary>
    public static IXLCell SetText(this IXLCell cell, string? text)
    {
        cell.SetDataType(XLDataType.Text);
        cell.SetValue(text ?? "");
        if (cell.HasFormula)
        {
            cell.FormulaA1 = "";
            cell.SetValue(text ?? "");
        }

        cell.SetDataType(XLDataType.Text);

        // The quote prefix keeps it text when someone presses F2 and Enter in Excel.
        cell.Style.IncludeQuotePrefix = text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        return cell;
    }
}
