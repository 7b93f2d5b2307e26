using System.Globalization;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>Reads one Parquet file through DuckDB, every column cast to VARCHAR so typing is the same as for CSV.</summary>
public sealed class ParquetExtractReader
{
    private readonly IReadOnlyList<string> _sourceNames;

    private ParquetExtractReader(ExtractFile file, IReadOnlyList<string> sourceNames, IReadOnlyList<string> header)
    {
        File = file;
        _sourceNames = sourceNames;
        Header = header;
    }

    public ExtractFile File { get; }

    /// <summary>Normalized column names (see <see cref="CsvHeader.Normalize"/>).</summary>
    public IReadOnlyList<string> Header { get; }

    public static ParquetExtractReader Open(DuckDBConnection connection, EntitySpec entity, ExtractFile file)
    {
        var names = new List<string>();
        using (var command = connection.Command($"select column_name from (describe select * from read_parquet({Sql.Literal(file.Path)}))"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        var header = CsvHeader.Normalize(names);
        foreach (var column in entity.RequiredColumns)
        {
            if (!header.Contains(column.Name, StringComparer.Ordinal))
            {
                throw new MissingColumnException(file.Path, entity.Name, column.Name);
            }
        }
        return new ParquetExtractReader(file, names, header);
    }

    /// <summary>The file's columns as VARCHAR under their normalized names, <c>_file</c>, <c>_line</c> (1-based row), <c>_file_order</c>.</summary>
    public string SelectSql()
    {
        var columns = string.Join(", ", _sourceNames.Select((s, i) => $"cast({Sql.Identifier(s)} as varchar) as {Sql.Identifier(Header[i])}"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            select {columns}, {Sql.Literal(File.Path)} as {LandingColumns.File}, ordinality as {LandingColumns.Line},
                {File.Order} as {LandingColumns.FileOrder}
            from read_parquet({Sql.Literal(File.Path)}) with ordinality
            """);
    }
}
