using System.Globalization;
using System.Text;
using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample;

/// <summary>
/// Streams one entity's canonical CSV file: the contract's header, comma separated, RFC 4180 quoting when needed,
/// invariant formatting, LF line endings, UTF-8 without BOM. Fields are written in the contract's column order and
/// every row is checked to have exactly one field per column.
/// </summary>
public sealed class CsvRowWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private readonly int _columns;
    private int _field;

    public CsvRowWriter(EntitySpec entity, string path)
    {
        Entity = entity;
        Path = path;
        _columns = entity.Columns.Count;
        _writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 20) { NewLine = "\n" };
        _writer.Write(string.Join(',', entity.Columns.Select(c => c.Name)));
        _writer.Write('\n');
    }

    public EntitySpec Entity { get; }

    public string Path { get; }

    public long Rows { get; private set; }

    /// <summary>A text field, quoted when it holds a comma, quote or line break.</summary>
    public CsvRowWriter Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return this;
        }
        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
        return this;
    }

    /// <summary>A text field known to need no quoting (identifiers, enumeration values).</summary>
    public CsvRowWriter Plain(string value)
    {
        Separator();
        _writer.Write(value);
        return this;
    }

    /// <summary>An identifier: a prefix and a zero-padded number (ACT-00000042).</summary>
    public CsvRowWriter Id(string prefix, long number, int digits)
    {
        Separator();
        Span<char> buffer = stackalloc char[prefix.Length + Math.Max(digits, 20)];
        prefix.AsSpan().CopyTo(buffer);
        var width = 1;
        for (var rest = number / 10; rest > 0; rest /= 10)
        {
            width++;
        }
        var length = prefix.Length + Math.Max(digits, width);
        for (var i = length - 1; i >= prefix.Length; i--)
        {
            buffer[i] = (char)('0' + number % 10);
            number /= 10;
        }
        _writer.Write(buffer[..length]);
        return this;
    }

    public CsvRowWriter Empty()
    {
        Separator();
        return this;
    }

    public CsvRowWriter Number(long value)
    {
        Separator();
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
        return this;
    }

    public CsvRowWriter NumberOrEmpty(int? value) => value is { } v ? Number(v) : Empty();

    /// <summary>A decimal with at most <paramref name="decimals"/> places, '.' separated, no trailing zeros.</summary>
    public CsvRowWriter Amount(double value, int decimals = 2)
    {
        Separator();
        Span<char> buffer = stackalloc char[40];
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0; // + 0.0 turns -0 into 0
        rounded.TryFormat(buffer, out var written, "0.##########", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
        return this;
    }

    public CsvRowWriter Bool(bool value) => Plain(value ? "true" : "false");

    public CsvRowWriter Bool(bool? value) => value is { } v ? Bool(v) : Empty();

    /// <summary>An ISO date, YYYY-MM-DD.</summary>
    public CsvRowWriter Date(DateOnly value)
    {
        Separator();
        Span<char> buffer = stackalloc char[10];
        WriteDate(buffer, value);
        _writer.Write(buffer);
        return this;
    }

    public CsvRowWriter Date(DateOnly? value) => value is { } v ? Date(v) : Empty();

    /// <summary>An ISO-8601 UTC timestamp, YYYY-MM-DDTHH:MM:SSZ.</summary>
    public CsvRowWriter Timestamp(DateTime utc)
    {
        Separator();
        Span<char> buffer = stackalloc char[20];
        WriteDate(buffer, DateOnly.FromDateTime(utc));
        buffer[10] = 'T';
        Two(buffer[11..], utc.Hour);
        buffer[13] = ':';
        Two(buffer[14..], utc.Minute);
        buffer[16] = ':';
        Two(buffer[17..], utc.Second);
        buffer[19] = 'Z';
        _writer.Write(buffer);
        return this;
    }

    public CsvRowWriter Timestamp(DateTime? utc) => utc is { } v ? Timestamp(v) : Empty();

    public void EndRow()
    {
        if (_field != _columns)
        {
            throw new InvalidOperationException(
                $"{Entity.Name}: a row has {_field} fields but the contract has {_columns} columns.");
        }
        _writer.Write('\n');
        _field = 0;
        Rows++;
    }

    /// <summary>
    /// A whole row, already formatted with its fields in contract order and its line break, for the one hot path
    /// (raw usage events) where per-field writes cost too much. The caller owns quoting and the field count.
    /// </summary>
    public void Line(ReadOnlySpan<char> row)
    {
        if (_field != 0)
        {
            throw new InvalidOperationException($"{Entity.Name}: a preformatted line inside a row.");
        }
        _writer.Write(row);
        Rows++;
    }

    public void Dispose() => _writer.Dispose();

    private void Separator()
    {
        if (_field++ > 0)
        {
            _writer.Write(',');
        }
    }

    private static void WriteDate(Span<char> buffer, DateOnly date)
    {
        var year = date.Year;
        buffer[0] = (char)('0' + year / 1000);
        buffer[1] = (char)('0' + year / 100 % 10);
        buffer[2] = (char)('0' + year / 10 % 10);
        buffer[3] = (char)('0' + year % 10);
        buffer[4] = '-';
        Two(buffer[5..], date.Month);
        buffer[7] = '-';
        Two(buffer[8..], date.Day);
    }

    private static void Two(Span<char> buffer, int value)
    {
        buffer[0] = (char)('0' + value / 10);
        buffer[1] = (char)('0' + value % 10);
    }
}
