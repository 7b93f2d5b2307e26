using System.Diagnostics;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Canonical ingest of an extract folder (docs/input-contract.md): discover, land, type, deduplicate, check the reject threshold,
/// then swap every raw table in at once. A failed run leaves the previous raw tables intact and its
/// <see cref="RejectsTable"/> queryable.
/// </summary>
public static class IngestService
{
    public static IngestResult IngestFolder(DuckDBConnection connection, string folder, IngestOptions options, IProgress<IngestProgress>? progress = null)
    {
        var extract = ExtractDiscovery.Discover(folder);
        extract.RequireMandatoryEntities();
        SessionTimeZone.Validate(connection, options.Timezone);
        RejectsTable.Recreate(connection);
        var results = new EntityIngestResult?[InputContract.Entities.Count];
        var tables = new List<string>();
        // Canonical usage_events load on a second connection, beside the other entities: their reads are
        // serial and leave a core free while the events' query would use both (at L 17.05 to 17.72 s against 17.50 to
        // 18.22 s in alternating runs). It writes only its own pending tables and rejects.
        var events = InputContract.Entities.ToList().IndexOf(InputContract.UsageEvents);
        var eventFiles = extract.FilesOf(InputContract.UsageEvents);
        var beside = eventFiles.Count > 0 && UsageEventsStreamingLoad.Handles(InputContract.UsageEvents, eventFiles) ? connection.Beside() : null;
        var usage = beside is null ? null : Task.Run(() => LoadEntity(beside, InputContract.UsageEvents, eventFiles, options));
        try
        {
            var entities = InputContract.Entities;
            for (var i = 0; i < entities.Count; i++)
            {
                var files = extract.FilesOf(entities[i]);
                progress?.Report(new IngestProgress(entities[i].Name, files.Count == 0 ? "absent" : "loading", i + 1, entities.Count));
                if (files.Count == 0)
                {
                    tables.Add(LandedEntityTyper.CreateEmpty(connection, entities[i]));
                    continue;
                }
                if (usage is not null && i == events) continue;
                results[i] = LoadEntity(connection, entities[i], files, options);
                tables.Add(results[i]!.Table);
            }
            if (usage is not null)
            {
                results[events] = usage.GetAwaiter().GetResult();
                tables.Add(results[events]!.Table);
            }
            ThrowIfOverThreshold(connection, results.OfType<EntityIngestResult>(), options.RejectThreshold);
            PendingTables.Commit(connection, tables);
        }
        catch
        {
            // The events' load finishes (or fails) before anything is discarded: its tables are among them.
            try
            {
                usage?.Wait();
            }
            catch (AggregateException)
            {
            }
            PendingTables.Discard(connection, InputContract.Entities.Select(RawTableOf));
            throw;
        }
        finally
        {
            beside?.Dispose();
        }
        return new IngestResult([.. results.OfType<EntityIngestResult>()], extract.UnknownFiles);
    }

    /// <summary>Reads, types and (for keyed entities) deduplicates one entity into its pending raw table.</summary>
    public static EntityIngestResult LoadEntity(DuckDBConnection connection, EntitySpec entity, IReadOnlyList<ExtractFile> files, IngestOptions options)
    {
        var watch = Stopwatch.StartNew();
        LandingResult landing;
        TypingResult typing;
        if (UsageEventsStreamingLoad.Handles(entity, files))
        {
            (landing, typing) = UsageEventsStreamingLoad.Load(connection, files, options);
        }
        else
        {
            (landing, var columns) = LandingLoader.LandChecked(connection, entity, files, options);
            typing = LandedEntityTyper.TypeChecked(connection, entity, columns, options);
        }
        return new EntityIngestResult(
            entity.Name,
            landing.Files,
            landing.RowsLanded + landing.StructuralRejects,
            typing.RowsLoaded,
            typing.RowsRejected + landing.StructuralRejects,
            typing.DuplicatesSuperseded,
            watch.Elapsed.TotalSeconds,
            landing.Bytes,
            typing.Table,
            typing.TableRows);
    }

    /// <summary>Throws <see cref="RejectThresholdExceededException"/> for the first entity whose rejected share is above the threshold.</summary>
    /// <remarks>The message names the commonest reason (column and reason, how many rows), so the fix is in the error.</remarks>
    public static void ThrowIfOverThreshold(DuckDBConnection connection, IEnumerable<EntityIngestResult> results, double threshold)
    {
        foreach (var result in results.Where(r => r.RejectedShare > threshold))
        {
            throw new RejectThresholdExceededException(result.Entity, result.RowsRejected, result.RowsRead, threshold, CommonestReason(connection, result.Entity));
        }
    }

    private static string? CommonestReason(DuckDBConnection connection, string entity)
    {
        if (!connection.TableExists(RejectsTable.Name)) return null;
        using var command = connection.Command($"""
            select coalesce('column ' || "column" || ': ', '') || reason || ' (' || count(*) || ' rows)'
            from {RejectsTable.Name} where entity = $1
            group by "column", reason order by count(*) desc, "column", reason limit 1
            """, entity);
        return command.ExecuteScalar() as string;
    }

    private static string RawTableOf(EntitySpec entity) =>
        entity == InputContract.UsageEvents ? UsageEventsDaily.Table : entity.StagingTable;
}
