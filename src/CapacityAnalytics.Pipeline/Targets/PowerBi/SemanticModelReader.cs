using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>Builds the <see cref="SemanticModel"/> from the warehouse's tables, their YAML declarations and the measures catalog.</summary>
public static class SemanticModelReader
{
    public static SemanticModel Read(DuckDBConnection connection, IReadOnlyList<PublishedTable> tables, MeasureCatalog catalog)
    {
        var specs = tables.Where(t => t.Spec is not null).ToDictionary(t => t.Name, t => t.Spec!, StringComparer.Ordinal);
        var columnTypes = connection.ColumnTypes(tables.Select(t => t.Name));
        var semanticTables = tables.Select(t =>
        {
            var spec = t.Spec;
            var columns = columnTypes[t.Name]
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
}
