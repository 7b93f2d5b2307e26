using System.Globalization;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// Compiles the declarative parts of a mapping file into DuckDB SQL: column declarations (type, explicit date
/// formats), conditions (<c>where</c>, collapse filters) and field expressions (rename, combine, compute, map).
/// Every name reaches SQL as a quoted identifier and every value as a quoted literal; only <c>sql:</c> passes
/// text through. Errors name the file and line of the key to change.
/// </summary>
internal sealed class MappingSyntax(MappingLines lines, IReadOnlyCollection<string> maps)
{
    private static readonly string[] TimeSuffixes = ["", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p", "T%H:%M:%S", "T%H:%M"];
    private static readonly string[] DateSeparators = ["/", "-", "."];
    private static readonly string[] FieldKinds = ["column", "coalesce", "concat", "minutes_between", "value", "when", "sql"];
    private static readonly string[] FieldModifiers = ["map", "multiply", "divide", "separator"];
    private static readonly string[] Operators = ["in", "not_in", "equals", "not_equals", "is_null", "greater_than", "less_than"];

    public PresetFormatException Error(string path, string message) => new($"{lines.At(path)}: {message}");

    /// <summary>The date formats for a day/month order: dmy (31/12/2025), mdy (12/31/2025) or ymd (2025/12/31).</summary>
    public static IReadOnlyList<string> FormatsForOrder(string order)
    {
        var parts = order switch
        {
            "dmy" => new[] { "%d", "%m", "%Y" },
            "mdy" => ["%m", "%d", "%Y"],
            "ymd" => ["%Y", "%m", "%d"],
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "use dmy, mdy or ymd"),
        };
        return DateSeparators
            .SelectMany(s => TimeSuffixes.Select(t => string.Join(s, parts) + t))
            .ToList();
    }

    // ---- column declarations ----

    public PresetColumn Column(string name, object? node, string path)
    {
        if (node is string type)
        {
            return new PresetColumn(name, ParseType(type, path));
        }
        var map = Mapping(node, path, "a type (text, number, bool, date, timestamp) or {type, format, order}");
        Allow(map, path, ["type", "format", "order"]);
        var columnType = ParseType(Scalar(map, "type", path) ?? "text", path + "/type");
        var formats = new List<string>();
        if (map.TryGetValue("format", out var format))
        {
            formats.AddRange(Strings(format, path + "/format"));
        }
        if (Scalar(map, "order", path) is { } order)
        {
            if (order is not ("dmy" or "mdy" or "ymd"))
            {
                throw Error(path + "/order", $"order '{order}' is not a day/month order; use dmy (31/12/2025), mdy (12/31/2025) or ymd (2025/12/31).");
            }
            formats.AddRange(FormatsForOrder(order));
        }
        if (formats.Count > 0 && columnType is not (PresetColumnType.Date or PresetColumnType.Timestamp))
        {
            throw Error(path, $"column '{name}' has a format but type '{columnType.ToString().ToLowerInvariant()}'; formats apply to date and timestamp columns.");
        }
        if (formats.FirstOrDefault(f => !f.Contains('%', StringComparison.Ordinal)) is { } bad)
        {
            throw Error(path + "/format", $"format '{bad}' has no % field; write it like DuckDB strptime, e.g. '%d/%m/%Y %H:%M'.");
        }
        return new PresetColumn(name, columnType, formats);
    }

    private PresetColumnType ParseType(string type, string path)
    {
        if (Enum.TryParse<PresetColumnType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(type, out _))
        {
            return parsed;
        }
        throw Error(path, $"type '{type}' is not a column type; use one of {string.Join(", ", Enum.GetNames<PresetColumnType>().Select(n => n.ToLowerInvariant()))}.");
    }

    // ---- conditions ----

    /// <summary>SQL for a condition: {column, in|not_in|equals|not_equals|is_null|greater_than|less_than}, {all|any: [...]}, {not: ...}, or a list (all).</summary>
    public string Condition(object? node, string path, Func<string, string> column, ISet<string> used)
    {
        if (node is List<object> list)
        {
            return All(list.Select((c, i) => Condition(c, $"{path}/{i.ToString(CultureInfo.InvariantCulture)}", column, used)));
        }
        var map = Mapping(node, path, "a condition such as {column: status, in: [open, pending]}");
        if (map.Count == 1 && map.TryGetValue("all", out var all))
        {
            return All(List(all, path + "/all").Select((c, i) => Condition(c, $"{path}/all/{i.ToString(CultureInfo.InvariantCulture)}", column, used)));
        }
        if (map.Count == 1 && map.TryGetValue("any", out var any))
        {
            var parts = List(any, path + "/any").Select((c, i) => Condition(c, $"{path}/any/{i.ToString(CultureInfo.InvariantCulture)}", column, used)).ToList();
            return parts.Count == 0 ? "false" : "(" + string.Join(" or ", parts) + ")";
        }
        if (map.Count == 1 && map.TryGetValue("not", out var not))
        {
            return $"not coalesce({Condition(not, path + "/not", column, used)}, false)";
        }
        Allow(map, path, ["column", .. Operators]);
        var name = Scalar(map, "column", path) ?? throw Error(path, "a condition needs 'column' (or all / any / not).");
        var ops = map.Keys.Where(k => k != "column").ToList();
        if (ops.Count != 1)
        {
            throw Error(path, $"a condition on '{name}' needs exactly one of {string.Join(", ", Operators)}.");
        }
        var normalized = HeaderNormalizer.Normalize(name);
        used.Add(normalized);
        var c = column(normalized);
        var text = $"lower(trim({c}))";
        var op = ops[0];
        var value = map[op];
        var at = path + "/" + op;
        return op switch
        {
            "in" => $"coalesce({text} in ({Literals(value, at)}), false)",
            "not_in" => $"coalesce({text} not in ({Literals(value, at)}), true)",
            "equals" => $"coalesce({text} = {Sql.Literal(Single(value, at).ToLowerInvariant())}, false)",
            "not_equals" => $"coalesce({text} <> {Sql.Literal(Single(value, at).ToLowerInvariant())}, true)",
            "is_null" => Bool(value, at) ? $"nullif(trim({c}), '') is null" : $"nullif(trim({c}), '') is not null",
            "greater_than" => $"coalesce(try_cast({c} as double) > {Number(value, at)}, false)",
            _ => $"coalesce(try_cast({c} as double) < {Number(value, at)}, false)",
        };
    }

    private static string All(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? "true" : "(" + string.Join(" and ", list) + ")";
    }

    // ---- field expressions ----

    /// <summary>SQL for an entity column: a source column name, or {column|coalesce|concat|minutes_between|value|when|sql} with map / multiply / divide.</summary>
    public string Field(object? node, string path, ISet<string> used)
    {
        if (node is string name)
        {
            return Reference(name, used);
        }
        var map = Mapping(node, path, "a source column name or {column: ..., map: ...}, {coalesce: [...]}, {concat: [...]}, {minutes_between: [start, end]}, {value: ...}, {when: ...}, {sql: ...}");
        Allow(map, path, [.. FieldKinds, .. FieldModifiers]);
        var kinds = map.Keys.Where(FieldKinds.Contains).ToList();
        if (kinds.Count != 1)
        {
            throw Error(path, $"give exactly one of {string.Join(", ", FieldKinds)} (found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))}).");
        }
        var kind = kinds[0];
        var at = path + "/" + kind;
        var expression = kind switch
        {
            "column" => Reference(Single(map[kind], at), used),
            "coalesce" => $"coalesce({string.Join(", ", Strings(map[kind], at).Select(n => Reference(n, used)))})",
            "concat" => Concat(map, at, used),
            "minutes_between" => MinutesBetween(map[kind], at, used),
            "value" => Sql.Literal(Single(map[kind], at)),
            "when" => $"case when {Condition(map[kind], at, Sql.Identifier, used)} then 'true' else 'false' end",
            _ => Single(map[kind], at),
        };
        if (map.TryGetValue("separator", out _) && kind != "concat")
        {
            throw Error(path + "/separator", "'separator' goes with concat.");
        }
        if (map.TryGetValue("multiply", out var multiply))
        {
            expression = $"(try_cast({expression} as double) * {Number(multiply, path + "/multiply")})";
        }
        if (map.TryGetValue("divide", out var divide))
        {
            var by = Number(divide, path + "/divide");
            if (by == "0") throw Error(path + "/divide", "cannot divide by 0.");
            expression = $"(try_cast({expression} as double) / {by})";
        }
        if (map.TryGetValue("map", out var mapName))
        {
            var macro = Single(mapName, path + "/map");
            if (!maps.Contains(macro))
            {
                throw Error(path + "/map", $"no map '{macro}' under 'maps'; declared maps: {(maps.Count == 0 ? "none" : string.Join(", ", maps))}.");
            }
            // Unmapped values pass through unchanged: the typing step rejects them where the contract has a list.
            expression = $"coalesce(map_{macro}({expression}), {expression})";
        }
        return expression;
    }

    private static string Reference(string name, ISet<string> used)
    {
        var normalized = HeaderNormalizer.Normalize(name);
        used.Add(normalized);
        return Sql.Identifier(normalized);
    }

    private string Concat(Dictionary<string, object?> map, string path, ISet<string> used)
    {
        var separator = map.TryGetValue("separator", out var s) ? Single(s, path[..path.LastIndexOf('/')] + "/separator") : " ";
        var parts = Strings(map["concat"], path).Select(n => $"nullif(trim({Reference(n, used)}), '')");
        return $"nullif(concat_ws({Sql.Literal(separator)}, {string.Join(", ", parts)}), '')";
    }

    private string MinutesBetween(object? node, string path, ISet<string> used)
    {
        var pair = Strings(node, path);
        if (pair.Count != 2) throw Error(path, "minutes_between takes [start column, end column].");
        return $"preset_minutes({Reference(pair[0], used)}, {Reference(pair[1], used)})";
    }

    // ---- YAML node helpers ----

    public Dictionary<string, object?> Mapping(object? node, string path, string expected)
    {
        if (node is Dictionary<object, object?> map)
        {
            return map.ToDictionary(p => Convert.ToString(p.Key, CultureInfo.InvariantCulture) ?? "", p => p.Value, StringComparer.Ordinal);
        }
        throw Error(path, $"expected {expected}.");
    }

    private void Allow(Dictionary<string, object?> map, string path, IReadOnlyCollection<string> keys)
    {
        if (map.Keys.FirstOrDefault(k => !keys.Contains(k)) is { } unknown)
        {
            throw Error($"{path}/{unknown}", $"unknown key '{unknown}'; use {string.Join(", ", keys)}.");
        }
    }

    private string? Scalar(Dictionary<string, object?> map, string key, string path) =>
        map.TryGetValue(key, out var value) ? Single(value, path + "/" + key) : null;

    public string Single(object? node, string path) => node switch
    {
        string s => s,
        null => "",
        _ => throw Error(path, "expected a single value, not a list or mapping."),
    };

    public IReadOnlyList<string> Strings(object? node, string path) => node switch
    {
        string s => [s],
        List<object> list => list.Select((v, i) => Single(v, $"{path}/{i.ToString(CultureInfo.InvariantCulture)}")).ToList(),
        _ => throw Error(path, "expected a value or a list of values."),
    };

    private List<object> List(object? node, string path) =>
        node as List<object> ?? throw Error(path, "expected a list.");

    private string Literals(object? node, string path)
    {
        var values = Strings(node, path);
        if (values.Count == 0) throw Error(path, "the list is empty.");
        return string.Join(", ", values.Select(v => Sql.Literal(v.Trim().ToLowerInvariant())));
    }

    private bool Bool(object? node, string path) => Single(node, path).Trim().ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var other => throw Error(path, $"'{other}' is not true or false."),
    };

    private string Number(object? node, string path)
    {
        var text = Single(node, path).Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            throw Error(path, $"'{text}' is not a number (use . as decimal point).");
        }
        return Sql.Literal(number);
    }
}
