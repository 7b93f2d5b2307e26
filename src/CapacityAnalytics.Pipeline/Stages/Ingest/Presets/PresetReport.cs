using System.Globalization;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>What one preset run found and did: files per source, rows per landed entity, orphans and quirks.</summary>
/// <param name="Preset">Preset name.</param>
/// <param name="ExtractFolder">The folder read.</param>
/// <param name="Sources">Per vendor table: files read, rows, widest header.</param>
/// <param name="Rows">Rows written to <c>land_&lt;entity&gt;</c>, per entity.</param>
/// <param name="Orphans">Ids that link to nothing in this run's landed tables (rows are kept as given).</param>
/// <param name="Quirks">Format and value quirks met, with their counts; every one has a defined outcome.</param>
public sealed record PresetReport(
    string Preset,
    string ExtractFolder,
    IReadOnlyList<PresetSourceSummary> Sources,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<PresetOrphanCount> Orphans,
    IReadOnlyList<PresetQuirkCount> Quirks)
{
    /// <summary>Where values came from, for columns with more than one possible source (e.g. accounts.arr).</summary>
    public IReadOnlyList<PresetProvenanceCount> Provenance { get; init; } = [];

    /// <summary>Rows of an entity whose column came from the given source label.</summary>
    public long ProvenanceCount(string entity, string column, string source) => Provenance
        .Where(p => p.Entity == entity && p.Column == column && p.Source == source)
        .Sum(p => p.Rows);

    /// <summary>Total count of a quirk kind, optionally only where <see cref="PresetQuirkCount.Where"/> matches.</summary>
    public long QuirkCount(string kind, string? where = null) => Quirks
        .Where(q => q.Kind == kind && (where is null || string.Equals(q.Where, where, StringComparison.Ordinal)))
        .Sum(q => q.Count);

    public long OrphanCount(string entity, string column) => Orphans
        .Where(o => o.Entity == entity && o.Column == column)
        .Sum(o => o.Rows);

    /// <summary>The report as text lines, for the CLI and logs.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"preset {Preset} on {ExtractFolder}";
        foreach (var source in Sources)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  source {source.Source}: {source.Files.Count} file(s), {source.Rows} row(s), up to {source.Columns} column(s)");
        }
        foreach (var (entity, rows) in Rows)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  land_{entity}: {rows} row(s)");
        }
        foreach (var group in Provenance.GroupBy(p => (p.Entity, p.Column)))
        {
            yield return $"  {group.Key.Entity}.{group.Key.Column} taken from: " + string.Join("; ",
                group.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Source} {p.Rows} row(s)")));
        }
        foreach (var orphan in Orphans)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  orphan {orphan.Entity}.{orphan.Column} -> {orphan.Target}: {orphan.Rows} row(s) kept as given, e.g. {string.Join(", ", orphan.Examples)}");
        }
        foreach (var quirk in Quirks)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  quirk {quirk.Kind} at {quirk.Where}: {quirk.Count}{(quirk.Detail.Length > 0 ? " (" + quirk.Detail + ")" : "")}");
        }
    }
}

/// <summary>One vendor table as read.</summary>
public sealed record PresetSourceSummary(string Source, IReadOnlyList<string> Files, long Rows, int Columns)
{
    /// <summary>The export's columns over all files, normalized.</summary>
    public IReadOnlyList<string> ColumnNames { get; init; } = [];
}

/// <summary>Rows of <paramref name="Entity"/> whose <paramref name="Column"/> matches no row of <paramref name="Target"/>.</summary>
public sealed record PresetOrphanCount(string Entity, string Column, string Target, long Rows, IReadOnlyList<string> Examples);

/// <summary>A quirk kind (see <see cref="PresetQuirks"/>), where it was met (file, source.column or entity.column), how often.</summary>
public sealed record PresetQuirkCount(string Kind, string Where, long Count, string Detail);

/// <summary><paramref name="Rows"/> rows of <paramref name="Entity"/> took <paramref name="Column"/> from <paramref name="Source"/> ("none" = no source had it).</summary>
public sealed record PresetProvenanceCount(string Entity, string Column, string Source, long Rows);
