using CapacityAnalytics.Pipeline.Targets.Measures;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>One <c>tables/&lt;Table&gt;.tmdl</c>: measures of its home table, columns, and the M partition over Parquet.</summary>
public static class TmdlTableWriter
{
    public const string FolderParameter = "ParquetFolder";

    public static string Write(SemanticTable table, IEnumerable<Measure> measures, char separator)
    {
        var tmdl = new TmdlBuilder();
        tmdl.Description(0, table.Description).Line(0, "table " + Tmdl.Name(table.Name));
        tmdl.Line(1, "lineageTag: " + Tmdl.LineageTag("table", table.Name));
        foreach (var measure in measures)
        {
            tmdl.Blank().Description(1, measure.Description).Expression(1, "measure " + Tmdl.Name(measure.Name), measure.Dax);
            if (measure.Format.Length > 0) tmdl.Line(2, "formatString: " + measure.Format);
            tmdl.Line(2, "lineageTag: " + Tmdl.LineageTag("measure", table.Name, measure.Name));
        }
        foreach (var column in table.Columns)
        {
            var dataType = Tmdl.DataType(column.DuckDbType);
            tmdl.Blank().Description(1, column.Description).Line(1, "column " + Tmdl.Name(column.Name));
            tmdl.Line(2, "dataType: " + dataType);
            if (Tmdl.ColumnFormat(column.Name, dataType) is { } format) tmdl.Line(2, "formatString: " + format);
            tmdl.Line(2, "lineageTag: " + Tmdl.LineageTag("column", table.Name, column.Name));
            tmdl.Line(2, "summarizeBy: " + (dataType is "double" or "decimal" ? "sum" : "none"));
            tmdl.Line(2, "sourceColumn: " + column.Name);
        }
        tmdl.Blank().Line(1, $"partition {Tmdl.Name(table.Name)} = m");
        tmdl.Line(2, "mode: import");
        tmdl.Expression(2, "source", Partition(table, separator));
        return tmdl.ToString();
    }

    /// <summary>The M query reading the table's Parquet: one file, or every part file of its partition folder.</summary>
    public static string Partition(SemanticTable table, char separator)
    {
        if (!table.Partitioned)
        {
            return $"""
                let
                    Source = Parquet.Document(File.Contents({FolderParameter} & {Tmdl.MText(separator + table.Name + ".parquet")}))
                in
                    Source
                """;
        }
        return $$$"""
            let
                Files = Folder.Files({{{FolderParameter}}} & {{{Tmdl.MText(separator + table.Name)}}}),
                PartFiles = Table.SelectRows(Files, each Text.Lower([Extension]) = ".parquet"),
                Sorted = Table.Sort(PartFiles, {{"Folder Path", Order.Ascending}, {"Name", Order.Ascending}}),
                Parts = List.Transform(Sorted[Content], each Parquet.Document(_)),
                Source = Table.Combine(Parts)
            in
                Source
            """;
    }
}
