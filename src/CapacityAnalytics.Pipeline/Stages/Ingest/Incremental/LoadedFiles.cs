using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;

/// <summary>
/// <c>loaded_file(path, size, modified_ticks, content_hash, entity, file_order, run_id, app_build)</c>: the source files the
/// raw tables hold, as of the last successful ingest, the run that loaded each and the build of the app that typed its
/// rows (<see cref="AppBuild"/>). A full ingest replaces the list; an
/// appending ingest adds its new files. It is written after the raw tables are swapped in, so a run killed in
/// between leaves it stale, and a stale list only ever causes a reload, never a skipped one.
/// </summary>
public static class LoadedFiles
{
    public const string Table = "loaded_file";

    public static void Ensure(DuckDBConnection connection)
    {
        // A warehouse from before the content hash was XXH128 holds SHA-256 values, and one from before the build was
        // recorded does not say which code typed its rows: forgetting them costs one full ingest.
        if (connection.TableExists(Table) && connection.ColumnNames(Table) is var columns
            && !(columns.Contains("content_hash", StringComparer.Ordinal) && columns.Contains("app_build", StringComparer.Ordinal)))
        {
            connection.Execute($"drop table {Table}");
        }
        connection.Execute(
            $"create table if not exists {Table} (path varchar primary key, size bigint, modified_ticks bigint, content_hash varchar, "
            + "entity varchar, file_order integer, run_id varchar, app_build varchar)");
    }

    public static Dictionary<string, InputFile> Read(DuckDBConnection connection)
    {
        Ensure(connection);
        using var command = connection.Command($"select path, size, modified_ticks, content_hash, entity, file_order from {Table} order by path");
        using var reader = command.ExecuteReader();
        var files = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var file = new InputFile(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5));
            files[file.Path] = file;
        }
        return files;
    }

    /// <summary>Whether a build of the app other than <paramref name="build"/> loaded any of the files.</summary>
    public static bool LoadedByOtherBuild(DuckDBConnection connection, string build)
    {
        Ensure(connection);
        return connection.Scalar<long>($"select count(*) from {Table} where app_build is distinct from $1", build) > 0;
    }

    /// <summary>After a full ingest: the list becomes exactly these files.</summary>
    public static void Replace(DuckDBConnection connection, IReadOnlyList<InputFile> files, string runId)
    {
        Ensure(connection);
        using var transaction = connection.BeginTransaction();
        connection.Execute($"delete from {Table}");
        Insert(connection, files, runId);
        transaction.Commit();
    }

    /// <summary>After an appending ingest: these files join the list.</summary>
    public static void Append(DuckDBConnection connection, IReadOnlyList<InputFile> files, string runId)
    {
        Ensure(connection);
        using var transaction = connection.BeginTransaction();
        Insert(connection, files, runId);
        transaction.Commit();
    }

    /// <summary>An ingest that cannot be tracked (a SQL source): nothing is known to be loaded.</summary>
    public static void Clear(DuckDBConnection connection)
    {
        Ensure(connection);
        connection.Execute($"delete from {Table}");
    }

    /// <summary>Files whose time changed but whose content did not keep their row, with the new time, so they are not hashed again.</summary>
    public static void RefreshTimes(DuckDBConnection connection, IEnumerable<InputFile> files)
    {
        foreach (var file in files)
        {
            connection.Execute($"update {Table} set modified_ticks = $1 where path = $2", file.ModifiedTicks, file.Path);
        }
    }

    private static void Insert(DuckDBConnection connection, IReadOnlyList<InputFile> files, string runId)
    {
        foreach (var file in files)
        {
            connection.Execute($"insert or replace into {Table} values ($1, $2, $3, $4, $5, $6, $7, $8)",
                file.Path, file.Size, file.ModifiedTicks, file.ContentHash, file.Entity, file.Order, runId, AppBuild.Id);
        }
    }
}
