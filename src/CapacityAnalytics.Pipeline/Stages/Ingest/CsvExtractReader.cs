using System.Globalization;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Reads one canonical CSV file through DuckDB's own reader. The header is read here (so the dialect is fixed, never
/// sniffed), the columns are passed positionally, and structurally bad records (wrong column count, bad quoting,
/// bad UTF-8) go to DuckDB's rejects tables instead of failing the file; <see cref="CollectRejects"/> turns them into
/// <see cref="RejectsTable"/> rows at their physical lines.
/// </summary>
public sealed class CsvExtractReader
{
    private const string ErrorsTable = "_ingest_csv_errors";
    private const string ScansTable = "_ingest_csv_scans";

    private CsvExtractReader(EntitySpec entity, ExtractFile file, IReadOnlyList<string> header)
    {
        Entity = entity;
        File = file;
        Header = header;
        ReadPath = file.Path;
    }

    public EntitySpec Entity { get; }

    /// <summary>The file DuckDB reads: the extract, or its cleaned copy after <see cref="Clean"/>.</summary>
    public string ReadPath { get; private set; } = "";

    /// <summary>Records <see cref="Clean"/> found unreadable, with their reasons; they are rejected and left out of landing.</summary>
    public IReadOnlyList<(long Line, string Reason)> StrayRecords { get; private set; } = [];

    public ExtractFile File { get; }

    /// <summary>Normalized header names (see <see cref="CsvHeader"/>).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Reads the header and fails with <see cref="MissingColumnException"/> when a required column is absent.</summary>
    public static CsvExtractReader Open(EntitySpec entity, ExtractFile file)
    {
        var header = CsvHeader.Read(file.Path);
        foreach (var column in entity.RequiredColumns)
        {
            if (!header.Contains(column.Name, StringComparer.Ordinal))
            {
                throw new MissingColumnException(file.Path, entity.Name, column.Name);
            }
        }
        return new CsvExtractReader(entity, file, header);
    }

    /// <summary>Drops the DuckDB rejects tables so the next scan's errors are the only ones in them.</summary>
    public static void ResetRejects(DuckDBConnection connection)
    {
        connection.Execute($"drop table if exists {ErrorsTable}");
        connection.Execute($"drop table if exists {ScansTable}");
    }

    /// <summary>
    /// A query yielding the header's columns (VARCHAR, normalized names), <c>_file</c>, <c>_line</c> as the row's
    /// ordinal + 1 (right for files of one-line records; see <see cref="CsvLineMap"/>) and <c>_file_order</c>.
    /// </summary>
    /// <param name="ignoreErrors">Skip structural errors without recording them (for a second read of the same file).</param>
    /// <param name="numbered">False for an aggregation that needs no lines: DuckDB may then read in parallel, out of order, and <c>_line</c> is NULL.</param>
    public string SelectSql(bool ignoreErrors = false, bool numbered = true)
    {
        var positional = "{" + string.Join(", ", Header.Select((_, i) => $"'c{i}': 'VARCHAR'")) + "}";
        var named = string.Join(", ", Header.Select((h, i) => $"c{i} as {Sql.Identifier(h)}"));
        var errors = ignoreErrors
            ? "ignore_errors = true"
            : $"store_rejects = true, rejects_table = '{ErrorsTable}', rejects_scan = '{ScansTable}'";
        return string.Create(CultureInfo.InvariantCulture, $"""
            select {named}, {Sql.Literal(File.Path)} as {LandingColumns.File}, {(numbered ? "ordinality + 1" : "null::bigint")} as {LandingColumns.Line},
                {File.Order} as {LandingColumns.FileOrder}
            from read_csv({Sql.Literal(ReadPath)}, auto_detect = false, header = true, delim = ',', quote = '"',
                escape = '"', parallel = {(numbered ? "false" : "true")}, columns = {positional}, {errors}){(numbered ? " with ordinality" : "")}
            """);
    }

    /// <summary>
    /// After a scan with store_rejects: builds the file's line map and appends its structural rejects (one row per
    /// DuckDB error; an unterminated quote at end of file, which DuckDB drops silently, is added here).
    /// </summary>
    /// <returns>The line map and the number of records rejected.</returns>
    /// <param name="options">The run's options: the extract's newlines counted before the run, if any
    /// (<see cref="IngestOptions.CountedLines"/>; not used for a cleaned copy).</param>
    public (CsvLineMap Map, long RejectedRecords) CollectRejects(DuckDBConnection connection, long rowsReturned, IngestOptions? options = null)
    {
        var errors = ReadErrors(connection);
        var counted = ReadPath == File.Path && options?.CountedLines is { } lines && lines.TryGetValue(File.Path, out var known) ? known : (LineCount?)null;
        var map = CsvLineMap.Build(ReadPath, rowsReturned, errors.Select(e => e.Record).Distinct().ToList(), counted);
        var rejects = errors.Select(e => new IngestReject(
            Entity.Name,
            File.Path,
            map.RejectedRecordLines.TryGetValue(e.Record, out var line) ? line : e.Record,
            e.Column,
            e.Line,
            e.Reason)).ToList();
        if (map.UnterminatedQuoteLine is { } open)
        {
            rejects.Add(new IngestReject(Entity.Name, File.Path, open, null, null,
                "unterminated quote: this record and the rest of the file were not read"));
        }
        rejects.AddRange(StrayRecords.Select(r => new IngestReject(Entity.Name, File.Path, r.Line, null, null, r.Reason)));
        RejectsTable.Append(connection, rejects);
        var records = errors.Select(e => e.Record).Distinct().LongCount() + (map.UnterminatedQuoteLine is null ? 0 : 1) + StrayRecords.Count;
        return (map, records);
    }

    /// <summary>
    /// When DuckDB's reader cannot continue (a carriage return alone inside an unquoted field, a NUL byte): finds each
    /// such record by one RFC 4180 scan, and writes a copy of the file, line for line, with those bytes blanked, which
    /// <see cref="SelectSql"/> then reads. The records are rejected with their lines (<see cref="StrayRecords"/>) and
    /// the caller removes them from landing. Returns false when the scan finds nothing to clean.
    /// </summary>
    public bool Clean()
    {
        var bytes = System.IO.File.ReadAllBytes(File.Path);
        var stray = new SortedDictionary<long, string>();
        long line = 1;
        var lineStart = 0;
        var quoted = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == (byte)'"') quoted = !quoted;
            else if (b == (byte)'\n')
            {
                BlankInvalidUtf8(bytes, lineStart, i, line, stray);
                line++;
                lineStart = i + 1;
            }
            else if (b == (byte)'\r' && !quoted && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'))
            {
                stray.TryAdd(line, "a carriage return alone inside an unquoted field (quote the field or remove the byte)");
                bytes[i] = (byte)' ';
            }
            else if (b == 0)
            {
                stray.TryAdd(line, "a NUL byte (binary data in a text file)");
                bytes[i] = (byte)' ';
            }
        }
        BlankInvalidUtf8(bytes, lineStart, bytes.Length, line, stray);
        if (stray.Count == 0) return false;
        var copy = Path.Combine(Path.GetTempPath(), "capacity-clean-" + Guid.NewGuid().ToString("N") + ".csv");
        System.IO.File.WriteAllBytes(copy, bytes);
        ReadPath = copy;
        StrayRecords = [.. stray.Select(s => (s.Key, s.Value))];
        return true;
    }

    /// <summary>
    /// A line that is not valid UTF-8 is left out of the cleaned copy's read too: DuckDB would reject it itself, and a
    /// record it drops shifts the ordinals the stray records are removed by, so another good record would go instead.
    /// </summary>
    private static void BlankInvalidUtf8(byte[] bytes, int start, int end, long line, SortedDictionary<long, string> stray)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start, end - start))) return;
        stray.TryAdd(line, "invalid encoding: not UTF-8 (save the file as UTF-8)");
        for (var i = start; i < end; i++)
        {
            if (bytes[i] >= 0x80) bytes[i] = (byte)' ';
        }
    }

    /// <summary>Deletes the cleaned copy, if any.</summary>
    public void DeleteCleanCopy()
    {
        if (ReadPath != File.Path && System.IO.File.Exists(ReadPath)) System.IO.File.Delete(ReadPath);
    }

    private string? HeaderName(string positional) =>
        positional.Length > 1 && int.TryParse(positional.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < Header.Count
            ? Header[i]
            : null;

    private List<(long Record, string? Column, string? Line, string Reason)> ReadErrors(DuckDBConnection connection)
    {
        var result = new List<(long, string?, string?, string)>();
        if (!connection.Scalar<bool>($"select count(*) > 0 from duckdb_tables() where table_name = '{ErrorsTable}'"))
        {
            return result;
        }
        using var command = connection.Command($"""
            select e.line, e.column_name, e.error_type, e.error_message, e.csv_line
            from {ErrorsTable} e join {ScansTable} s using (scan_id, file_id)
            where s.file_path = $1
            order by e.line, e.column_idx
            """, ReadPath);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var column = reader.IsDBNull(1) ? null : HeaderName(reader.GetString(1));
            var reason = reader.GetString(2).ToLowerInvariant() + ": " + reader.GetString(3);
            result.Add((reader.GetInt64(0), column, reader.IsDBNull(4) ? null : reader.GetString(4).Trim('\r', '\n'), reason));
        }
        return result;
    }
}
