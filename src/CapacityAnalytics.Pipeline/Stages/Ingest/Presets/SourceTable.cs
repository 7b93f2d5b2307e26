namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>A vendor table loaded into DuckDB: the view the mapping SQL reads, and what went into it.</summary>
/// <param name="Source">The preset's source.</param>
/// <param name="View">Temp view with normalized names and values plus _file, _line, _file_order.</param>
/// <param name="FileTables">One temp table per file, raw values under normalized names.</param>
/// <param name="Files">Files read, in file order.</param>
/// <param name="Columns">Normalized column names over all files, in first-seen order.</param>
/// <param name="Rows">Records over all files.</param>
/// <param name="MaxColumns">Widest header among the files.</param>
internal sealed record SourceTable(
    PresetSource Source,
    string View,
    IReadOnlyList<string> FileTables,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Columns,
    long Rows,
    int MaxColumns);
