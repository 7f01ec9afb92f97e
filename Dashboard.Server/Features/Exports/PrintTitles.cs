using DocumentFormat.OpenXml.Packaging;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// ClosedXML writes print titles as <c>Sheet!1:1</c>, which LibreOffice ignores; <c>'Sheet'!$1:$1</c> works in both.
/// </summary>
internal static class PrintTitles
{
    public static byte[] FixForLibreOffice(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var names = document.WorkbookPart?.Workbook.DefinedNames?.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>() ?? [];
            foreach (var name in names.Where(n => n.Name?.Value == "_xlnm.Print_Titles"))
            {
                name.Text = string.Join(",", name.Text.Split(',').Select(Absolute));
            }

            document.WorkbookPart?.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string Absolute(string reference)
    {
        var bang = reference.LastIndexOf('!');
        if (bang < 0)
        {
            return reference;
        }

        var sheet = reference[..bang].Trim('\'').Replace("'", "''", StringComparison.Ordinal);
        var rows = string.Join(":", reference[(bang + 1)..].Split(':').Select(p => p.StartsWith('$') ? p : "$" + p));
        return $"'{sheet}'!{rows}";
    }
}
