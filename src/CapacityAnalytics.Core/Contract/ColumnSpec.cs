using System.Globalization;

namespace CapacityAnalytics.Core.Contract;

/// <summary>One column of the input contract (docs/input-contract.md).</summary>
/// <param name="Name">Canonical lower-case name.</param>
/// <param name="Type">Logical type.</param>
/// <param name="Required">Required columns must be present in the header and non-empty in every row.</param>
/// <param name="Default">Value used when the column is absent or the cell is empty (as text, in the canonical format).</param>
/// <param name="AllowedValues">For enumerations: the accepted lower-case values.</param>
/// <param name="Min">Inclusive lower bound for numbers.</param>
/// <param name="Max">Inclusive upper bound for numbers.</param>
public sealed record ColumnSpec(
    string Name,
    ColumnType Type,
    bool Required = false,
    string? Default = null,
    IReadOnlyList<string>? AllowedValues = null,
    double? Min = null,
    double? Max = null)
{
    public string DuckDbType => Type switch
    {
        ColumnType.Text => "varchar",
        ColumnType.Integer => "bigint",
        ColumnType.Decimal => "double",
        ColumnType.Boolean => "boolean",
        ColumnType.Date => "date",
        ColumnType.Timestamp => "timestamptz",
        _ => throw new InvalidOperationException($"Unknown column type {Type}"),
    };

    public string Describe()
    {
        var text = Type.ToString().ToLowerInvariant();
        if (AllowedValues is { Count: > 0 })
        {
            text = "one of " + string.Join("/", AllowedValues);
        }
        if (Min is not null || Max is not null)
        {
            text += FormattableString.Invariant($" in [{Min?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}, {Max?.ToString(CultureInfo.InvariantCulture) ?? "inf"}]");
        }
        return text;
    }
}
