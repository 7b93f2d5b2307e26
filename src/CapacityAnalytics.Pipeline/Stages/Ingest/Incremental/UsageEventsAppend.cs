using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>
/// New usage_events files join the loaded account-days without reading the loaded files again: they are checked and
/// aggregated as in a full ingest, and when no day of theirs lies within the days of a loaded file (a daily export
/// after the last one), no account-day can hold events of both, so the new account-days are added as they are.
/// A new file that shares a day with a loaded one may repeat its events: <see cref="AppendNotPossibleException"/>
/// sends the run to a full ingest, which counts them once.
/// </summary>
public static class UsageEventsAppend
{
    /// <summary>
    /// After the new files were loaded into the pending tables (<see cref="IngestService.LoadEntity"/>): throws
    /// <see cref="AppendNotPossibleException"/> when one shares a day with a loaded file, else records their
    /// account-days as changes and adds the loaded account-days and files to the pending tables. Returns the rows of
    /// the pending account-day table.
    /// </summary>
    public static long Merge(DuckDBConnection connection)
    {
        var daily = Sql.Identifier(PendingTables.NameFor(UsageEventsDaily.Table));
        var fileDays = Sql.Identifier(PendingTables.NameFor(UsageEventsDaily.FilesTable));
        var clash = connection.Strings($"""
            select parse_filename(n.file) || ' (' || n.first_day || ' to ' || n.last_day || ') shares days with the loaded '
                || parse_filename(o.file) || ' (' || o.first_day || ' to ' || o.last_day || ')'
            from {fileDays} n join {UsageEventsDaily.FilesTable} o on n.first_day <= o.last_day and o.first_day <= n.last_day
            order by n.file, o.file
            limit 1
            """);
        if (clash.Count > 0)
        {
            throw new AppendNotPossibleException($"usage_events: {clash[0]}; a full ingest counts the events they share once");
        }
        // The transform rebuilds from these: the account-days the new files add (no loaded one changes).
        connection.Execute($"insert into {PendingTables.ChangeTable} select {Sql.Literal(InputContract.UsageEvents.Name)}, account_id, null, date from {daily}");
        connection.Execute($"""
            create or replace table {daily} as
            select * from (select * from {UsageEventsDaily.Table} union all select * from {daily}) order by account_id, date
            """);
        connection.Execute($"""
            create or replace table {fileDays} as
            select * from (select * from {UsageEventsDaily.FilesTable} union all select * from {fileDays}) order by file
            """);
        return connection.RowCount(PendingTables.NameFor(UsageEventsDaily.Table));
    }
}

/// <summary>New files cannot join the loaded ones as they are: the run ingests every file instead.</summary>
public sealed class AppendNotPossibleException(string message) : Exception(message);
