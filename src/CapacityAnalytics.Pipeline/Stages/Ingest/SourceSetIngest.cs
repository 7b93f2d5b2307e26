using System.Diagnostics;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;
using CapacityAnalytics.Pipeline.Stages.Ingest.SqlServerQuery;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Ingest of a pipeline's sources together: canonical folders, vendor presets and SQL queries each land their
/// entities; an entity landed by several sources is combined (later sources count as newer re-exports); then every
/// entity is typed and all raw tables are swapped in at once. One canonical folder alone takes the
/// <see cref="IngestService"/> path unchanged.
/// </summary>
public static class SourceSetIngest
{
    /// <param name="requireMandatory">False when checking one source of a pipeline on its own (validate): a Zendesk
    /// folder alone has no CSMs or activities, and that is not its problem.</param>
    public static SourceSetResult Run(DuckDBConnection connection, PipelineConfig config, IngestOptions options,
        string presetsDirectory, IProgress<IngestProgress>? progress, CancellationToken cancellationToken, bool requireMandatory = true)
    {
        var sources = config.Sources;
        if (sources is [{ Kind: SourceKind.CanonicalFolder } only])
        {
            return new SourceSetResult(IngestService.IngestFolder(connection, config.Resolve(only.Path!), options, progress), []);
        }

        SessionTimeZone.Validate(connection, options.Timezone);
        RejectsTable.Recreate(connection);
        var landed = new Dictionary<string, List<(string Table, LandingResult Landing)>>(StringComparer.Ordinal);
        var direct = new List<EntityIngestResult>();
        var unknown = new List<string>();
        var notes = new List<string>();
        var reports = new List<(Preset Preset, PresetReport Report)>();
        var pending = new List<string>();
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = sources[i];
                var before = LandingTables(connection);
                if (source.Kind == SourceKind.SqlServerQuery)
                {
                    var sql = new SqlServerSource(source);
                    sql.Land(connection, cancellationToken);
                }
                else if (source.Kind == SourceKind.CanonicalFolder)
                {
                    var extract = ExtractDiscovery.Discover(config.Resolve(source.Path!));
                    unknown.AddRange(extract.UnknownFiles);
                    foreach (var entity in InputContract.Entities)
                    {
                        var files = extract.FilesOf(entity);
                        if (files.Count == 0) continue;
                        if (UsageEventsStreamingLoad.Handles(entity, files))
                        {
                            var result = IngestService.LoadEntity(connection, entity, files, options);
                            direct.Add(result);
                            pending.Add(result.Table);
                            continue;
                        }
                        var landing = LandingLoader.Land(connection, entity, files, options);
                        Stash(connection, landed, entity.Name, i, landing);
                    }
                    continue;
                }
                else
                {
                    var preset = LoadPreset(config, source, presetsDirectory);
                    var report = PresetTranslator.Translate(connection, preset, config.Resolve(source.Path!), RunOptions(source));
                    reports.Add((preset, report));
                    notes.AddRange(report.Describe().Select(line => $"{preset.Name}: {line}"));
                }
                foreach (var table in LandingTables(connection).Except(before, StringComparer.Ordinal))
                {
                    var entity = EntityOfLanding(table);
                    var rows = connection.RowCount(table);
                    Stash(connection, landed, entity, i, new LandingResult([source.Path ?? $"sqlserver:{entity}"], rows, 0, 0), table);
                }
            }

            var results = new List<EntityIngestResult>(direct);
            foreach (var entity in InputContract.Entities)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (direct.Any(d => d.Entity == entity.Name)) continue;
                if (!landed.TryGetValue(entity.Name, out var parts))
                {
                    if (!entity.Optional && requireMandatory) throw new MissingEntityException(config.SourceFile, entity.Name);
                    pending.Add(LandedEntityTyper.CreateEmpty(connection, entity));
                    continue;
                }
                progress?.Report(new IngestProgress(entity.Name, "typing", results.Count + 1, InputContract.Entities.Count));
                var watch = Stopwatch.StartNew();
                Combine(connection, entity.Name, parts);
                var typing = LandedEntityTyper.Type(connection, entity.Name, options);
                connection.Execute($"drop table if exists {Sql.Identifier(LandingColumns.TableFor(entity.Name))}");
                pending.Add(typing.Table);
                var structural = parts.Sum(p => p.Landing.StructuralRejects);
                results.Add(new EntityIngestResult(entity.Name, parts.SelectMany(p => p.Landing.Files).ToList(),
                    parts.Sum(p => p.Landing.RowsLanded) + structural, typing.RowsLoaded, typing.RowsRejected + structural,
                    typing.DuplicatesSuperseded, watch.Elapsed.TotalSeconds, parts.Sum(p => p.Landing.Bytes), typing.Table, typing.TableRows));
            }
            foreach (var (preset, report) in reports)
            {
                MappingHints.Annotate(connection, preset, report);
            }
            IngestService.ThrowIfOverThreshold(connection, results, options.RejectThreshold);
            PendingTables.Commit(connection, pending);
            return new SourceSetResult(new IngestResult(results, unknown), notes) { Presets = reports.Select(r => r.Report).ToList() };
        }
        catch
        {
            PendingTables.Discard(connection, pending);
            foreach (var table in LandingTables(connection)) connection.Execute($"drop table if exists {Sql.Identifier(table)}");
            throw;
        }
    }

    /// <summary>The preset a source names, or the mapping file it names (relative to the pipeline file).</summary>
    public static Preset LoadPreset(PipelineConfig config, SourceConfig source, string presetsDirectory) =>
        source.Mapping is not null
            ? PresetLoader.LoadFile(config.Resolve(source.Mapping))
            : PresetLoader.Load(presetsDirectory, source.Preset);

    private static PresetRunOptions? RunOptions(SourceConfig source) => source.Params is null
        ? null
        : new PresetRunOptions(Parameters: source.Params.ToDictionary(p => p.Key, p => PresetParameter.Scalar(p.Value), StringComparer.Ordinal));

    private static List<string> LandingTables(DuckDBConnection connection)
    {
        using var command = connection.Command("select table_name from information_schema.tables where table_schema = 'main' and table_name like 'land\\_%' escape '\\' order by 1");
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }

    // Pushed-down usage events arrive already at account-day grain: the usage_daily shape.
    private static string EntityOfLanding(string table) =>
        table == PushdownQuery.UsageDailyLandingTable ? InputContract.UsageDaily.Name : table["land_".Length..].Split("__")[0];

    private static void Stash(DuckDBConnection connection, Dictionary<string, List<(string, LandingResult)>> landed,
        string entity, int sourceIndex, LandingResult landing, string? table = null)
    {
        var stash = $"land_{entity}__s{sourceIndex}";
        connection.Execute($"alter table {Sql.Identifier(table ?? LandingColumns.TableFor(entity))} rename to {Sql.Identifier(stash)}");
        if (!landed.TryGetValue(entity, out var parts)) landed[entity] = parts = [];
        parts.Add((stash, landing));
    }

    // Later sources are newer re-exports: their file order is shifted past every earlier source's files.
    private static void Combine(DuckDBConnection connection, string entity, List<(string Table, LandingResult Landing)> parts)
    {
        var target = Sql.Identifier(LandingColumns.TableFor(entity));
        var selects = parts.Select((p, i) =>
            $"select * replace ({LandingColumns.FileOrder} + {i * 1_000_000} as {LandingColumns.FileOrder}) from {Sql.Identifier(p.Table)}");
        connection.Execute($"create or replace table {target} as {string.Join(" union all by name ", selects)}");
        foreach (var part in parts) connection.Execute($"drop table {Sql.Identifier(part.Table)}");
    }
}

/// <summary>What ingesting a pipeline's sources did, and the presets' reports.</summary>
public sealed record SourceSetResult(IngestResult Result, IReadOnlyList<string> Notes)
{
    /// <summary>The reports of the preset and mapping sources, in source order.</summary>
    public IReadOnlyList<PresetReport> Presets { get; init; } = [];
}
