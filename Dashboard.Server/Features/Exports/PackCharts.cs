using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// Native Excel charts added after ClosedXML has saved (ClosedXML 0.95 cannot write charts): on each 評価シート,
/// a clustered column chart of the expected value against the approved actual by quarter, for one KPI, from the
/// columns and rows the request names. The series refer to the sheet's cells, so the chart follows any correction made in Excel.
/// </summary>
internal static class PackCharts
{
    /// <summary>Where to chart: sheet name and the first and last rows of the KPI's quarters.</summary>
    public sealed record ChartRequest(string Sheet, string Title, int FirstRow, int LastRow)
    {
        /// <summary>Column of the category labels (quarters).</summary>
        public string Categories { get; init; } = "C";

        /// <summary>Column of the expected values.</summary>
        public string Expected { get; init; } = "E";

        /// <summary>Column of the approved actuals.</summary>
        public string Actual { get; init; } = "F";

        /// <summary>Row holding the series names.</summary>
        public int NameRow { get; init; } = 1;

        /// <summary>Zero-based cells the chart spans: from column and row to column and row.</summary>
        public (int FromColumn, int FromRow, int ToColumn, int ToRow) Anchor { get; init; } = (14, 1, 22, 20);
    }

    public static byte[] Add(byte[] workbook, IReadOnlyList<ChartRequest> charts)
    {
        if (charts.Count == 0)
        {
            return workbook;
        }

        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var book = document.WorkbookPart!;
            foreach (var chart in charts)
            {
                var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == chart.Sheet);
                AddChart((WorksheetPart)book.GetPartById(sheet.Id!), chart);
            }
        }

        return stream.ToArray();
    }

    private static void AddChart(WorksheetPart worksheetPart, ChartRequest request)
    {
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
        var chartPart = drawingsPart.AddNewPart<ChartPart>();
        var quoted = $"'{request.Sheet.Replace("'", "''", StringComparison.Ordinal)}'";
        var categories = $"{quoted}!${request.Categories}${request.FirstRow}:${request.Categories}${request.LastRow}";
        string Column(string column) => $"{quoted}!${column}${request.FirstRow}:${column}${request.LastRow}";

        chartPart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "ja-JP" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                Title(request.Title),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    new C.BarChart(
                        new C.BarDirection { Val = C.BarDirectionValues.Column },
                        new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                        new C.VaryColors { Val = false },
                        Series(0, $"{quoted}!${request.Expected}${request.NameRow}", categories, Column(request.Expected), "9DC3E6"),
                        Series(1, $"{quoted}!${request.Actual}${request.NameRow}", categories, Column(request.Actual), "1A5FA8"),
                        new C.GapWidth { Val = 80 },
                        new C.AxisId { Val = 1001U },
                        new C.AxisId { Val = 1002U }),
                    new C.CategoryAxis(
                        new C.AxisId { Val = 1001U },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 1002U },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = (UInt16Value)100U },
                        new C.NoMultiLevelLabels { Val = false }),
                    new C.ValueAxis(
                        new C.AxisId { Val = 1002U },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorGridlines(),
                        new C.NumberingFormat { FormatCode = "#,##0", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 1001U },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));

        drawingsPart.WorksheetDrawing = new Xdr.WorksheetDrawing(
            new Xdr.TwoCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId(Invariant(request.Anchor.FromColumn)), new Xdr.ColumnOffset("0"), new Xdr.RowId(Invariant(request.Anchor.FromRow)), new Xdr.RowOffset("0")),
                new Xdr.ToMarker(new Xdr.ColumnId(Invariant(request.Anchor.ToColumn)), new Xdr.ColumnOffset("0"), new Xdr.RowId(Invariant(request.Anchor.ToRow)), new Xdr.RowOffset("0")),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = 2U, Name = "実績と見込み" },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawingsPart.GetIdOfPart(chartPart) })
                    {
                        Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                    })) { Macro = "" },
                new Xdr.ClientData()));

        // <drawing> goes after the page setup elements and before any table parts or extensions.
        var worksheet = worksheetPart.Worksheet;
        var drawing = new Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
        var after = worksheet.Elements<HeaderFooter>().Cast<OpenXmlElement>()
            .Concat(worksheet.Elements<PageSetup>()).Concat(worksheet.Elements<PageMargins>()).Concat(worksheet.Elements<PrintOptions>())
            .FirstOrDefault();
        if (after is not null)
        {
            worksheet.InsertAfter(drawing, worksheet.Elements<HeaderFooter>().FirstOrDefault() ?? worksheet.Elements<PageSetup>().FirstOrDefault() ?? after);
        }
        else
        {
            worksheet.Append(drawing);
        }

        worksheet.Save();
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static C.BarChartSeries Series(uint index, string name, string categories, string values, string colour) => new(
        new C.Index { Val = index },
        new C.Order { Val = index },
        new C.SeriesText(new C.StringReference(new C.Formula(name))),
        new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = colour })),
        new C.InvertIfNegative { Val = false },
        new C.CategoryAxisData(new C.StringReference(new C.Formula(categories))),
        new C.Values(new C.NumberReference(new C.Formula(values))));

    private static C.Title Title(string text) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(new A.Run(new A.RunProperties { Language = "ja-JP", FontSize = 1200, Bold = false }, new A.Text(text))))),
        new C.Overlay { Val = false });
}
