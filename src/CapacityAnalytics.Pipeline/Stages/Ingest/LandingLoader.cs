using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Loads an entity's canonical files into <c>land_&lt;entity&gt;</c>: all VARCHAR, the union of the files' columns
/// (contract columns first, in contract order, then extras), plus <c>_file</c>, <c>_line</c>, <c>_file_order</c>.
/// Every header is checked before any data is read, so a missing required column fails fast.
/// </summary>
public static class LandingLoader
{
    public static LandingResult Land(DuckDBConnection connection, EntitySpec entity, IReadOnlyList<ExtractFile> files, IngestOptions? options = null)
    {
        var csv = new List<CsvExtractReader>();
        var parquet = new List<ParquetExtractReader>();
        var names = new List<string>();
        foreach (var file in files)
        {
            IReadOnlyList<string> header;
            if (file.Format == ExtractFormat.Csv)
            {
                var reader = CsvExtractReader.Open(entity, file);
                csv.Add(reader);
                header = reader.Header;
            }
            else
            {
                var reader = ParquetExtractReader.Open(connection, entity, file);
                parquet.Add(reader);
                header = reader.Header;
            }
            names.AddRange(header.Where(h => !names.Contains(h, StringComparer.Ordinal)));
        }
        var table = LandingColumns.TableFor(entity.Name);
        CreateTable(connection, entity, table, names);
        long rows = 0, rejected = 0;
        foreach (var reader in csv)
        {
            try
            {
                var landed = Insert(connection, table, reader);
                var (map, records) = reader.CollectRejects(connection, landed, options);
                LineMapUpdate.Apply(connection, table, reader.File.Path, map);
                if (reader.StrayRecords.Count > 0)
                {
                    landed -= connection.Execute($"delete from {Sql.Identifier(table)} where {LandingColumns.File} = {Sql.Literal(reader.File.Path)} "
                        + $"and {LandingColumns.Line} in ({string.Join(", ", reader.StrayRecords.Select(r => r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)))})");
                }
                rows += landed;
                rejected += records;
            }
            finally
            {
                reader.DeleteCleanCopy();
            }
        }
        foreach (var reader in parquet)
        {
            rows += connection.Execute($"insert into {Sql.Identifier(table)} by name {reader.SelectSql()}");
        }
        CsvExtractReader.ResetRejects(connection);
        var bytes = files.Sum(f => new FileInfo(f.Path).Length);
        return new LandingResult(files.Select(f => f.Path).ToList(), rows, rejected, bytes);
    }

    /// <summary>
    /// Lands one CSV file. When DuckDB's reader stops on bytes it cannot parse, the file is cleaned
    /// (<see cref="CsvExtractReader.Clean"/>) and read again; when it still cannot continue, the error names the file
    /// and the last line landed before it.
    /// </summary>
    private static long Insert(DuckDBConnection connection, string table, CsvExtractReader reader)
    {
        var sql = $"insert into {Sql.Identifier(table)} by name ";
        CsvExtractReader.ResetRejects(connection);
        try
        {
            return connection.Execute(sql + reader.SelectSql());
        }
        catch (DuckDBException ex) when (reader.ReadPath == reader.File.Path && reader.Clean())
        {
            _ = ex;
        }
        CsvExtractReader.ResetRejects(connection);
        try
        {
            return connection.Execute(sql + reader.SelectSql());
        }
        catch (DuckDBException ex)
        {
            throw Unreadable(connection, reader, ex);
        }
    }

    private static IngestException Unreadable(DuckDBConnection connection, CsvExtractReader reader, DuckDBException ex)
    {
        long reached;
        try
        {
            CsvExtractReader.ResetRejects(connection);
            reached = connection.Scalar<long>($"select coalesce(max({LandingColumns.Line}), 1) from ({reader.SelectSql(ignoreErrors: true)})");
        }
        catch (DuckDBException)
        {
            reached = 1;
        }
        return new IngestException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{reader.File.Path}:{reached}: DuckDB's CSV reader cannot continue after line {reached}: {ex.Message.Split('\n')[0]} Check the file's bytes after that line (an encoding other than UTF-8, binary data)."), ex);
    }

    private static void CreateTable(DuckDBConnection connection, EntitySpec entity, string table, List<string> names)
    {
        var ordered = entity.Columns.Select(c => c.Name).Where(n => names.Contains(n, StringComparer.Ordinal))
            .Concat(CheckedRowsSql.ExtraColumns(entity, names));
        var columns = ordered.Select(n => Sql.Identifier(n) + " varchar")
            .Append($"{LandingColumns.File} varchar")
            .Append($"{LandingColumns.Line} bigint")
            .Append($"{LandingColumns.FileOrder} integer");
        // A temp table: landing is dropped once typed, so it skips the write-ahead log and compression (a third of
        // the time of a persistent table for 2.4M usage_daily rows), and spills to the temp folder when it must. A
        // persistent one of the same name, left by a run killed mid-ingest before this change, is dropped first.
        connection.Execute($"drop table if exists {Sql.Identifier(table)}");
        connection.Execute($"create or replace temp table {Sql.Identifier(table)} ({string.Join(", ", columns)})");
    }
}
