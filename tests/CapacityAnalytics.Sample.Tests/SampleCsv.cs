using System.Globalization;
using CsvHelper;

namespace CapacityAnalytics.Sample.Tests;

/// <summary>A parsed CSV file of a sample company: its header and rows, read with CsvHelper (RFC 4180).</summary>
public sealed class SampleCsv
{
    private readonly Dictionary<string, int> _columns;

    private SampleCsv(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public static SampleCsv Read(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i);
            }
            rows.Add(record);
        }
        return new SampleCsv([.. reader.Headers], rows);
    }

    public int Column(string name) => _columns[name];

    public IEnumerable<string> Values(string column)
    {
        var i = Column(column);
        return Rows.Select(r => r[i]);
    }

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTime Timestamp(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
