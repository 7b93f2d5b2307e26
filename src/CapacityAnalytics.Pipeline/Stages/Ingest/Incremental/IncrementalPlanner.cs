using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>
/// Compares a pipeline's source files with <c>loaded_file</c> and the run's other inputs with the last successful run
/// (<see cref="RunInputs"/>), and decides: nothing to do, skip ingest, append the new files, or ingest everything. Files
/// another build of the app loaded are always loaded again (<see cref="AppBuild"/>).
/// </summary>
public static class IncrementalPlanner
{
    public static IncrementalPlan Plan(DuckDBConnection connection, PipelineConfig config, string runId,
        IReadOnlyCollection<string> stages, string? sqlDirectory = null)
    {
        var known = LoadedFiles.Read(connection);
        var files = InputScanner.Scan(config, known);
        var inputs = RunInputs.Compute(config, files, sqlDirectory ?? SqlFolder.Default);
        if (files is null)
        {
            return new IncrementalPlan(InputChange.Untracked, null, [], inputs, false, "a source is a query: full ingest");
        }
        if (known.Count > 0 && LoadedFiles.LoadedByOtherBuild(connection, AppBuild.Id))
        {
            // Rows typed by other code are not what this build would load: the raw tables are loaded again, and the
            // full ingest makes the transform rebuild everything on them.
            return new IncrementalPlan(InputChange.Changed, files, [], inputs, false, "the input files were loaded by another build of the app: full ingest");
        }
        var current = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var added = files.Where(f => !known.ContainsKey(f.Path)).ToList();
        var changed = files.Where(f => known.TryGetValue(f.Path, out var k) && !f.SameContent(k)).ToList();
        var removed = known.Keys.Where(p => !current.ContainsKey(p)).ToList();
        var retimed = files.Where(f => known.TryGetValue(f.Path, out var k) && f.SameContent(k) && f.ModifiedTicks != k.ModifiedTicks).ToList();
        if (retimed.Count > 0) LoadedFiles.RefreshTimes(connection, retimed);

        if (known.Count > 0 && added.Count == 0 && changed.Count == 0 && removed.Count == 0)
        {
            var nothing = inputs.MatchLatestRun(connection, runId, stages);
            return new IncrementalPlan(InputChange.Unchanged, files, [], inputs, nothing,
                nothing ? "no new input: nothing to do" : $"{files.Count} input files unchanged since the last ingest");
        }
        if (known.Count > 0 && changed.Count == 0 && removed.Count == 0 && CanAppend(connection, config, added, known.Values))
        {
            return new IncrementalPlan(InputChange.Added, files, added, inputs, false, $"{added.Count} new input files to append");
        }
        var reason = known.Count == 0
            ? "first load: full ingest"
            : $"{changed.Count} changed, {removed.Count} removed, {added.Count} added input files: full ingest";
        return new IncrementalPlan(InputChange.Changed, files, added, inputs, false, reason);
    }

    /// <summary>
    /// New files can be appended when the pipeline reads one canonical folder, each new file belongs to a keyed
    /// entity already loaded and sorts after every loaded file of its entity: it then gets the highest file order,
    /// exactly as a full ingest would give it. New usage_events CSVs can be appended when the warehouse knows the days
    /// of every loaded usage_events file (<see cref="UsageEventsDaily.FilesTable"/>); whether they share a day with
    /// those is only known once they are read (<see cref="AppendIngest"/> then falls back to a full ingest).
    /// </summary>
    private static bool CanAppend(DuckDBConnection connection, PipelineConfig config, List<InputFile> added, IEnumerable<InputFile> known)
    {
        if (config.Sources is not [{ Kind: SourceKind.CanonicalFolder }]) return false;
        var loaded = known.ToLookup(k => k.Entity, StringComparer.Ordinal);
        foreach (var file in added)
        {
            var entity = InputContract.Find(file.Entity);
            if (entity == InputContract.UsageEvents)
            {
                if (!UsageEventsAppendable(connection, file, loaded[file.Entity])) return false;
                continue;
            }
            if (entity is null || entity.Key.Count == 0) return false;
            if (!connection.TableExists(entity.StagingTable)) return false;
            if (loaded[file.Entity].Any(k => string.CompareOrdinal(k.Path, file.Path) >= 0)) return false;
        }
        return added.Count > 0;
    }

    private static bool UsageEventsAppendable(DuckDBConnection connection, InputFile file, IEnumerable<InputFile> loaded)
    {
        if (!file.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        if (!connection.TableExists(UsageEventsDaily.Table) || !connection.TableExists(UsageEventsDaily.FilesTable)) return false;
        var recorded = connection.Strings($"select file from {UsageEventsDaily.FilesTable}").ToHashSet(StringComparer.Ordinal);
        return recorded.SetEquals(loaded.Select(l => l.Path));
    }
}
