using System.Text;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// The DuckDB macros a preset's SQL (and the engine's source normalization) use. All take and give text in the
/// canonical formats, so a mapping reads like the contract:
/// <list type="bullet">
/// <item><c>preset_timestamp(v)</c>: ISO-8601 UTC with Z; naive values are taken as UTC, offsets are applied, epoch
/// seconds / milliseconds are converted, 1970 values (seconds stored as milliseconds) are rescaled; unparsable
/// text is passed through unchanged.</item>
/// <item><c>preset_date(v)</c>: YYYY-MM-DD, by the same rules.</item>
/// <item><c>preset_excel_ts(v)</c>: an Excel serial day number (5 digits, optional fraction) as a timestamp.</item>
/// <item><c>preset_bool(v)</c>: true/false from TRUE/true/1/yes/t and their negatives.</item>
/// <item><c>preset_minutes(from, to)</c>: minutes between two timestamps (double).</item>
/// <item><c>preset_number_text(x)</c>: a number as text, at most 4 decimals, no trailing <c>.0</c>.</item>
/// <item><c>preset_is_hashed(v)</c>: the value looks like an obfuscated (base64 or hex MD5) hash.</item>
/// <item><c>map_&lt;name&gt;(v)</c>: one per preset map; NULL when the value maps to nothing.</item>
/// </list>
/// </summary>
internal static class PresetSqlFunctions
{
    public const string CanonicalTimestampFormat = "%Y-%m-%dT%H:%M:%SZ";

    /// <summary>A timestamp without zone: the typing step reads it in the pipeline's timezone.</summary>
    public const string NaiveTimestampFormat = "%Y-%m-%dT%H:%M:%S";

    private const string OffsetSuffix = @"[0-9]:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?\s*(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$";

    private static readonly string[] Macros =
    [
        // Excel serial day numbers (5 digits, optional fraction = time of day) count days from 1899-12-30.
        """
        create or replace temp macro preset_excel_ts(v) as (
            case
                when regexp_full_match(trim(v), '[0-9]{5}([.][0-9]+)?')
                    then timestamp '1899-12-30' + to_microseconds(cast(round(cast(trim(v) as double) * 86400000000) as bigint))
            end)
        """,
        $$"""
        create or replace temp macro preset_parse_ts(v) as (
            case
                when v is null or trim(v) = '' then null
                when preset_excel_ts(v) is not null then preset_excel_ts(v)
                when regexp_full_match(trim(v), '-?[0-9]{11,14}') then make_timestamp(try_cast(trim(v) as bigint) * 1000)
                when regexp_full_match(trim(v), '[0-9]{9,10}') then make_timestamp(try_cast(trim(v) as bigint) * 1000000)
                when regexp_matches(trim(v), '{{OffsetSuffix}}') then timezone('UTC', try_cast(trim(v) as timestamptz))
                else try_cast(trim(v) as timestamp)
            end)
        """,
        """
        create or replace temp macro preset_fix_ts(t) as (
            case
                when t >= timestamp '1970-01-01' and t < timestamp '1971-01-01' then make_timestamp(epoch_ms(t) * 1000000)
                else t
            end)
        """,
        """
        create or replace temp macro preset_parse_date(v) as (
            case
                when regexp_full_match(trim(v), '[0-9]{4}-[0-9]{2}-[0-9]{2}') then try_cast(trim(v) as date)
                else cast(preset_fix_ts(preset_parse_ts(v)) as date)
            end)
        """,
        $"""
        create or replace temp macro preset_timestamp(v) as (
            case
                when preset_parse_ts(v) is null then nullif(trim(v), '')
                else strftime(preset_fix_ts(preset_parse_ts(v)), '{CanonicalTimestampFormat}')
            end)
        """,
        """
        create or replace temp macro preset_date(v) as (
            case
                when preset_parse_date(v) is null then nullif(trim(v), '')
                else strftime(preset_parse_date(v), '%Y-%m-%d')
            end)
        """,
        """
        create or replace temp macro preset_bool(v) as (
            case
                when lower(trim(v)) in ('true', 't', '1', 'yes', 'y') then 'true'
                when lower(trim(v)) in ('false', 'f', '0', 'no', 'n') then 'false'
                else nullif(trim(v), '')
            end)
        """,
        """
        create or replace temp macro preset_minutes(from_ts, to_ts) as (
            (epoch(preset_fix_ts(preset_parse_ts(to_ts))) - epoch(preset_fix_ts(preset_parse_ts(from_ts)))) / 60.0)
        """,
        """
        create or replace temp macro preset_number_text(x) as (
            regexp_replace(cast(round(cast(x as double), 4) as varchar), '[.]0$', ''))
        """,
        """
        create or replace temp macro preset_is_hashed(v) as (
            regexp_full_match(trim(v), '[A-Za-z0-9+/]{22}==') or regexp_full_match(trim(v), '[0-9a-f]{32}'))
        """,
    ];

    public static void Install(DuckDBConnection connection, Preset preset)
    {
        foreach (var macro in Macros.Concat(preset.Maps.Select(MapMacro)))
        {
            using var command = connection.CreateCommand();
            command.CommandText = macro;
            command.ExecuteNonQuery();
        }
    }

    public static string MapMacroName(PresetMap map) => "map_" + map.Name;

    private static string MapMacro(PresetMap map)
    {
        var sql = new StringBuilder();
        sql.Append("create or replace temp macro ").Append(MapMacroName(map)).Append("(v) as (case");
        foreach (var (key, value) in map.Entries)
        {
            var needle = Sql.Literal(key.Trim().ToLowerInvariant());
            sql.Append(map.MatchContains
                ? $" when contains(lower(v), {needle})"
                : $" when lower(trim(v)) = {needle}");
            sql.Append(" then ").Append(Sql.Literal(value));
        }
        sql.Append(" else null end)");
        return sql.ToString();
    }
}
