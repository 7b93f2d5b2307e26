using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>
/// Writing an .xlsx package with DocumentFormat.OpenXml, the same bytes for the same content: cells (values, formulas
/// with their cached results, a few styles) collected per sheet by reference, fixed relationship ids, document and zip
/// entry dates set to one day. <see cref="FinanceWorkbook"/> lays the plan out on it.
/// </summary>
public static class Xlsx
{
    /// <summary>The package of <paramref name="sheets"/> in order, titled <paramref name="title"/> and dated <paramref name="asOf"/>.</summary>
    internal static byte[] Package(IReadOnlyList<(string Name, SheetBuilder Sheet)> sheets, string title, DateOnly asOf)
    {
        using var raw = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(raw, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var core = document.AddNewPart<CoreFilePropertiesPart>("application/vnd.openxmlformats-package.core-properties+xml", "rId2");
            using (var writer = new StreamWriter(core.GetStream(FileMode.Create)))
            {
                var stamp = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
                writer.Write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    + "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                    + $"<dc:title>{System.Security.SecurityElement.Escape(title)}</dc:title><dc:creator>CapacityAnalytics</dc:creator>"
                    + $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>"
                    + "</cp:coreProperties>");
            }
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rId100");
            styles.Stylesheet = Stylesheet();
            var sheetList = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>("rId" + (i + 1).ToString(CultureInfo.InvariantCulture));
                part.Worksheet = sheets[i].Sheet.Build();
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheets[i].Name });
            }
            workbookPart.Workbook.Append(sheetList);
            // Excel recalculates on opening; the cached values are the product's figures until then.
            workbookPart.Workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        }
        return Normalized(raw.ToArray(), asOf);
    }

    /// <summary>The package again with every zip entry dated the as-of day (the packaging library stamps the clock).</summary>
    private static byte[] Normalized(byte[] package, DateOnly asOf)
    {
        var stamp = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    /// <summary>A spreadsheet date serial (days since 1899-12-30).</summary>
    public static double Serial(DateOnly day) => day.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>Column letters of a 0-based index (A..Z, AA..).</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    internal enum Style : uint
    {
        General = 0,
        Bold = 1,
        Date = 2,
        Decimal = 3,
        Money = 4,
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 5 });

    internal sealed record Entry(string? Formula, object? Value, Style Style);

    internal static Entry Text(string value, Style style = Style.General) => new(null, value, style);

    internal static Entry Number(double value, Style style = Style.General) => new(null, value, style);

    internal static Entry Date(DateOnly day) => new(null, Serial(day), Style.Date);

    /// <summary>A formula with its cached value: a number, a text, a date, or null for an empty result ("").</summary>
    internal static Entry Formula(string formula, object? cached, Style style = Style.General) => new(formula, cached switch
    {
        DateOnly d => Serial(d),
        int i => (double)i,
        _ => cached,
    }, style);

    /// <summary>The cells of one sheet by reference, written in row and column order.</summary>
    internal sealed class SheetBuilder(double[] widths)
    {
        private readonly SortedDictionary<(int Row, int Column), Entry> cells = [];

        public SheetBuilder Set(string reference, Entry entry)
        {
            var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
            var row = int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture);
            var column = letters.Aggregate(0, (n, ch) => (n * 26) + (ch - 'A' + 1)) - 1;
            cells[(row, column)] = entry;
            return this;
        }

        public Worksheet Build()
        {
            var data = new SheetData();
            foreach (var group in cells.GroupBy(c => c.Key.Row))
            {
                var row = new Row { RowIndex = (uint)group.Key };
                foreach (var ((r, c), entry) in group) row.Append(Cell(Column(c) + r.ToString(CultureInfo.InvariantCulture), entry));
                data.Append(row);
            }
            var columns = new Columns(widths.Select((w, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = w,
                CustomWidth = true,
            }));
            return new Worksheet(columns, data);
        }

        private static Cell Cell(string reference, Entry entry)
        {
            var cell = new Cell { CellReference = reference };
            if (entry.Style != Style.General) cell.StyleIndex = (uint)entry.Style;
            if (entry.Formula is { } formula) cell.CellFormula = new CellFormula(formula);
            switch (entry.Value)
            {
                case double d when double.IsFinite(d):
                    cell.CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case string text when entry.Formula is null:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text));
                    break;
                case string text:
                    cell.DataType = CellValues.String;
                    cell.CellValue = new CellValue(text);
                    break;
                case null when entry.Formula is not null:
                    // An empty result ("") cached as an empty string.
                    cell.DataType = CellValues.String;
                    cell.CellValue = new CellValue("");
                    break;
            }
            return cell;
        }
    }
}
