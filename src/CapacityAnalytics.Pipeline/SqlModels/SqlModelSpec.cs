namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>The YAML beside a model's SQL: what one row is, its columns and the tests run after the build.</summary>
/// <param name="Name">Model name (the file stem).</param>
/// <param name="Description">What the model is for.</param>
/// <param name="Grain">What one row is, e.g. "one row per CSM per ISO week".</param>
/// <param name="Key">Columns identifying a row; failing-test samples print them.</param>
/// <param name="Columns">Documented columns.</param>
/// <param name="Tests">Column and model tests.</param>
public sealed record SqlModelSpec(
    string Name,
    string Description,
    string Grain,
    IReadOnlyList<string> Key,
    IReadOnlyList<SqlModelColumn> Columns,
    IReadOnlyList<SqlModelTest> Tests)
{
    /// <summary>Whether and how the table is published (null: it stays in the warehouse).</summary>
    public SqlModelPublish? Publish { get; init; }

    /// <summary>For a table declared by YAML alone: the stage whose C# writes it (e.g. calibrate).</summary>
    public string? WrittenBy { get; init; }

    /// <summary>How the model is rebuilt in part after an append (null: always rebuilt in full).</summary>
    public SqlModelIncremental? Incremental { get; init; }
}

/// <summary>
/// An incremental model: the table is partitioned by one column, and after an append the transform rebuilds only the
/// partitions <see cref="Affected"/> selects (delete them, insert the model's rows of them); see sql/README.md.
/// </summary>
/// <param name="PartitionBy">The partition column (e.g. <c>activity_date</c>).</param>
/// <param name="Affected">A select of one column: the partition values to rebuild, from <c>ingest_change</c> and
/// <c>as_of_change</c>. It must cover every change of the model's raw inputs, of the as-of date and of the partitions its
/// incremental upstream models rebuild.</param>
/// <param name="Onward">Every partition from the earliest affected one onward is rebuilt (a model whose rows carry
/// values forward, like a running maximum over weeks); the model's SQL may read <c>transform_partitions</c> to compute
/// only those.</param>
public sealed record SqlModelIncremental(string PartitionBy, string Affected, bool Onward = false);

/// <summary>How a published table is written: the order of its rows (same data, same bytes), its partitions and files.</summary>
/// <param name="OrderBy">Columns ordering the rows; <c>all</c> orders by every column.</param>
/// <param name="PartitionBy">For large facts: an expression whose values become partition folders (<c>year=2025/</c>).</param>
/// <param name="FileBy">With <paramref name="PartitionBy"/>: an expression whose values split each folder into files
/// (<c>year=2025/part_2025-03.parquet</c>), each value's rows within one folder, so a publish writes only the files whose
/// rows changed; without it a folder holds one file (<c>part_0.parquet</c>).</param>
public sealed record SqlModelPublish(string OrderBy = "all", string? PartitionBy = null, string? FileBy = null);

/// <summary>A documented column of a model.</summary>
public sealed record SqlModelColumn(string Name, string Description);

/// <summary>
/// One test of a model: <c>unique</c>, <c>not_null</c>, <c>accepted_values</c> and <c>relationships</c> on a column,
/// or <c>unique</c> over several columns and <c>expression</c> invariants on the model.
/// </summary>
/// <param name="Kind">unique, not_null, accepted_values, relationships or expression.</param>
/// <param name="Columns">The tested column(s); empty for expressions.</param>
/// <param name="Values">accepted_values: the accepted values.</param>
/// <param name="To">relationships: the model the column refers to.</param>
/// <param name="Field">relationships: the referenced column.</param>
/// <param name="Expression">expression: a SQL boolean that must not be false on any row.</param>
public sealed record SqlModelTest(
    string Kind,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string>? Values = null,
    string? To = null,
    string? Field = null,
    string? Expression = null)
{
    /// <summary>Short name used in messages, e.g. <c>not_null(csm_id)</c>.</summary>
    public string Describe() => Kind switch
    {
        "expression" => $"expression '{Expression}'",
        "relationships" => $"relationships({Columns[0]} -> {To}.{Field})",
        "accepted_values" => $"accepted_values({Columns[0]} in [{string.Join(", ", Values ?? [])}])",
        _ => $"{Kind}({string.Join(", ", Columns)})",
    };
}
