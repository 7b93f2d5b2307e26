using CapacityAnalytics.Pipeline.Targets.Measures;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>One <c>tables/&lt;Table&gt;.tmdl</c>: measures of its home table, columns, and the M partition over Parquet.</summary>
public static class TmdlTableWriter
{
    public const string FolderParameter = "ParquetFolder";

    public static string Write(SemanticModel model, SemanticTable table, IEnumerable<Measure> measures, char separator)
    {
        var tmdl = new TmdlBuilder();
        tmdl.Description(0, table.Description).Line(0, "table " + Tmdl.Name(table.Name));
        tmdl.Line(1, "lineageTag: " + Tmdl.LineageTag("table", table.Name));
        if (table.Name == DateTable.Name) tmdl.Line(1, "dataCategory: Time");
        foreach (var measure in measures)
        {
            tmdl.Blank().Description(1, measure.Description).Expression(1, "measure " + Tmdl.Name(measure.Name), MeasureDax.Expression(measure));
            if (measure.Format.Length > 0) tmdl.Line(2, "formatString: " + measure.Format);
            tmdl.Line(2, "lineageTag: " + Tmdl.LineageTag("measure", table.Name, measure.Name));
        }
        foreach (var column in table.Columns)
        {
            var dataType = Tmdl.DataType(column.DuckDbType);
            tmdl.Blank().Description(1, column.Description).Line(1, "column " + Tmdl.Name(column.Name));
            tmdl.Line(2, "dataType: " + dataType);
            if (table.Name == DateTable.Name && column.Name == DateTable.Key) tmdl.Line(2, "isKey");
            if (ColumnRules.IsHiddenKey(model, table.Name, column.Name)) tmdl.Line(2, "isHidden");
            if (Tmdl.ColumnFormat(column.Name, dataType) is { } format) tmdl.Line(2, "formatString: " + format);
            tmdl.Line(2, "lineageTag: " + Tmdl.LineageTag("column", table.Name, column.Name));
            tmdl.Line(2, "summarizeBy: " + ColumnRules.SummarizeBy(table, column, dataType));
            tmdl.Line(2, "sourceColumn: " + column.Name);
        }
        tmdl.Blank().Line(1, $"partition {Tmdl.Name(table.Name)} = m");
        tmdl.Line(2, "mode: import");
        tmdl.Expression(2, "source", Partition(table, separator));
        return tmdl.ToString();
    }

    /// <summary>
    /// The M query reading the table's Parquet: one file, or every part file of its partition folder. When the folder
    /// is not there (the project opened on another machine), the refresh fails with a message naming the parameter to set.
    /// </summary>
    public static string Partition(SemanticTable table, char separator)
    {
        var path = $"{FolderParameter} & {Tmdl.MText(separator + table.Name + (table.Partitioned ? "" : ".parquet"))}";
        var missing = $"error Error.Record(\"ParquetFolder not found\", {Tmdl.MText(MissingFolderMessage)}, {path})";
        if (!table.Partitioned)
        {
            return $"""
                let
                    Source = try Parquet.Document(File.Contents({path})) otherwise {missing}
                in
                    Source
                """;
        }
        return $$$"""
            let
                Files = try Folder.Files({{{path}}}) otherwise {{{missing}}},
                PartFiles = Table.SelectRows(Files, each Text.Lower([Extension]) = ".parquet"),
                Sorted = Table.Sort(PartFiles, {{"Folder Path", Order.Ascending}, {"Name", Order.Ascending}}),
                Parts = List.Transform(Sorted[Content], each Parquet.Document(_)),
                Source = Table.Combine(Parts)
            in
                Source
            """;
    }

    /// <summary>What a refresh says when the Parquet publish is not where the parameter points.</summary>
    public const string MissingFolderMessage =
        "Set the ParquetFolder parameter (Home > Transform data > Edit parameters) to the parquet/current folder of your CapacityAnalytics output (the folder holding manifest.json), then refresh.";
}
