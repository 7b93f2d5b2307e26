using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityAnalytics.Pipeline.Tests.Planning;

/// <summary>A cell as a workbook stores it: its formula (null for a value) and its value, a number or a text.</summary>
public sealed record WorkbookCell(string? Formula, object Value)
{
    public double Number => Value is double d ? d : throw new InvalidOperationException($"Not a number: '{Value}' (formula {Formula}).");

    public string Text => Value as string ?? throw new InvalidOperationException($"Not a text: {Value} (formula {Formula}).");
}

/// <summary>Reads every cell of an .xlsx by sheet and reference (shared strings resolved), for the workbook tests.</summary>
public static class WorkbookCells
{
    public static Dictionary<(string Sheet, string Cell), WorkbookCell> Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = new Dictionary<(string, string), WorkbookCell>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
                object value = cell.DataType?.Value switch
                {
                    var t when t == CellValues.SharedString => shared[int.Parse(raw, CultureInfo.InvariantCulture)],
                    var t when t == CellValues.String || t == CellValues.InlineString => raw,
                    var t when t == CellValues.Error => "#ERROR " + raw,
                    var t when t == CellValues.Boolean => raw == "1" ? 1.0 : 0.0,
                    _ => raw.Length == 0 ? "" : double.Parse(raw, CultureInfo.InvariantCulture),
                };
                cells[(sheet.Name!.Value!, cell.CellReference!.Value!)] = new WorkbookCell(cell.CellFormula?.Text, value);
            }
        }
        return cells;
    }

    /// <summary>The same file with one number changed (no formula recalculated): an analyst editing an assumption.</summary>
    public static byte[] WithNumber(byte[] xlsx, string sheetName, string reference, double value)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var cell = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
            cell.CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture));
        }
        return stream.ToArray();
    }
}
