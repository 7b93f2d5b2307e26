using CapacityAnalytics.Pipeline.Targets.Measures;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>What the Power BI project describes: tables over the Parquet publish, the star's relationships, measures.</summary>
public sealed record SemanticModel(
    IReadOnlyList<SemanticTable> Tables,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<Measure> Measures)
{
    public SemanticTable? Table(string name) => Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public bool HasColumn(string table, string column) => Table(table)?.Column(column) is not null;
}

/// <summary>A published table as Power BI sees it.</summary>
/// <param name="Partitioned">Written as a folder of <c>year=YYYY/part_*.parquet</c> files instead of one file.</param>
public sealed record SemanticTable(string Name, string Description, IReadOnlyList<SemanticColumn> Columns, bool Partitioned)
{
    public SemanticColumn? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

public sealed record SemanticColumn(string Name, string DuckDbType, string Description);

/// <summary>A many-to-one relationship from a fact's key to a dimension's key.</summary>
public sealed record Relationship(string FromTable, string FromColumn, string ToTable, string ToColumn);
