namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Maps the rows DuckDB's CSV reader returned (numbered 1.. in scan order) to the physical line where each record
/// starts. DuckDB numbers records, not lines: a quoted line break does not advance its count, blank lines do, and
/// its rejected records leave gaps. When the file's newline count equals header + rows + rejected records, every
/// record is one line and the map follows from the rejected record numbers alone (one vectorized newline count).
/// Otherwise one RFC 4180 scan of the bytes rebuilds the map. The scan also finds a quote left open at end of file,
/// which DuckDB drops without a reject.
/// </summary>
public sealed class CsvLineMap
{
    private const int BufferSize = 1 << 20;
    private readonly List<LineSegment> _segments;

    private CsvLineMap(List<LineSegment> segments, Dictionary<long, long> rejected, long? unterminated, bool scanned, long rows)
    {
        _segments = segments;
        RejectedRecordLines = rejected;
        UnterminatedQuoteLine = unterminated;
        Scanned = scanned;
        RowsMapped = rows;
    }

    /// <summary>Where the offset between row ordinal and line changes; the first starts at ordinal 1.</summary>
    public IReadOnlyList<LineSegment> Segments => _segments;

    /// <summary>DuckDB record number (header = 1) of each rejected record -> its physical start line.</summary>
    public IReadOnlyDictionary<long, long> RejectedRecordLines { get; }

    /// <summary>The line of a record whose quote never closes; DuckDB silently drops it and the rest of the file.</summary>
    public long? UnterminatedQuoteLine { get; }

    /// <summary>True when the full scan ran (the file has multi-line records, blank lines or an open quote).</summary>
    public bool Scanned { get; }

    /// <summary>Rows the map accounts for; equals the rows DuckDB returned when the two parsers agree.</summary>
    public long RowsMapped { get; }

    /// <summary>True when ordinal + 1 is every row's line, so the landing table needs no update.</summary>
    public bool IsIdentity => _segments.Count == 0 || (_segments.Count == 1 && _segments[0].Offset == 1);

    public long LineOf(long ordinal)
    {
        var offset = 1L;
        foreach (var segment in _segments)
        {
            if (segment.FromOrdinal > ordinal)
            {
                break;
            }
            offset = segment.Offset;
        }
        return ordinal + offset;
    }

    /// <param name="path">The CSV file.</param>
    /// <param name="rows">Rows DuckDB returned for it.</param>
    /// <param name="rejectedRecords">DuckDB record numbers (its <c>reject_errors.line</c>) of rejected records.</param>
    /// <param name="counted">The file's newlines counted earlier (while its content was hashed), used when its size
    /// still matches; else they are counted here.</param>
    public static CsvLineMap Build(string path, long rows, IReadOnlyCollection<long> rejectedRecords, LineCount? counted = null)
    {
        var rejected = new SortedSet<long>(rejectedRecords);
        var lines = counted is { } known && known.Size == new FileInfo(path).Length ? known : CountLines(path);
        var physicalLines = lines.Size == 0 ? 0 : lines.Newlines + (lines.EndsWithNewline ? 0 : 1);
        return physicalLines == 1 + rows + rejected.Count ? FromRejectsOnly(rejected, rows) : Scan(path, rejected);
    }

    private static CsvLineMap FromRejectsOnly(SortedSet<long> rejected, long rows)
    {
        var builder = new SegmentBuilder();
        var line = 2L;
        foreach (var reject in rejected)
        {
            builder.Rows(line, reject - line);
            line = reject + 1;
        }
        builder.Rows(line, rows - builder.Ordinal);
        return new CsvLineMap(builder.Segments, rejected.ToDictionary(r => r, r => r), null, scanned: false, builder.Ordinal);
    }

    /// <summary>The file's newlines, whether it ends with one, and its size in bytes: one vectorized pass.</summary>
    public static LineCount CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BufferSize];
        long count = 0, size = 0;
        var last = (byte)0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
            size += read;
        }
        return new LineCount(count, last == (byte)'\n', size);
    }

    private static CsvLineMap Scan(string path, SortedSet<long> rejected)
    {
        var scanner = new Rfc4180Scanner(rejected);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            scanner.Feed(buffer.AsSpan(0, read));
        }
        var unterminated = scanner.Finish();
        return new CsvLineMap(scanner.Builder.Segments, scanner.RejectedLines, unterminated, scanned: true, scanner.Builder.Ordinal);
    }

    private sealed class SegmentBuilder
    {
        private long _offset = long.MinValue;

        public List<LineSegment> Segments { get; } = [];

        public long Ordinal { get; private set; }

        /// <summary>A run of <paramref name="count"/> rows, one per line, starting at <paramref name="firstLine"/>.</summary>
        public void Rows(long firstLine, long count)
        {
            if (count <= 0)
            {
                return;
            }
            Row(firstLine);
            Ordinal += count - 1;
        }

        public void Row(long line)
        {
            Ordinal++;
            var offset = line - Ordinal;
            if (offset != _offset)
            {
                Segments.Add(new LineSegment(Ordinal, offset));
                _offset = offset;
            }
        }
    }

    /// <summary>The RFC 4180 record structure as DuckDB's reader sees it: a quote opens only at a field's start.</summary>
    private sealed class Rfc4180Scanner(SortedSet<long> rejected)
    {
        private bool _inQuote;
        private bool _quotePending;
        private bool _atFieldStart = true;
        private bool _hasContent;
        private long _line = 1;
        private long _recordLine = 1;
        private long _record;

        public SegmentBuilder Builder { get; } = new();

        public Dictionary<long, long> RejectedLines { get; } = [];

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (_inQuote)
                {
                    if (_quotePending)
                    {
                        _quotePending = false;
                        if (b == (byte)'"')
                        {
                            continue;
                        }
                        _inQuote = false;
                    }
                    else
                    {
                        if (b == (byte)'"')
                        {
                            _quotePending = true;
                        }
                        else if (b == (byte)'\n')
                        {
                            _line++;
                        }
                        continue;
                    }
                }
                switch (b)
                {
                    case (byte)'\n':
                        EndRecord();
                        _line++;
                        _recordLine = _line;
                        break;
                    case (byte)'\r':
                        break;
                    case (byte)',':
                        _hasContent = true;
                        _atFieldStart = true;
                        break;
                    case (byte)'"' when _atFieldStart:
                        _hasContent = true;
                        _inQuote = true;
                        _atFieldStart = false;
                        break;
                    default:
                        _hasContent = true;
                        _atFieldStart = false;
                        break;
                }
            }
        }

        /// <summary>Ends the last record; returns the start line of a record whose quote never closed.</summary>
        public long? Finish()
        {
            if (_inQuote && !_quotePending)
            {
                return _recordLine;
            }
            EndRecord();
            return null;
        }

        private void EndRecord()
        {
            var hadContent = _hasContent;
            _hasContent = false;
            _atFieldStart = true;
            if (!hadContent && _record > 0)
            {
                _record++;
                return;
            }
            if (!hadContent)
            {
                return;
            }
            _record++;
            if (_record == 1)
            {
                return;
            }
            if (rejected.Contains(_record))
            {
                RejectedLines[_record] = _recordLine;
            }
            else
            {
                Builder.Row(_recordLine);
            }
        }
    }
}

/// <summary>A file's newline count, whether its last byte is a newline, and its size when counted.</summary>
public readonly record struct LineCount(long Newlines, bool EndsWithNewline, long Size);
