namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// A vendor preset: where the vendor's tables are in an extract folder, how their columns are typed, and one SQL
/// mapping per canonical entity. Loaded from <c>pipelines/presets/&lt;name&gt;.yaml</c> by <see cref="PresetLoader"/>.
/// </summary>
/// <param name="Name">Preset name (the file stem).</param>
/// <param name="Description">Free text for humans.</param>
/// <param name="SourceFile">The YAML file it was read from, for error messages.</param>
/// <param name="Parameters">Named values the SQL refers to as <c>{{name}}</c>; a run may override them.</param>
/// <param name="Sources">Vendor tables, in file order.</param>
/// <param name="Maps">Value maps, each available to the SQL as a macro <c>map_&lt;name&gt;(value)</c>.</param>
/// <param name="Entities">Canonical entities the preset produces, in file order.</param>
public sealed record Preset(
    string Name,
    string Description,
    string SourceFile,
    IReadOnlyDictionary<string, PresetParameter> Parameters,
    IReadOnlyList<PresetSource> Sources,
    IReadOnlyList<PresetMap> Maps,
    IReadOnlyList<PresetEntity> Entities)
{
    /// <summary>A mapping file a user wrote (not a shipped preset): declared columns absent from an export are errors.</summary>
    public bool IsUserMapping { get; init; }

    /// <summary>Lines of the file's keys, for errors found after loading.</summary>
    public MappingLines Lines { get; init; } = MappingLines.Empty(SourceFile);

    /// <summary>Where each declaratively mapped entity column comes from (entity -> column -> lineage).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ColumnLineage>> Lineage { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, ColumnLineage>>();

    /// <summary>The key path that makes a source read a column: its declaration, else the entity column reading it.</summary>
    public string DeclarationPath(PresetSource source, string column)
    {
        ArgumentNullException.ThrowIfNull(source);
        var declared = $"{source.Path}/columns/{column}";
        if (Lines.Has(declared)) return declared;
        var reader = Lineage.Values.SelectMany(c => c.Values).FirstOrDefault(l => l.Source == source.Name && l.Columns.Contains(column));
        return reader?.Path ?? source.Path;
    }

    public PresetSource? Source(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A preset parameter: one value or a list of values.</summary>
public sealed record PresetParameter(IReadOnlyList<string> Values, bool IsList)
{
    /// <summary>The value of a scalar parameter (the first value of a list).</summary>
    public string Value => Values.Count > 0 ? Values[0] : "";

    public static PresetParameter Scalar(string value) => new([value], IsList: false);

    public static PresetParameter List(IEnumerable<string> values) => new(values.ToList(), IsList: true);
}

/// <summary>One vendor table, located in the extract folder by file-stem globs.</summary>
/// <param name="Name">Name the entity SQL uses for it (a CTE name).</param>
/// <param name="Files">Case-insensitive globs on file stems (or on a sub-folder's name).</param>
/// <param name="Exclude">Globs removing files the <paramref name="Files"/> globs caught (e.g. history tables).</param>
/// <param name="Required">A required source with no file stops the run; an optional one reads as an empty table.</param>
/// <param name="Aliases">Header renames applied after normalization: vendor spelling -> the name the SQL uses.</param>
/// <param name="Columns">Columns the SQL reads, with their type; absent ones read as NULL.</param>
/// <param name="RequiredColumns">Columns every file of this source must have.</param>
public sealed record PresetSource(
    string Name,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Exclude,
    bool Required,
    IReadOnlyDictionary<string, string> Aliases,
    IReadOnlyList<PresetColumn> Columns,
    IReadOnlyList<string> RequiredColumns)
{
    public string Patterns => string.Join(", ", Files);

    /// <summary>Cell values read as NULL (trimmed, lower-cased), e.g. <c>?</c>, <c>n/a</c>, <c>-</c>.</summary>
    public IReadOnlyList<string> NullTokens { get; init; } = [];

    /// <summary>SQL condition over the source's columns; rows failing it are left out (counted).</summary>
    public string? Where { get; init; }

    /// <summary>When set, the source is an event log collapsed to one row per key.</summary>
    public PresetCollapse? Collapse { get; init; }

    /// <summary>Path of the source in its file (for <see cref="MappingLines"/>).</summary>
    public string Path => "sources/" + Name;
}

/// <summary>
/// An event log collapsed to one row per key: every column takes its value from the key's latest row by
/// <paramref name="OrderBy"/> (ties: file order, then line), plus aggregate columns.
/// </summary>
/// <param name="Keys">Key columns.</param>
/// <param name="OrderBy">SQL ordering expression over the rows of a key.</param>
/// <param name="Aggregates">New columns: name -> aggregate SQL over the ordered rows (<c>__seq</c> = position).</param>
/// <param name="PreviousColumns">Columns whose previous-row value (<c>__prev_&lt;name&gt;</c>) a count compares.</param>
public sealed record PresetCollapse(
    IReadOnlyList<string> Keys,
    string OrderBy,
    IReadOnlyList<KeyValuePair<string, string>> Aggregates,
    IReadOnlyList<string> PreviousColumns);

/// <summary>Where a declaratively mapped column comes from: the source, its columns, and the key path in the file.</summary>
public sealed record ColumnLineage(string Source, IReadOnlyList<string> Columns, string Path);

/// <summary>A declared source column and how its values are normalized before the SQL sees them.</summary>
/// <param name="Formats">Explicit strptime formats for a date/timestamp column (tried in order); empty = automatic.</param>
public sealed record PresetColumn(string Name, PresetColumnType Type, IReadOnlyList<string>? Formats = null)
{
    public IReadOnlyList<string> FormatList => Formats ?? [];
}

/// <summary>A value map: exact (case-insensitive, trimmed) or first listed key contained in the value.</summary>
public sealed record PresetMap(string Name, bool MatchContains, IReadOnlyList<KeyValuePair<string, string>> Entries);

/// <summary>One canonical entity produced by a DuckDB SELECT over the sources.</summary>
/// <param name="Name">Canonical entity name (docs/input-contract.md).</param>
/// <param name="Sql">SELECT producing canonical columns plus <c>_file</c>, <c>_line</c>, <c>_file_order</c>.</param>
/// <param name="OnRequest">Produced only when a run asks for it (so two presets in one pipeline don't both write it).</param>
public sealed record PresetEntity(string Name, string Sql, bool OnRequest);
