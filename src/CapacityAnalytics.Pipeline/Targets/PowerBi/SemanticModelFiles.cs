namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>The semantic model's TMDL files other than the tables.</summary>
public static class SemanticModelFiles
{
    public static string Database() => new TmdlBuilder()
        .Line(0, "database " + PowerBiProjectWriter.ProjectName)
        .Line(1, "compatibilityLevel: 1567")
        .ToString();

    public static string Model(SemanticModel model)
    {
        var tmdl = new TmdlBuilder()
            .Line(0, "model Model")
            .Line(1, "culture: en-US")
            .Line(1, "defaultPowerBIDataSourceVersion: powerBI_V3")
            .Line(1, "sourceQueryCulture: en-US")
            .Line(1, "dataAccessOptions")
            .Line(2, "legacyRedirects")
            .Line(2, "returnErrorValuesAsNull")
            .Blank();
        foreach (var table in model.Tables)
        {
            tmdl.Line(0, "ref table " + Tmdl.Name(table.Name));
        }
        return tmdl.ToString();
    }

    public static string Expressions(string parquetFolder) => new TmdlBuilder()
        .Description(0, "Folder of the current Parquet publish (OUT/parquet/current); point it at another publish to compare runs.")
        .Line(0, $"expression {TmdlTableWriter.FolderParameter} = {Tmdl.MText(parquetFolder)} meta [IsParameterQuery=true, Type=\"Text\", IsParameterQueryRequired=true]")
        .Line(1, "lineageTag: " + Tmdl.LineageTag("expression", TmdlTableWriter.FolderParameter))
        .Blank()
        .Line(1, "annotation PBI_ResultType = Text")
        .ToString();

    public static string Relationships(SemanticModel model)
    {
        var tmdl = new TmdlBuilder();
        foreach (var r in model.Relationships)
        {
            if (tmdl.ToString().Length > 0) tmdl.Blank();
            tmdl.Line(0, "relationship " + Tmdl.LineageTag("relationship", r.FromTable, r.FromColumn, r.ToTable, r.ToColumn))
                .Line(1, "fromColumn: " + Tmdl.ColumnRef(r.FromTable, r.FromColumn))
                .Line(1, "toColumn: " + Tmdl.ColumnRef(r.ToTable, r.ToColumn));
        }
        return tmdl.ToString();
    }
}
