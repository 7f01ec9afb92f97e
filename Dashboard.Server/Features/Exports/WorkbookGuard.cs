using Dashboard.Shared.Text;
using System.Diagnostics;
using System.IO.Compression;
using System.Xml;

namespace Dashboard.Server.Features.Exports;

/// <summary>
/// Looks inside an uploaded .xlsx before ClosedXML opens it, because ClosedXML inflates and loads everything: a
/// 0.27 MB zip of four million cells kept the server busy for minutes and took a gigabyte. The package is streamed
/// part by part, counting what it really inflates to (declared sizes can lie), the sheets it names and the cells of
/// every worksheet, and refused past limits no department's template comes near, or when it takes too long.
/// </summary>
internal static class WorkbookGuard
{
    /// <summary>A template of 500 KPIs with every note at its 2,000-character limit inflates to about 10 MB.</summary>
    public const long MaxUncompressedBytes = 24L * 1024 * 1024;
    public const int MaxParts = 64;
    public const int MaxSheets = 8;
    public const int MaxRows = 1_000;
    public const int MaxCellsPerSheet = 12_000;

    /// <summary>
    /// XML nodes in one worksheet: a template's cell is a handful of nodes, so 12,000 cells stay far below; a cell
    /// stuffed with tens of thousands of child nodes (the second review's slow upload) is refused on the count.
    /// </summary>
    public const int MaxNodesPerSheet = 120_000;
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static string TooBig => Wording.Pick(
        "ファイルの中身が入力用ファイルとしては大きすぎます（行・セル・シートが多すぎます）。ダウンロードした入力用ファイルに入力してください。",
        "The file holds too much for an entry file (too many rows, cells or sheets). Please fill in the entry file you downloaded.");

    /// <summary>
    /// Null when the package may be opened; otherwise the message for the person. <paramref name="errorCells"/> gets
    /// the cells of the first worksheet that hold an error value (#DIV/0! …), which ClosedXML reads as empty.
    /// </summary>
    public static string? Check(byte[] bytes, out IReadOnlyList<(string Cell, string Value)> errorCells)
    {
        var errors = new List<(string Cell, string Value)>();
        errorCells = errors;
        var clock = Stopwatch.StartNew();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts)
            {
                return TooBig;
            }

            long total = 0;
            foreach (var part in zip.Entries)
            {
                if (part.Length > MaxUncompressedBytes || (total += part.Length) > MaxUncompressedBytes)
                {
                    return TooBig;
                }

                var name = part.FullName;
                var refusal = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                    ? Scan(part, clock, countCells: true, name.EndsWith("/sheet1.xml", StringComparison.OrdinalIgnoreCase) ? errors : null)
                    : name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)
                        ? Scan(part, clock, countCells: false, null)
                        : Drain(part, clock);
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return EntryTemplate.NotAWorkbook;
        }
    }

    private static string? OverBudget(Stopwatch clock) =>
        clock.Elapsed > Budget ? Wording.Pick(
            "ファイルの確認に時間がかかりすぎるため中止しました。ダウンロードした入力用ファイルに入力してください。",
            "Checking the file took too long, so it was stopped. Please fill in the entry file you downloaded.") : null;

    /// <summary>Inflates a part without keeping it, to prove its real size.</summary>
    private static string? Drain(ZipArchiveEntry part, Stopwatch clock)
    {
        using var stream = new LimitedStream(part.Open(), part.Length);
        var buffer = new byte[81920];
        while (stream.Read(buffer) > 0)
        {
            if (OverBudget(clock) is { } slow)
            {
                return slow;
            }
        }

        return stream.Exceeded ? TooBig : null;
    }

    /// <summary>
    /// Streams a worksheet counting rows, cells and nodes, or the workbook counting sheets. Every node read counts
    /// toward the budget check, and an error cell's text is kept to its first 20 characters, so the work is linear in
    /// the part's size whatever the cells hold.
    /// </summary>
    private static string? Scan(ZipArchiveEntry part, Stopwatch clock, bool countCells, List<(string Cell, string Value)>? errorCells)
    {
        using var stream = new LimitedStream(part.Open(), part.Length);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        int rows = 0, cells = 0, sheets = 0, nodes = 0;
        string? errorCell = null;
        var errorText = new System.Text.StringBuilder(20);
        var errorDepth = -1;
        while (reader.Read())
        {
            if (++nodes > MaxNodesPerSheet || stream.Exceeded)
            {
                return TooBig;
            }

            if ((nodes & 0x3FF) == 0 && OverBudget(clock) is { } slow)
            {
                return slow;
            }

            if (errorCell is not null)
            {
                if (reader.Depth <= errorDepth)
                {
                    errorCells!.Add((errorCell, errorText.ToString()));
                    errorCell = null;
                }
                else
                {
                    if (reader.NodeType == XmlNodeType.Text && errorText.Length < 20)
                    {
                        var value = reader.Value;
                        errorText.Append(value, 0, Math.Min(value.Length, 20 - errorText.Length));
                    }

                    continue;
                }
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "sheet" when !countCells:
                    sheets++;
                    break;
                case "dimension" when countCells && reader.GetAttribute("ref") is { } range && !Within(range):
                    return TooBig;
                case "row" when countCells:
                    rows++;
                    break;
                case "c" when countCells:
                    cells++;
                    if (errorCells is not null && reader.GetAttribute("t") == "e")
                    {
                        var cell = reader.GetAttribute("r") ?? "";
                        if (reader.IsEmptyElement)
                        {
                            errorCells.Add((cell, ""));
                        }
                        else
                        {
                            (errorCell, errorDepth) = (cell, reader.Depth);
                            errorText.Clear();
                        }
                    }

                    break;
            }

            if (rows > MaxRows || cells > MaxCellsPerSheet || sheets > MaxSheets)
            {
                return TooBig;
            }
        }

        return stream.Exceeded ? TooBig : null;
    }

    /// <summary>Whether a used range such as A1:J30 stays inside the rows and columns a template can have.</summary>
    private static bool Within(string range)
    {
        var last = range.Split(':')[^1];
        var digits = last.AsSpan().IndexOfAnyInRange('0', '9');
        if (digits <= 0 || !int.TryParse(last.AsSpan(digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row))
        {
            return true;
        }

        return row <= MaxRows && digits <= 2;
    }

    /// <summary>Reads at most the declared length (plus one byte to notice more), whatever the deflate stream holds.</summary>
    private sealed class LimitedStream(Stream inner, long declared) : Stream
    {
        private readonly long _limit = Math.Min(declared, MaxUncompressedBytes) + 1;
        private long _read;

        public bool Exceeded => _read > Math.Min(declared, MaxUncompressedBytes);

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= _limit)
            {
                return 0;
            }

            var n = inner.Read(buffer, offset, (int)Math.Min(count, _limit - _read));
            _read += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
