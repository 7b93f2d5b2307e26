using System.Data;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>
/// A window of at most <c>batchSize</c> rows over a streaming reader, with each value converted for SqlBulkCopy.
/// The bulk writer reads one window to its end; <see cref="NextBatch"/> then opens the next one. Nothing is buffered.
/// </summary>
internal sealed class BatchReader(IDataReader source, IReadOnlyList<SqlServerColumn> columns, int batchSize) : IDataReader
{
    private bool _positioned;
    private bool _exhausted;
    private int _rowsInBatch;

    /// <summary>Rows yielded by the current window so far.</summary>
    public int RowsInBatch => _rowsInBatch;

    /// <summary>Opens the next window; false when the source has no rows left (so no empty batch is ever sent).</summary>
    public bool NextBatch()
    {
        _rowsInBatch = 0;
        if (_exhausted) return false;
        if (!_positioned)
        {
            _positioned = source.Read();
            _exhausted = !_positioned;
        }
        return _positioned;
    }

    public bool Read()
    {
        if (_rowsInBatch >= batchSize || _exhausted) return false;
        if (_rowsInBatch > 0 || !_positioned)
        {
            if (!source.Read())
            {
                _exhausted = true;
                _positioned = false;
                return false;
            }
        }
        // The window's first row was read by NextBatch; the next window reads its own first row.
        _positioned = false;
        _rowsInBatch++;
        return true;
    }

    public int FieldCount => columns.Count;

    public string GetName(int i) => columns[i].Name;

    public int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new ArgumentException($"No column {name}", nameof(name));
    }

    public object GetValue(int i) => BulkValues.Convert(source.GetValue(i), columns[i].Value);

    public bool IsDBNull(int i) => source.IsDBNull(i);

    public int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++) values[i] = GetValue(i);
        return count;
    }

    // Answered from the plan, so it also works before the first row (SqlBulkCopy may ask while it maps columns).
    public Type GetFieldType(int i) => columns[i].Value switch
    {
        ValueKind.WholeNumeric => typeof(decimal),
        ValueKind.SmallintValue => typeof(short),
        ValueKind.IntValue => typeof(int),
        ValueKind.BigintValue => typeof(long),
        ValueKind.Date or ValueKind.Timestamp or ValueKind.InstantAsUtc => typeof(DateTime),
        ValueKind.InstantWithOffset => typeof(DateTimeOffset),
        ValueKind.Time => typeof(TimeSpan),
        _ => source.GetFieldType(i),
    };

    public string GetDataTypeName(int i) => columns[i].SqlType;

    public object this[int i] => GetValue(i);

    public object this[string name] => GetValue(GetOrdinal(name));

    public bool GetBoolean(int i) => (bool)GetValue(i);

    public byte GetByte(int i) => (byte)GetValue(i);

    public char GetChar(int i) => (char)GetValue(i);

    public DateTime GetDateTime(int i) => (DateTime)GetValue(i);

    public decimal GetDecimal(int i) => (decimal)GetValue(i);

    public double GetDouble(int i) => (double)GetValue(i);

    public float GetFloat(int i) => (float)GetValue(i);

    public Guid GetGuid(int i) => (Guid)GetValue(i);

    public short GetInt16(int i) => (short)GetValue(i);

    public int GetInt32(int i) => (int)GetValue(i);

    public long GetInt64(int i) => (long)GetValue(i);

    public string GetString(int i) => (string)GetValue(i);

    public long GetBytes(int i, long fieldOffset, byte[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();

    public long GetChars(int i, long fieldoffset, char[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();

    public IDataReader GetData(int i) => throw new NotSupportedException();

    public int Depth => 0;

    public bool IsClosed => _exhausted;

    public int RecordsAffected => -1;

    public DataTable? GetSchemaTable() => null;

    public bool NextResult() => false;

    public void Close() { }

    // The source belongs to the caller, who disposes it after the last window.
    public void Dispose() { }
}
