using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Canonical usage_events CSVs go straight from <c>read_csv</c> to account-day in one streaming query that types and
/// checks each row on the way (no landing table of tens of millions of VARCHAR rows). Bad rows are counted in that
/// pass; only when there are any is the input read a second time to list them with their lines.
/// </summary>
public static class UsageEventsStreamingLoad
{
    private const string Aggregate = "_ingest_usage_aggregate";
    private const string Bad = "_ingest_usage_bad";

    public static bool Handles(EntitySpec entity, IReadOnlyList<ExtractFile> files) =>
        entity == InputContract.UsageEvents && files.All(f => f.Format == ExtractFormat.Csv);

    public static (LandingResult Landing, TypingResult Typing) Load(DuckDBConnection connection, IReadOnlyList<ExtractFile> files, IngestOptions options)
    {
        var entity = InputContract.UsageEvents;
        var readers = files.Select(f => CsvExtractReader.Open(entity, f)).ToList();
        var columns = entity.Columns.Select(c => c.Name).Concat([LandingColumns.File, LandingColumns.Line, LandingColumns.FileOrder]).ToList();
        RejectsTable.EnsureExists(connection);
        CsvExtractReader.ResetRejects(connection);
        using var zone = SessionTimeZone.Use(connection, options.Timezone);
        try
        {
            return Load(connection, files, options, entity, readers, columns);
        }
        finally
        {
            foreach (var reader in readers) reader.DeleteCleanCopy();
        }
    }

    private static (LandingResult Landing, TypingResult Typing) Load(DuckDBConnection connection, IReadOnlyList<ExtractFile> files, IngestOptions options,
        EntitySpec entity, List<CsvExtractReader> readers, List<string> columns)
    {
        try
        {
            CreateAggregate(connection, entity, readers, columns, options, numbered: false);
        }
        catch (DuckDBException) when (CleanAll(readers))
        {
            // DuckDB's reader stopped on a stray carriage return or binary junk: read the cleaned copies in order,
            // line by line, leaving the records that held those bytes out (they are rejected with their lines).
            CsvExtractReader.ResetRejects(connection);
            CreateAggregate(connection, entity, readers, columns, options, numbered: true);
        }
        return Finish(connection, files, options, entity, readers, columns);
    }

    private static bool CleanAll(List<CsvExtractReader> readers)
    {
        var cleaned = false;
        foreach (var reader in readers)
        {
            if (reader.ReadPath == reader.File.Path && reader.Clean()) cleaned = true;
        }
        return cleaned;
    }

    private static void CreateAggregate(DuckDBConnection connection, EntitySpec entity, List<CsvExtractReader> readers, List<string> columns,
        IngestOptions options, bool numbered)
    {
        var valid = CheckedRowsSql.Ok;
        // Distinct users per account-day in two steps (account, day, user first, then account-day): a plain group-by
        // that DuckDB can spill to disk, where count(distinct) inside grouping sets held gigabytes at 50M events.
        connection.Execute($"""
            create or replace temp table {Aggregate} as
            with checked as ({CheckedRowsSql.Build(entity, columns, Source(readers, ignoreErrors: false, numbered: numbered), keepExtras: false, window: options.Plausible)}),
            per_user as (
                select grouping({LandingColumns.File}) = 1 as by_user, {LandingColumns.File}, ok, account_id, date, user_id, count(*) as events
                from (
                    select {LandingColumns.File}, {valid} as ok, case when {valid} then account_id end as account_id,
                        case when {valid} then cast(timezone('UTC', occurred_at) as date) end as date,
                        case when {valid} then user_id end as user_id
                    from checked
                )
                group by grouping sets ((ok, account_id, date, user_id), ({LandingColumns.File}))
            )
            select true as by_day, null::varchar as {LandingColumns.File}, ok, account_id, date,
                count(*) filter (where ok) as active_users, sum(events)::bigint as events
            from per_user where by_user
            group by ok, account_id, date
            union all
            select false, {LandingColumns.File}, null, null, null, null, events
            from per_user where not by_user
            """);
    }

    private static (LandingResult Landing, TypingResult Typing) Finish(DuckDBConnection connection, IReadOnlyList<ExtractFile> files, IngestOptions options,
        EntitySpec entity, List<CsvExtractReader> readers, List<string> columns)
    {
        long structural = 0;
        var maps = new Dictionary<string, CsvLineMap>(StringComparer.Ordinal);
        foreach (var reader in readers)
        {
            var rows = connection.Scalar<long>($"select coalesce(sum(events), 0)::bigint from {Aggregate} where not by_day and {LandingColumns.File} = $1", reader.File.Path);
            var (map, records) = reader.CollectRejects(connection, rows);
            maps[reader.File.Path] = map;
            structural += records;
        }
        CsvExtractReader.ResetRejects(connection);
        var rejected = connection.Scalar<long>($"select coalesce(sum(events), 0)::bigint from {Aggregate} where by_day and not ok");
        if (rejected > 0)
        {
            ListBadRows(connection, readers, columns, maps, options);
        }
        var pending = PendingTables.NameFor(UsageEventsDaily.Table);
        connection.Execute($"""
            create or replace table {Sql.Identifier(pending)} as
            select account_id, date, active_users, events, null::bigint as key_events
            from {Aggregate} where by_day and ok order by account_id, date
            """);
        var typed = connection.Scalar<long>($"select coalesce(sum(events), 0)::bigint from {Aggregate} where by_day");
        connection.Execute($"drop table {Aggregate}");
        var landing = new LandingResult(files.Select(f => f.Path).ToList(), typed, structural, files.Sum(f => new FileInfo(f.Path).Length));
        return (landing, new TypingResult(entity.Name, UsageEventsDaily.Table, typed, rejected, 0, connection.RowCount(pending)));
    }

    private static void ListBadRows(DuckDBConnection connection, List<CsvExtractReader> readers, List<string> columns, Dictionary<string, CsvLineMap> maps,
        IngestOptions options)
    {
        var entity = InputContract.UsageEvents;
        connection.Execute($"""
            create or replace temp table {Bad} as
            select * from ({CheckedRowsSql.Build(entity, columns, Source(readers, ignoreErrors: true, numbered: true), keepExtras: false, window: options.Plausible)})
            where not {CheckedRowsSql.Ok}
            """);
        foreach (var (file, map) in maps)
        {
            LineMapUpdate.Apply(connection, Bad, file, map);
        }
        RejectsTable.AppendChecked(connection, entity.Name, Bad);
        connection.Execute($"drop table {Bad}");
    }

    /// <summary>Every file's rows, less the records a cleaning found stray bytes in (by line: they are read numbered then).</summary>
    private static string Source(List<CsvExtractReader> readers, bool ignoreErrors, bool numbered)
    {
        var union = "(" + string.Join(" union all by name ", readers.Select(r => "(" + r.SelectSql(ignoreErrors, numbered) + ")")) + ")";
        var stray = readers.Where(r => r.StrayRecords.Count > 0)
            .Select(r => $"({LandingColumns.File} = {Sql.Literal(r.File.Path)} and {LandingColumns.Line} in ({string.Join(", ", r.StrayRecords.Select(x => x.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)))}))")
            .ToList();
        return stray.Count == 0 ? union : $"(select * from {union} where not ({string.Join(" or ", stray)}))";
    }
}
