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
        var readers = Readers.Open(connection, entity, files);
        var table = LandingColumns.TableFor(entity.Name);
        CreateTable(connection, entity, table, readers.Names);
        return Load(connection, files, options, readers, table, (_, select) => select);
    }

    /// <summary>
    /// Lands and checks in one pass: each file's rows go from its reader through <see cref="CheckedRowsSql"/> straight
    /// into <see cref="LandedEntityTyper.CheckedTable"/> (a temp table of typed columns, the errors and the bookkeeping columns), with
    /// no VARCHAR landing table in between: writing and reading that table again was a fifth of the CPU time of
    /// usage_daily's ingest at L. Rejects and lines are the same as landing's: the structural rejects are collected file
    /// by file and the lines mapped in the checked table, which carries <c>_file</c> and <c>_line</c> through.
    /// </summary>
    /// <returns>What was read, and the columns of the files (contract, extra and bookkeeping) as typing takes them.</returns>
    public static (LandingResult Landing, IReadOnlyList<string> Columns) LandChecked(DuckDBConnection connection, EntitySpec entity,
        IReadOnlyList<ExtractFile> files, IngestOptions options)
    {
        var readers = Readers.Open(connection, entity, files);
        var columns = Ordered(entity, readers.Names).Concat(LandingColumns.Bookkeeping).ToList();
        var table = LandedEntityTyper.CheckedTable;
        using var zone = SessionTimeZone.Use(connection, options.Timezone);
        connection.Execute($"create or replace temp table {table} as {CheckedRowsSql.Build(entity, columns, LandingColumns.Empty(columns), window: options.Plausible)}");
        var landing = Load(connection, files, options, readers, table, (header, select) =>
            CheckedRowsSql.Build(entity, [.. header, .. LandingColumns.Bookkeeping], $"({select})", window: options.Plausible));
        return (landing, columns);
    }

    /// <summary>The files' readers (header checked), and the union of their columns in file order.</summary>
    private sealed record Readers(List<CsvExtractReader> Csv, List<ParquetExtractReader> Parquet, List<string> Names)
    {
        public static Readers Open(DuckDBConnection connection, EntitySpec entity, IReadOnlyList<ExtractFile> files)
        {
            var readers = new Readers([], [], []);
            foreach (var file in files)
            {
                IReadOnlyList<string> header;
                if (file.Format == ExtractFormat.Csv)
                {
                    var reader = CsvExtractReader.Open(entity, file);
                    readers.Csv.Add(reader);
                    header = reader.Header;
                }
                else
                {
                    var reader = ParquetExtractReader.Open(connection, entity, file);
                    readers.Parquet.Add(reader);
                    header = reader.Header;
                }
                readers.Names.AddRange(header.Where(h => !readers.Names.Contains(h, StringComparer.Ordinal)));
            }
            return readers;
        }
    }

    /// <summary>
    /// Inserts every file's rows into <paramref name="table"/>, as <paramref name="rows"/> makes them of the file's header
    /// and its reader's query.
    /// </summary>
    private static LandingResult Load(DuckDBConnection connection, IReadOnlyList<ExtractFile> files, IngestOptions? options, Readers readers, string table,
        Func<IReadOnlyList<string>, string, string> rows)
    {
        long landedRows = 0, rejected = 0;
        foreach (var reader in readers.Csv)
        {
            try
            {
                var landed = Insert(connection, table, reader, rows);
                var (map, records) = reader.CollectRejects(connection, landed, options);
                LineMapUpdate.Apply(connection, table, reader.File.Path, map);
                if (reader.StrayRecords.Count > 0)
                {
                    landed -= connection.Execute($"delete from {Sql.Identifier(table)} where {LandingColumns.File} = {Sql.Literal(reader.File.Path)} "
                        + $"and {LandingColumns.Line} in ({string.Join(", ", reader.StrayRecords.Select(r => r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)))})");
                }
                landedRows += landed;
                rejected += records;
            }
            finally
            {
                reader.DeleteCleanCopy();
            }
        }
        foreach (var reader in readers.Parquet)
        {
            landedRows += connection.Execute($"insert into {Sql.Identifier(table)} by name {rows(reader.Header, reader.SelectSql())}");
        }
        CsvExtractReader.ResetRejects(connection);
        var bytes = files.Sum(f => new FileInfo(f.Path).Length);
        return new LandingResult(files.Select(f => f.Path).ToList(), landedRows, rejected, bytes);
    }

    /// <summary>
    /// Lands one CSV file. When DuckDB's reader stops on bytes it cannot parse, the file is cleaned
    /// (<see cref="CsvExtractReader.Clean"/>) and read again; when it still cannot continue, the error names the file
    /// and the last line landed before it.
    /// </summary>
    private static long Insert(DuckDBConnection connection, string table, CsvExtractReader reader, Func<IReadOnlyList<string>, string, string> rows)
    {
        var sql = $"insert into {Sql.Identifier(table)} by name ";
        CsvExtractReader.ResetRejects(connection);
        try
        {
            return connection.Execute(sql + rows(reader.Header, reader.SelectSql()));
        }
        catch (DuckDBException ex) when (reader.ReadPath == reader.File.Path && reader.Clean())
        {
            _ = ex;
        }
        CsvExtractReader.ResetRejects(connection);
        try
        {
            return connection.Execute(sql + rows(reader.Header, reader.SelectSql()));
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

    /// <summary>The contract columns among <paramref name="names"/> in contract order, then the extras.</summary>
    private static IEnumerable<string> Ordered(EntitySpec entity, List<string> names) =>
        entity.Columns.Select(c => c.Name).Where(n => names.Contains(n, StringComparer.Ordinal)).Concat(CheckedRowsSql.ExtraColumns(entity, names));

    private static void CreateTable(DuckDBConnection connection, EntitySpec entity, string table, List<string> names)
    {
        var columns = Ordered(entity, names).Concat(LandingColumns.Bookkeeping).Select(n => $"{Sql.Identifier(n)} {LandingColumns.TypeOf(n)}");
        // A temp table: landing is dropped once typed, so it skips the write-ahead log and compression (a third of
        // the time of a persistent table for 2.4M usage_daily rows), and spills to the temp folder when it must. A
        // persistent one of the same name, left by a run killed mid-ingest before this change, is dropped first.
        connection.Execute($"drop table if exists {Sql.Identifier(table)}");
        connection.Execute($"create or replace temp table {Sql.Identifier(table)} ({string.Join(", ", columns)})");
    }
}
