namespace CapacityAnalytics.Core.Contract;

/// <summary>One entity of the input contract: its columns, key and whether a run needs it.</summary>
/// <param name="Name">Entity name; extract file stems start with it.</param>
/// <param name="Columns">Columns in canonical order.</param>
/// <param name="Key">Columns identifying a row; re-exports of the same key replace earlier versions. Empty: no dedup.</param>
/// <param name="Optional">An optional entity may be absent from an extract folder.</param>
public sealed record EntitySpec(string Name, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> Key, bool Optional)
{
    public string StagingTable => "raw_" + Name;

    public ColumnSpec? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ColumnSpec> RequiredColumns => Columns.Where(c => c.Required);
}
