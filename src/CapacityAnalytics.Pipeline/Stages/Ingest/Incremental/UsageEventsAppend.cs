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
    /// account-days as changes (they join the loaded ones at <see cref="PendingTables.CommitAppend"/>). Returns the
    /// rows the account-day table will hold.
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
        // The pending tables hold the new account-days and files alone; they join the loaded ones at the commit.
        return connection.RowCount(UsageEventsDaily.Table) + connection.RowCount(PendingTables.NameFor(UsageEventsDaily.Table));
    }
}

/// <summary>New files cannot join the loaded ones as they are: the run ingests every file instead.</summary>
public sealed class AppendNotPossibleException(string message) : Exception(message);
