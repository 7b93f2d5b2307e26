using System.Globalization;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CsvHelper;

namespace CapacityAnalytics.Bench;

/// <summary>What <see cref="NewDay.Write"/> added to an extract folder.</summary>
/// <param name="Day">The new day: the first working day after the latest activity, ticket or usage event.</param>
/// <param name="SourceDay">The day whose rows were copied: one week before <paramref name="Day"/> (the same weekday).</param>
/// <param name="Files">The files written, one per entity present (activities, tickets, usage_events).</param>
/// <param name="Seconds">How long reading the extracts and writing the files took.</param>
public sealed record NewDayResult(DateOnly Day, DateOnly SourceDay, IReadOnlyList<BenchFile> Files, double Seconds)
{
    public long Rows => Files.Sum(f => f.Rows);

    public long Bytes => Files.Sum(f => f.Bytes);

    public long RowsOf(string entity) => Files.Where(f => f.Entity == entity).Sum(f => f.Rows);
}

/// <summary>
/// Adds one more day of data to an extract folder as new files (<c>activities_&lt;day&gt;.csv</c>,
/// <c>tickets_&lt;day&gt;.csv</c>, <c>usage_events_&lt;day&gt;.csv</c>), the way a daily export would arrive. The day is
/// the first working day after the latest day of those three entities (activities' <c>occurred_at</c>, tickets'
/// <c>created_at</c>, usage events' <c>occurred_at</c>): the first one whose weekday a week earlier has activities, so
/// that the day brings activities as a working day's export does (a day after a Friday is the Monday; the weekend in
/// between stays without rows). Its rows are the rows of the same weekday one week earlier (the last full day of that
/// weekday), every timestamp moved 7 days on, activities and tickets with fresh ids (<see cref="IdSuffix"/>).
/// A ticket's response or solve time that falls after the new day is blanked, with its status set as the export would
/// have it then (answered: open, not yet: new), since an export taken at the end of the day cannot know it. Usage
/// events have no id and are copied as they are. Timestamps keep their text: only the leading <c>YYYY-MM-DD</c> changes.
/// </summary>
public static class NewDay
{
    /// <summary>Appended to a copied row's id, so it cannot collide with the row it was copied from.</summary>
    public const string IdSuffix = "-D1";

    /// <summary>Days between the copied day and the new day: one week, so the new day has its weekday's load.</summary>
    public const int ShiftDays = 7;

    private static readonly EntitySpec[] Entities = [InputContract.Activities, InputContract.Tickets, InputContract.UsageEvents];

    /// <summary>Each entity's column that says which day a row belongs to.</summary>
    private static readonly Dictionary<string, string> DayColumn = new(StringComparer.Ordinal)
    {
        ["activities"] = "occurred_at",
        ["tickets"] = "created_at",
        ["usage_events"] = "occurred_at",
    };

    public static NewDayResult Write(string folder)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var extract = ExtractDiscovery.Discover(folder);
        var sources = Entities.ToDictionary(e => e.Name, e => CsvFiles(extract, e.Name), StringComparer.Ordinal);
        if (sources["activities"].Count == 0)
        {
            throw new IngestException($"{folder}: no activities CSV file; the new day adds activities to the extracts, so the folder needs one.");
        }
        // The latest day any of the three has a row on: activities stop on a Friday when the usage events go on into
        // the weekend, and a new day must not add events to a day the extract already has.
        var days = Entities.ToDictionary(e => e.Name, e => Days(sources[e.Name], DayColumn[e.Name]), StringComparer.Ordinal);
        var latest = days.Values.SelectMany(d => d).DefaultIfEmpty().Max();
        if (latest == default)
        {
            throw new IngestException($"{folder}: the activities, tickets and usage_events files hold no rows; the new day follows the latest of their dates, so they need some.");
        }
        // The first of the next seven days whose weekday a week earlier has activities; none of them: the day after.
        var day = Enumerable.Range(1, ShiftDays).Select(latest.AddDays).FirstOrDefault(d => days["activities"].Contains(d.AddDays(-ShiftDays)), latest.AddDays(1));
        var sourceDay = day.AddDays(-ShiftDays);
        var files = new List<BenchFile>();
        foreach (var entity in Entities.Where(e => sources[e.Name].Count > 0))
        {
            var name = FormattableString.Invariant($"{entity.Name}_{day:yyyy-MM-dd}.csv");
            var path = Path.Combine(folder, name);
            if (File.Exists(path)) throw new IngestException($"{path}: already exists; the new day is written into a folder once (remove the file or use a fresh folder).");
            var rows = WriteEntity(entity, sources[entity.Name], path, sourceDay, day);
            files.Add(new BenchFile(entity.Name, name, new FileInfo(path).Length, rows));
        }
        return new NewDayResult(day, sourceDay, files, watch.Elapsed.TotalSeconds);
    }

    /// <summary>A timestamp moved <paramref name="days"/> days on, its time and zone kept as written.</summary>
    public static string Shift(string timestamp, int days) =>
        (DayOf(timestamp) ?? throw new FormatException($"'{timestamp}' does not start with a YYYY-MM-DD date"))
            .AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + timestamp[10..];

    /// <summary>The date a timestamp's text starts with, or null when it does not start with <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly? DayOf(string timestamp) =>
        timestamp.Length >= 10 && DateOnly.TryParseExact(timestamp.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static List<string> CsvFiles(ExtractFolder extract, string entity) =>
        extract.FilesByEntity.TryGetValue(entity, out var files)
            ? [.. files.Where(f => f.Format == ExtractFormat.Csv).Select(f => f.Path)]
            : [];

    /// <summary>The days the files' rows belong to (by <paramref name="dayColumn"/>; blank ones left out).</summary>
    private static HashSet<DateOnly> Days(IReadOnlyList<string> paths, string dayColumn)
    {
        var days = new HashSet<DateOnly>();
        foreach (var path in paths)
        {
            using var reader = new Reader(path);
            var column = reader.Column(dayColumn);
            while (reader.Next())
            {
                if (reader.Day(column) is { } d) days.Add(d);
            }
        }
        return days;
    }

    private static long WriteEntity(EntitySpec entity, IReadOnlyList<string> sources, string path, DateOnly sourceDay, DateOnly day)
    {
        long rows = 0;
        string[]? header = null;
        using var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\n" });
        foreach (var source in sources)
        {
            using var reader = new Reader(source);
            if (header is null)
            {
                header = reader.Header;
                writer.WriteRecord(header);
            }
            var columns = ColumnsIn(reader.Header, header, source);
            var dayColumn = reader.Column(DayColumn[entity.Name]);
            var timestamps = entity.Columns.Where(c => c.Type == ColumnType.Timestamp)
                .Select(c => reader.OptionalColumn(c.Name)).OfType<int>().ToList();
            var id = entity.Key.Count == 1 ? reader.OptionalColumn(entity.Key[0]) : null;
            var copy = new Copy(entity, reader.Header, timestamps, id, day);
            while (reader.Next())
            {
                if (reader.Day(dayColumn) != sourceDay) continue;
                var record = copy.Shifted(reader);
                writer.WriteRecord([.. columns.Select(i => record[i])]);
                rows++;
            }
        }
        return rows;
    }

    /// <summary>Where each column of the output header is in a later file of the entity (its header must hold them all).</summary>
    private static int[] ColumnsIn(string[] fileHeader, string[] header, string path) =>
    [
        .. header.Select(name => Array.FindIndex(fileHeader, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw new IngestException($"{path}: line 1: no column '{name}', which the entity's first file has; give the entity's files the same columns.")),
    ];

    /// <summary>How one entity's row becomes the new day's row.</summary>
    private sealed class Copy(EntitySpec entity, string[] header, List<int> timestamps, int? id, DateOnly day)
    {
        private readonly int? _status = entity == InputContract.Tickets ? Index(header, "status") : null;
        private readonly int? _responded = entity == InputContract.Tickets ? Index(header, "first_response_at") : null;

        public string[] Shifted(Reader reader)
        {
            var record = reader.Fields();
            var blanked = false;
            foreach (var i in timestamps)
            {
                if (record[i].Length == 0) continue;
                if (DayOf(record[i]) is null) throw reader.Bad(i, record[i], "is not an ISO-8601 timestamp (YYYY-MM-DDThh:mm:ssZ)");
                record[i] = Shift(record[i], ShiftDays);
                if (DayOf(record[i]) > day)
                {
                    record[i] = "";
                    blanked = true;
                }
            }
            if (id is { } key && record[key].Length > 0) record[key] += IdSuffix;
            if (blanked && _status is { } status) record[status] = _responded is { } r && record[r].Length > 0 ? "open" : "new";
            return record;
        }

        private static int? Index(string[] header, string name) =>
            Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : null;
    }

    /// <summary>One extract file read record by record with CsvHelper (RFC 4180 quoting), with its header.</summary>
    private sealed class Reader : IDisposable
    {
        private readonly string _path;
        private readonly CsvReader _csv;

        public Reader(string path)
        {
            _path = path;
            _csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true, TrackLineNumbers = true });
            Header = [.. _csv.Headers];
            if (Header.Length == 0) throw new IngestException($"{path}: line 1: no header row; an extract file starts with its column names.");
        }

        public string[] Header { get; }

        public bool Next()
        {
            if (!_csv.Read()) return false;
            if (_csv.FieldCount != Header.Length)
            {
                throw new IngestException(FormattableString.Invariant(
                    $"{_path}: line {_csv.LineNumber}: {_csv.FieldCount} fields where the header has {Header.Length}; fix the row's quoting or its commas."));
            }
            return true;
        }

        /// <summary>The current record's fields, unquoted.</summary>
        public string[] Fields()
        {
            var fields = new string[Header.Length];
            for (var i = 0; i < fields.Length; i++) fields[i] = _csv.GetString(i);
            return fields;
        }

        public int Column(string name) => OptionalColumn(name)
            ?? throw new IngestException($"{_path}: line 1: no '{name}' column, which says which day a row belongs to; add it.");

        public int? OptionalColumn(string name) =>
            Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : null;

        /// <summary>The day of the row's timestamp in <paramref name="column"/>; null when it is blank.</summary>
        public DateOnly? Day(int column)
        {
            var value = _csv.GetString(column);
            if (value.Length == 0) return null;
            return DayOf(value) ?? throw Bad(column, value, "is not an ISO-8601 timestamp (YYYY-MM-DDThh:mm:ssZ)");
        }

        public IngestException Bad(int column, string value, string what) => new(FormattableString.Invariant(
            $"{_path}: line {_csv.LineNumber}, column {Header[column]}: '{value}' {what}; fix the value or re-export the file."));

        public void Dispose() => _csv.Dispose();
    }
}
