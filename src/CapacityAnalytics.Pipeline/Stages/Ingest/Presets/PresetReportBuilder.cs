namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>Collects a run's counts; <see cref="Build"/> freezes them into a <see cref="PresetReport"/>.</summary>
internal sealed class PresetReportBuilder
{
    private readonly List<PresetSourceSummary> sources = [];
    private readonly Dictionary<string, long> rows = new(StringComparer.Ordinal);
    private readonly List<PresetOrphanCount> orphans = [];
    private readonly List<PresetQuirkCount> quirks = [];
    private readonly List<PresetProvenanceCount> provenance = [];

    public void Provenance(PresetProvenanceCount count) => provenance.Add(count);

    public void Source(SourceTable table) =>
        sources.Add(new PresetSourceSummary(table.Source.Name, table.Files, table.Rows, table.MaxColumns) { ColumnNames = table.Columns });

    public void Rows(string entity, long count) => rows[entity] = count;

    public void Orphan(PresetOrphanCount orphan) => orphans.Add(orphan);

    public void Quirk(string kind, string where, long count, string detail) =>
        quirks.Add(new PresetQuirkCount(kind, where, count, detail));

    public PresetReport Build(string preset, string extractFolder) =>
        new(preset, extractFolder, sources.ToList(), new Dictionary<string, long>(rows), orphans.ToList(), quirks.ToList())
        {
            Provenance = provenance.ToList(),
        };
}
