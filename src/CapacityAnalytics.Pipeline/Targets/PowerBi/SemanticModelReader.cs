using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>Builds the <see cref="SemanticModel"/> from the warehouse's tables, the mart YAMLs and the measures catalog.</summary>
public static class SemanticModelReader
{
    public static SemanticModel Read(DuckDBConnection connection, IReadOnlyList<PublishedTable> tables, MeasureCatalog catalog, string sqlDirectory)
    {
        var specs = ReadSpecs(sqlDirectory);
        var semanticTables = tables.Select(t =>
        {
            specs.TryGetValue(t.Name, out var spec);
            var columns = connection.ColumnTypes(t.Name)
                .Select(c => new SemanticColumn(c.Name, c.Type, spec?.Columns.FirstOrDefault(d => d.Name == c.Name)?.Description ?? ""))
                .ToList();
            var description = spec is null ? "" : $"{spec.Description.Trim()}\nGrain: {spec.Grain}.";
            return new SemanticTable(t.Name, description, columns, t.PartitionBy is not null);
        }).ToList();
        return Build(semanticTables, specs.Values, catalog);
    }

    /// <summary>The model over <paramref name="tables"/>: measures whose columns all exist, relationships whose keys do.</summary>
    public static SemanticModel Build(IReadOnlyList<SemanticTable> tables, IEnumerable<SqlModelSpec> specs, MeasureCatalog catalog)
    {
        var model = new SemanticModel(tables, StarSchema.Relationships(tables, specs), []);
        var measures = catalog.Measures
            .Where(m => model.Table(m.Table) is not null && ColumnReferences.Dax(m.Dax).All(r => model.HasColumn(r.Table, r.Column)))
            .ToList();
        return model with { Measures = measures };
    }

    private static Dictionary<string, SqlModelSpec> ReadSpecs(string sqlDirectory)
    {
        var marts = Path.Combine(sqlDirectory, "marts");
        var specs = new Dictionary<string, SqlModelSpec>(StringComparer.Ordinal);
        if (!Directory.Exists(marts)) return specs;
        foreach (var file in Directory.GetFiles(marts, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            using var reader = File.OpenText(file);
            specs[name] = SqlModelSpecReader.Read(reader, file, name);
        }
        return specs;
    }
}
