using System.Text.RegularExpressions;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Parameter substitution in preset SQL: <c>{{name}}</c> becomes a SQL literal (a string, or a list
/// <c>['a', 'b']</c> for a list parameter) and <c>{{column:name}}</c> a quoted identifier (the value normalized like a header, so <c>ARR__c</c> and
/// <c>arr_c</c> both name the column <c>arr_c</c>). In a source's column
/// list, <c>{{name}}</c> becomes the bare value (a configurable vendor column name).
/// </summary>
public static partial class PresetTemplate
{
    public static string ExpandSql(string sql, IReadOnlyDictionary<string, PresetParameter> parameters, string where)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Placeholder().Replace(sql, m =>
        {
            var parameter = Lookup(parameters, m.Groups["name"].Value, where);
            if (m.Groups["kind"].Success)
            {
                return Sql.Identifier(HeaderNormalizer.Normalize(parameter.Value));
            }
            return parameter.IsList
                ? "[" + string.Join(", ", parameter.Values.Select(Sql.Literal)) + "]::varchar[]"
                : Sql.Literal(parameter.Value);
        });
    }

    public static string ExpandName(string text, IReadOnlyDictionary<string, PresetParameter> parameters, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder().Replace(text, m => Lookup(parameters, m.Groups["name"].Value, where).Value);
    }

    private static PresetParameter Lookup(IReadOnlyDictionary<string, PresetParameter> parameters, string name, string where)
    {
        if (parameters.TryGetValue(name, out var parameter))
        {
            return parameter;
        }
        throw new PresetFormatException(
            $"{where}: unknown parameter '{{{{{name}}}}}'; declared parameters: {string.Join(", ", parameters.Keys.Order(StringComparer.Ordinal))}.");
    }

    [GeneratedRegex(@"\{\{\s*(?:(?<kind>column):)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
