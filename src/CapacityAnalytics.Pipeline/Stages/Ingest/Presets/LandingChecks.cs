using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Counts, over the landed tables, what the typing step and the analyst should know about: ids linking to nothing
/// (kept as given), enum values outside the contract (hashed or unmapped), vendor activity types, required columns
/// left empty, values not in canonical format, and records that end before they start.
/// </summary>
internal sealed class LandingChecks(DuckDBConnection connection, PresetReportBuilder report)
{
    /// <summary>Contract links: (entity column, target entity, target key). Checked when both sides were landed.</summary>
    private static readonly (string Column, string Target, string Key)[] Links =
    [
        ("account_id", "accounts", "account_id"),
        ("csm_id", "csms", "csm_id"),
        ("manager_id", "csms", "csm_id"),
    ];

    /// <summary>Start/end pairs that must not be reversed.</summary>
    private static readonly (string Entity, string Start, string End)[] Intervals =
    [
        ("tickets", "created_at", "solved_at"),
        ("tickets", "created_at", "first_response_at"),
        ("opportunities", "created_on", "close_on"),
    ];

    public void Run(IReadOnlyCollection<string> landed)
    {
        foreach (var entity in landed)
        {
            var spec = InputContract.Find(entity)!;
            var table = LandingColumns.TableFor(entity);
            foreach (var (column, target, key) in Links)
            {
                if (spec.Column(column) is not null && landed.Contains(target) && !(entity == target && column == key))
                {
                    Orphans(entity, table, column, target, key);
                }
            }
            foreach (var column in spec.Columns)
            {
                Values(entity, table, column);
            }
        }
        foreach (var (entity, start, end) in Intervals.Where(i => landed.Contains(i.Entity)))
        {
            var count = connection.ScalarLong(
                $"select count(*) from {LandingColumns.TableFor(entity)} where {end} is not null and {start} is not null and {end} < {start}");
            Add(PresetQuirks.EndsBeforeStart, $"{entity}.{end}", count, $"{end} before {start}; kept");
        }
    }

    private void Orphans(string entity, string table, string column, string target, string key)
    {
        var orphan = $"from {table} s where s.{column} is not null and not exists (select 1 from {LandingColumns.TableFor(target)} t where t.{key} = s.{column})";
        var rows = connection.ScalarLong($"select count(*) {orphan}");
        if (rows > 0)
        {
            var examples = connection.Strings($"select distinct s.{column} {orphan} order by 1 limit 3");
            report.Orphan(new PresetOrphanCount(entity, column, target, rows, examples));
        }
    }

    private void Values(string entity, string table, ColumnSpec column)
    {
        var c = column.Name;
        var where = $"{entity}.{c}";
        if (column.Required)
        {
            Add(PresetQuirks.RequiredEmpty, where, Count(table, $"nullif(trim({c}), '') is null"), "required; the typing step rejects these rows");
        }
        if (column.AllowedValues is { Count: > 0 } allowed)
        {
            var outside = $"{c} is not null and {c} not in ({string.Join(", ", allowed.Select(Sql.Literal))})";
            Add(PresetQuirks.HashedValue, where, Count(table, $"{outside} and preset_is_hashed({c})"), "obfuscated picklist value; kept");
            Add(PresetQuirks.UnmappedValue, where, Count(table, $"{outside} and not preset_is_hashed({c})"), Examples(table, outside, c));
        }
        if (entity == "activities" && c == "type")
        {
            var vendor = $"{c} is not null and {c} not in ({string.Join(", ", InputContract.ActivityTypes.Select(Sql.Literal))})";
            Add(PresetQuirks.VendorActivityType, where, Count(table, vendor), "kept for the model's type_map: " + Examples(table, vendor, c));
        }
        var pattern = column.Type switch
        {
            ColumnType.Timestamp => "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z?",
            ColumnType.Date => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            ColumnType.Boolean => "true|false",
            _ => null,
        };
        if (pattern is not null)
        {
            var kind = column.Type == ColumnType.Boolean ? PresetQuirks.UnparsedBoolean : PresetQuirks.UnparsedTimestamp;
            var bad = $"{c} is not null and not regexp_full_match({c}, '{pattern}')";
            Add(kind, where, Count(table, bad), "passed through: " + Examples(table, bad, c));
        }
    }

    private long Count(string table, string predicate) => connection.ScalarLong($"select count(*) from {table} where {predicate}");

    private string Examples(string table, string predicate, string column) =>
        string.Join(", ", connection.Strings($"select distinct {column} from {table} where {predicate} order by 1 limit 3"));

    private void Add(string kind, string where, long count, string detail)
    {
        if (count > 0)
        {
            report.Quirk(kind, where, count, detail);
        }
    }
}
