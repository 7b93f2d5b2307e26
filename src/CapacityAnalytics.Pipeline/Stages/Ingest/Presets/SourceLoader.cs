using System.Globalization;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Loads a source's files into DuckDB: each file with <c>read_csv</c> (all VARCHAR, header, RFC 4180 quoting), its
/// headers normalized (<see cref="HeaderNormalizer"/>), its records numbered with their physical line (header = 1,
/// quoted line breaks counted; blank lines DuckDB skips are not); then one view over all files, union by name,
/// with the source's null tokens read as NULL, declared columns normalized by type and absent declared columns as
/// NULL; then, when the source has a <c>where</c> or a <c>collapse</c>, a view of the kept rows, one per key.
/// </summary>
internal sealed class SourceLoader(DuckDBConnection connection, Preset preset, PresetReportBuilder report)
{
    private const int WideFileColumns = 100;

    private static readonly string[] Helpers = ["__seq", "__n"];

    public SourceTable Load(PresetSource source, string extractFolder)
    {
        var files = SourceFileFinder.Find(extractFolder, source);
        if (files.Count == 0 && source.Required)
        {
            throw new PresetSourceMissingException(
                $"Preset '{preset.Name}': no file for source '{source.Name}' in {extractFolder} (expected a file matching {source.Patterns}).");
        }
        if (files.Count == 0)
        {
            report.Quirk(PresetQuirks.AbsentSource, source.Name, 0, $"no file matching {source.Patterns}; read as empty");
        }

        var tables = new List<string>();
        var columns = new List<string>();
        long rows = 0;
        var maxColumns = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var table = $"__preset_{source.Name}_{i + 1}";
            var fileColumns = LoadFile(source, files[i], i + 1, table);
            tables.Add(table);
            columns.AddRange(fileColumns.Where(c => !columns.Contains(c)));
            maxColumns = Math.Max(maxColumns, fileColumns.Count);
            rows += connection.ScalarLong($"select count(*) from {Sql.Identifier(table)}");
        }

        var view = $"__preset_src_{source.Name}";
        connection.Execute($"create or replace temp view {Sql.Identifier(view)} as {ViewSql(source, tables, columns)}");
        if (tables.Count > 0)
        {
            CountValueQuirks(source, tables, columns, rows);
        }
        if (source.Where is not null || source.Collapse is not null)
        {
            view = Derive(source, view, columns, rows);
        }
        return new SourceTable(source, view, tables, files, columns, rows, maxColumns);
    }

    private List<string> LoadFile(PresetSource source, string path, int fileOrder, string table)
    {
        var shape = FileShape.Scan(path);
        var name = Path.GetFileName(path);
        if (shape.MixedLineEndings)
        {
            report.Quirk(PresetQuirks.MixedLineEndings, name, 1, string.Create(CultureInfo.InvariantCulture, $"{shape.CrLf} CRLF, {shape.Lf} LF"));
        }
        if (!shape.EndsWithNewline)
        {
            report.Quirk(PresetQuirks.MissingTrailingNewline, name, 1, "");
        }
        if (shape.HasBom)
        {
            report.Quirk(PresetQuirks.ByteOrderMark, name, 1, "");
        }

        const string raw = "__preset_raw";
        ReadCsv(path, raw, name);
        var headers = connection.Strings($"select name from pragma_table_info('{raw}') order by cid");
        var normalized = HeaderNormalizer.NormalizeAll(headers)
            .Select(n => source.Aliases.TryGetValue(n, out var alias) ? alias : n)
            .ToList();
        if (headers.Count >= WideFileColumns)
        {
            report.Quirk(PresetQuirks.WideFile, name, 1, string.Create(CultureInfo.InvariantCulture, $"{headers.Count} columns"));
        }
        var missing = source.RequiredColumns.Where(c => !normalized.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new PresetSourceMissingException(
                $"Preset '{preset.Name}': file {path} (source '{source.Name}') has no column {string.Join(", ", missing)}; its columns read as: {string.Join(", ", normalized.Take(20))}{(normalized.Count > 20 ? ", ..." : "")}.");
        }
        if (preset.IsUserMapping)
        {
            RequireDeclaredColumns(source, path, normalized);
        }

        var renamed = headers.Zip(normalized, (h, n) => $"{Sql.Identifier(h)} as {Sql.Identifier(n)}");
        // Physical line of a record = 2 + sum over earlier records of (1 + line breaks inside their quoted cells).
        var all = string.Join(", ", headers.Select(Sql.Identifier));
        var breaks = $"(length(concat({all})) - length(replace(concat({all}), chr(10), '')))";
        connection.Execute($"""
            create or replace temp table {Sql.Identifier(table)} as
            select {string.Join(", ", renamed)},
                {Sql.Literal(path)} as _file,
                cast(2 + coalesce(sum(1 + {breaks}) over (order by rowid rows between unbounded preceding and 1 preceding), 0) as bigint) as _line,
                cast({fileOrder.ToString(CultureInfo.InvariantCulture)} as integer) as _file_order
            from {raw}
            order by rowid
            """);
        connection.Execute($"drop table {raw}");
        return normalized;
    }

    /// <summary>A user mapping names columns of the export: one it reads but the file lacks is the mapping's error.</summary>
    private void RequireDeclaredColumns(PresetSource source, string path, List<string> header)
    {
        foreach (var column in source.Columns.Where(c => !header.Contains(c.Name)))
        {
            var near = header
                .Where(h => h.Contains(column.Name, StringComparison.Ordinal) || column.Name.Contains(h, StringComparison.Ordinal))
                .Take(3)
                .ToList();
            var hint = near.Count > 0
                ? $"did you mean {string.Join(" or ", near)}?"
                : $"the header has {string.Join(", ", header.Take(25))}{(header.Count > 25 ? ", ..." : "")}";
            throw new PresetMappingException(
                $"{preset.Lines.At(preset.DeclarationPath(source, column.Name))}: {path}:1: source '{source.Name}' reads column '{column.Name}', which the file's header does not have; change the name in the mapping ({hint}).");
        }
    }

    private void ReadCsv(string path, string table, string name)
    {
        const string options = "all_varchar = true, header = true, delim = ',', quote = '\"', escape = '\"'";
        try
        {
            connection.Execute($"create or replace temp table {table} as select * from read_csv({Sql.Literal(path)}, {options})");
        }
        catch (DuckDBException)
        {
            try
            {
                connection.Execute($"create or replace temp table {table} as select * from read_csv({Sql.Literal(path)}, {options}, strict_mode = false)");
                report.Quirk(PresetQuirks.RelaxedCsvParse, name, 1, "strict RFC 4180 read failed; read with strict_mode=false");
            }
            catch (DuckDBException e)
            {
                throw new PresetSourceMissingException($"Preset '{preset.Name}': cannot read {path} as CSV: {e.Gist()}", e);
            }
        }
    }

    private static string ViewSql(PresetSource source, List<string> tables, List<string> columns)
    {
        var declared = source.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var select = columns
            .Select(c => declared.TryGetValue(c, out var column)
                ? $"{Normalized(Cell(source, c), column)} as {Sql.Identifier(c)}"
                : $"{Cell(source, c)} as {Sql.Identifier(c)}")
            .Concat(source.Columns.Where(c => !columns.Contains(c.Name)).Select(c => $"cast(null as varchar) as {Sql.Identifier(c.Name)}"))
            .ToList();
        if (tables.Count == 0)
        {
            select.AddRange(["cast(null as varchar) as _file", "cast(null as bigint) as _line", "cast(null as integer) as _file_order"]);
            return $"select {string.Join(", ", select)} where false";
        }
        select.AddRange(["_file", "_line", "_file_order"]);
        return $"select {string.Join(", ", select)} from ({Union(tables)})";
    }

    internal static string Union(IReadOnlyList<string> tables) =>
        string.Join(" union all by name ", tables.Select(t => $"select * from {Sql.Identifier(t)}"));

    /// <summary>A raw cell with the source's null tokens read as NULL.</summary>
    private static string Cell(PresetSource source, string column)
    {
        var c = Sql.Identifier(column);
        return source.NullTokens.Count == 0
            ? c
            : $"(case when lower(trim({c})) in ({string.Join(", ", source.NullTokens.Select(Sql.Literal))}) then null else {c} end)";
    }

    private static string Normalized(string cell, PresetColumn column) => column.Type switch
    {
        PresetColumnType.Timestamp when column.FormatList.Count > 0 => Formatted(cell, column.FormatList, PresetSqlFunctions.NaiveTimestampFormat),
        PresetColumnType.Date when column.FormatList.Count > 0 => Formatted(cell, column.FormatList, "%Y-%m-%d"),
        PresetColumnType.Timestamp => $"preset_timestamp({cell})",
        PresetColumnType.Date => $"preset_date({cell})",
        PresetColumnType.Bool => $"preset_bool({cell})",
        _ => $"nullif(trim({cell}), '')",
    };

    /// <summary>
    /// A date/timestamp read with the mapping's explicit formats (or an Excel serial day number); the result has no
    /// zone, so the typing step reads it in the pipeline's timezone. Text no format matches passes through unchanged.
    /// </summary>
    private static string Formatted(string cell, IReadOnlyList<string> formats, string output) =>
        $"(case when nullif(trim({cell}), '') is null then null "
        + $"when preset_excel_ts({cell}) is not null then strftime(preset_excel_ts({cell}), '{output}') "
        + $"else coalesce(strftime(try_strptime(trim({cell}), {FormatList(formats)}), '{output}'), trim({cell})) end)";

    private static string FormatList(IReadOnlyList<string> formats) => "[" + string.Join(", ", formats.Select(Sql.Literal)) + "]";

    /// <summary>
    /// The source's rows filtered by its <c>where</c> and, for an event log, collapsed to one row per key: the
    /// key's latest row (by <c>order_by</c>, then file order, then line) with its file and line, plus the aggregates.
    /// </summary>
    private string Derive(PresetSource source, string view, List<string> columns, long rows)
    {
        var filtered = $"select * from {Sql.Identifier(view)}" + (source.Where is null ? "" : $" where {source.Where}");
        var query = filtered;
        if (source.Collapse is { } collapse)
        {
            if (collapse.Aggregates.FirstOrDefault(a => columns.Contains(a.Key)) is { Key: { } clash })
            {
                throw new PresetMappingException(
                    $"{preset.Lines.At($"{source.Path}/collapse")}: collapse output '{clash}' is already a column of source '{source.Name}'; give it another name.");
            }
            var keys = string.Join(", ", collapse.Keys.Select(Sql.Identifier));
            var window = $"partition by {keys} order by {collapse.OrderBy} nulls first, _file_order, _line";
            var previous = string.Concat(collapse.PreviousColumns.Select(c => $", lag({Sql.Identifier(c)}) over ({window}) as {Sql.Identifier("__prev_" + c)}"));
            var helpers = string.Join(", ", Helpers.Concat(collapse.PreviousColumns.Select(c => "__prev_" + c)).Select(Sql.Identifier));
            var aggregates = string.Concat(collapse.Aggregates.Select(a => $", {a.Value} as {Sql.Identifier(a.Key)}"));
            var outputs = string.Concat(collapse.Aggregates.Select(a => $", a.{Sql.Identifier(a.Key)}"));
            var join = string.Join(" and ", collapse.Keys.Select(k => $"o.{Sql.Identifier(k)} is not distinct from a.{Sql.Identifier(k)}"));
            query = $"""
                with __o as (
                    select *, row_number() over ({window}) as __seq, count(*) over (partition by {keys}) as __n{previous}
                    from ({filtered})
                ),
                __a as (
                    select {keys}{aggregates}
                    from __o
                    group by {keys}
                )
                select o.* exclude ({helpers}){outputs}
                from __o o
                join __a a on {join}
                where o.__seq = o.__n
                """;
        }
        var derived = $"__preset_view_{source.Name}";
        try
        {
            connection.Execute($"create or replace temp view {Sql.Identifier(derived)} as {query}");
            var kept = connection.ScalarLong($"select count(*) from ({filtered})");
            if (kept < rows)
            {
                report.Quirk(PresetQuirks.FilteredOut, source.Name, rows - kept,
                    string.Create(CultureInfo.InvariantCulture, $"{kept} of {rows} row(s) kept by 'where'"));
            }
            if (source.Collapse is { } c)
            {
                var after = connection.ScalarLong($"select count(*) from {Sql.Identifier(derived)}");
                report.Quirk(PresetQuirks.EventLogCollapsed, source.Name, kept,
                    string.Create(CultureInfo.InvariantCulture, $"{kept} event row(s) -> {after} row(s), one per {string.Join(" + ", c.Keys)}"));
            }
        }
        catch (DuckDBException e)
        {
            throw new PresetMappingException($"{preset.Lines.At(source.Path)}: source '{source.Name}': its where/collapse fails: {e.Gist()}", e);
        }
        return derived;
    }

    private void CountValueQuirks(PresetSource source, List<string> tables, List<string> columns, long rows)
    {
        var checks = new List<(string Kind, string Column, string Predicate)>();
        foreach (var column in source.Columns)
        {
            if (!columns.Contains(column.Name))
            {
                report.Quirk(PresetQuirks.AbsentColumn, $"{source.Name}.{column.Name}", rows, "read as NULL");
                continue;
            }
            checks.AddRange(ValueChecks(column, Cell(source, column.Name)).Select(c => (c.Kind, column.Name, c.Predicate)));
        }
        if (source.NullTokens.Count > 0)
        {
            var tokens = string.Join(", ", source.NullTokens.Select(Sql.Literal));
            checks.AddRange(columns.Select(c => (PresetQuirks.NullToken, c, $"lower(trim({Sql.Identifier(c)})) in ({tokens})")));
        }
        if (checks.Count == 0)
        {
            return;
        }
        var sums = checks.Select(c => $"count(*) filter (where {c.Predicate})");
        using var command = connection.CreateCommand();
        command.CommandText = $"select {string.Join(", ", sums)} from ({Union(tables)})";
        using var reader = command.ExecuteReader();
        reader.Read();
        for (var i = 0; i < checks.Count; i++)
        {
            var count = Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
            if (count > 0)
            {
                report.Quirk(checks[i].Kind, $"{source.Name}.{checks[i].Column}", count, "");
            }
        }
    }

    private static IEnumerable<(string Kind, string Predicate)> ValueChecks(PresetColumn column, string c)
    {
        if (column.FormatList.Count > 0)
        {
            yield return (PresetQuirks.ExcelSerial, $"preset_excel_ts({c}) is not null");
            yield return (PresetQuirks.UnparsedTimestamp,
                $"nullif(trim({c}), '') is not null and preset_excel_ts({c}) is null and try_strptime(trim({c}), {FormatList(column.FormatList)}) is null");
            yield break;
        }
        switch (column.Type)
        {
            case PresetColumnType.Timestamp:
            case PresetColumnType.Date:
                yield return (PresetQuirks.EpochMilliseconds, $"regexp_full_match(trim({c}), '-?[0-9]{{11,14}}')");
                yield return (PresetQuirks.EpochSeconds, $"regexp_full_match(trim({c}), '[0-9]{{9,10}}')");
                yield return (PresetQuirks.ExcelSerial, $"preset_excel_ts({c}) is not null");
                yield return (PresetQuirks.Rescaled1970Timestamp,
                    $"preset_parse_ts({c}) >= timestamp '1970-01-01' and preset_parse_ts({c}) < timestamp '1971-01-01'");
                var parse = column.Type == PresetColumnType.Date ? "preset_parse_date" : "preset_parse_ts";
                yield return (PresetQuirks.UnparsedTimestamp, $"nullif(trim({c}), '') is not null and {parse}({c}) is null");
                break;
            case PresetColumnType.Bool:
                yield return (PresetQuirks.BooleanSpelling, $"preset_bool({c}) in ('true', 'false') and trim({c}) not in ('true', 'false')");
                yield return (PresetQuirks.UnparsedBoolean, $"preset_bool({c}) not in ('true', 'false')");
                break;
            default:
                yield return (PresetQuirks.HashedValue, $"preset_is_hashed({c})");
                yield return (PresetQuirks.JsonCell, $"regexp_full_match(trim({c}), '(?s)[{{\\[].*[}}\\]]')");
                break;
        }
    }
}
