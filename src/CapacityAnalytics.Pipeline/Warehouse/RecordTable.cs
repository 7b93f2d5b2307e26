using System.Reflection;
using System.Text;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>
/// Writes C# result records (calibration, plans) as a DuckDB table: one column per property, named in snake_case,
/// typed from the property. The table is replaced whole.
/// </summary>
public static class RecordTable
{
    public static long Replace<T>(DuckDBConnection connection, string table, IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        var columns = properties.Select(p => $"{Sql.Identifier(SnakeCase(p.Name))} {DuckDbType(p.PropertyType)}");
        connection.Execute($"create or replace table {Sql.Identifier(table)} ({string.Join(", ", columns)})");
        long count = 0;
        using (var appender = connection.CreateAppender(table))
        {
            foreach (var row in rows)
            {
                var appended = appender.CreateRow();
                foreach (var property in properties)
                {
                    Append(appended, property.GetValue(row));
                }
                appended.EndRow();
                count++;
            }
        }
        return count;
    }

    public static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    private static string DuckDbType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "varchar",
        var t when t == typeof(double) => "double",
        var t when t == typeof(int) => "integer",
        var t when t == typeof(long) => "bigint",
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(DateOnly) => "date",
        var t => throw new NotSupportedException($"No DuckDB column type for {t.Name}."),
    };

    private static void Append(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null: row.AppendNullValue(); break;
            case string s: row.AppendValue(s); break;
            case double d when double.IsFinite(d): row.AppendValue(d); break;
            case double: row.AppendNullValue(); break;
            case int i: row.AppendValue(i); break;
            case long l: row.AppendValue(l); break;
            case bool b: row.AppendValue(b); break;
            case DateOnly date: row.AppendValue(date); break;
            default: throw new NotSupportedException($"Cannot append {value.GetType().Name}.");
        }
    }
}
