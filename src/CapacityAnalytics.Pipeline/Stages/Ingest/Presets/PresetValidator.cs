using System.Globalization;
using System.Text.RegularExpressions;
using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>Checks a parsed preset or mapping document and builds the immutable <see cref="Preset"/>.</summary>
internal static partial class PresetValidator
{
    public static Preset Build(PresetDocument document, string file, string name, MappingLines? lines = null, bool userMapping = false)
    {
        lines ??= MappingLines.Empty(file);
        void Require(bool condition, string path, string message)
        {
            if (!condition) throw new PresetFormatException($"{lines.At(path)}: {message}");
        }
        Require(userMapping || document.Preset is null || string.Equals(document.Preset, name, StringComparison.OrdinalIgnoreCase),
            "preset", $"'preset: {document.Preset}' does not match the file name '{name}'.");
        Require(document.Sources is { Count: > 0 }, "sources", "'sources' must list at least one export table.");
        Require(document.Entities is { Count: > 0 }, "entities", "'entities' must map at least one canonical entity.");

        var parameters = BuildParameters(document.Params, file);
        var maps = (document.Maps ?? []).Select(m => BuildMap(m.Key, m.Value, lines)).ToList();
        var syntax = new MappingSyntax(lines, maps.Select(m => m.Name).ToList());
        var used = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var sources = document.Sources!.Select(s => BuildSource(s.Key, s.Value, parameters, syntax, lines, used)).ToList();
        var lineage = new Dictionary<string, IReadOnlyDictionary<string, ColumnLineage>>(StringComparer.Ordinal);
        var entities = document.Entities!.Select(e => BuildEntity(e.Key, e.Value, sources, syntax, lines, used, lineage)).ToList();
        sources = sources.Select(s => Declare(s, used.GetValueOrDefault(s.Name) ?? [])).ToList();
        return new Preset(name, document.Description ?? "", file, parameters, sources, maps, entities)
        {
            IsUserMapping = userMapping,
            Lines = lines,
            Lineage = lineage,
        };
    }

    private static Dictionary<string, PresetParameter> BuildParameters(Dictionary<string, object>? raw, string file)
    {
        var result = new Dictionary<string, PresetParameter>(StringComparer.Ordinal);
        foreach (var (key, value) in raw ?? [])
        {
            RequireName(key, file, "parameter");
            result[key] = value switch
            {
                string s => PresetParameter.Scalar(s),
                IEnumerable<object> list => PresetParameter.List(list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")),
                null => PresetParameter.Scalar(""),
                _ => throw new PresetFormatException($"{file}: parameter '{key}' must be a value or a list of values."),
            };
        }
        return result;
    }

    private static PresetSource BuildSource(string name, PresetSourceDocument? doc, IReadOnlyDictionary<string, PresetParameter> parameters,
        MappingSyntax syntax, MappingLines lines, Dictionary<string, HashSet<string>> used)
    {
        var path = "sources/" + name;
        RequireName(name, lines.At(path), "source");
        if (doc?.Files is not { Count: > 0 })
        {
            throw syntax.Error(path, $"source '{name}' needs 'files' (file-stem globs such as [tickets, \"tickets_*\"]).");
        }
        var columns = new List<PresetColumn>();
        foreach (var (column, declaration) in doc.Columns ?? [])
        {
            // A column named by a parameter ("{{arr_field}}") is resolved per run; here it is only checked.
            _ = PresetTemplate.ExpandName(column, parameters, $"{lines.At(path + "/columns/" + column)}: source '{name}'");
            var columnName = column.Contains("{{", StringComparison.Ordinal) ? column.Trim() : HeaderNormalizer.Normalize(column);
            var parsed = syntax.Column(columnName, declaration, $"{path}/columns/{column}");
            if (columnName.Length > 0 && columns.All(c => c.Name != columnName))
            {
                columns.Add(parsed);
            }
        }
        var aliases = (doc.Aliases ?? []).ToDictionary(
            a => HeaderNormalizer.Normalize(a.Key), a => HeaderNormalizer.Normalize(a.Value), StringComparer.Ordinal);
        var refs = new HashSet<string>(StringComparer.Ordinal);
        used[name] = refs;
        var where = doc.Where is null ? null : syntax.Condition(doc.Where, path + "/where", Sql.Identifier, refs);
        var collapse = doc.Collapse is null ? null : BuildCollapse(doc.Collapse, path + "/collapse", columns, syntax, refs);
        return new PresetSource(name, doc.Files!, doc.Exclude ?? [], doc.Required, aliases, columns,
            (doc.RequiredColumns ?? []).Select(HeaderNormalizer.Normalize).ToList())
        {
            NullTokens = (doc.NullTokens ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            Where = where,
            Collapse = collapse,
        };
    }

    private static PresetCollapse BuildCollapse(PresetCollapseDocument doc, string path, List<PresetColumn> columns, MappingSyntax syntax, HashSet<string> refs)
    {
        if (doc.Key is null) throw syntax.Error(path, "collapse needs 'key': the column (or list of columns) naming one record, e.g. the ticket number.");
        if (doc.OrderBy is null) throw syntax.Error(path, "collapse needs 'order_by': the column that orders a record's events (e.g. the update time).");
        var keys = syntax.Strings(doc.Key, path + "/key").Select(HeaderNormalizer.Normalize).ToList();
        refs.UnionWith(keys);
        var order = HeaderNormalizer.Normalize(doc.OrderBy);
        refs.Add(order);
        var orderType = columns.FirstOrDefault(c => c.Name == order)?.Type;
        var orderBy = orderType == PresetColumnType.Number ? $"try_cast({Sql.Identifier(order)} as double)" : Sql.Identifier(order);

        var aggregates = new List<KeyValuePair<string, string>>();
        var previous = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string sql, string at)
        {
            if (!NamePattern().IsMatch(name)) throw syntax.Error(at, $"'{name}' must be lower-case letters, digits and underscores.");
            if (aggregates.Any(a => a.Key == name) || keys.Contains(name)) throw syntax.Error(at, $"'{name}' is defined twice.");
            aggregates.Add(new(name, sql));
        }
        string Filter(object? where, string at) => where is null ? "" : $" filter (where {syntax.Condition(where, at, Sql.Identifier, refs)})";
        foreach (var (kind, picks) in new[] { ("first", doc.First), ("last", doc.Last) })
        {
            foreach (var (name, pick) in picks ?? [])
            {
                var at = $"{path}/{kind}/{name}";
                if (pick?.Column is null) throw syntax.Error(at, $"'{name}' needs 'column': the value to take from the {kind} matching event.");
                var column = HeaderNormalizer.Normalize(pick.Column);
                refs.Add(column);
                var function = kind == "first" ? "arg_min" : "arg_max";
                Add(name, $"{function}({Sql.Identifier(column)}, __seq){Filter(pick.Where, at + "/where")}", at);
            }
        }
        foreach (var (name, count) in doc.Count ?? [])
        {
            var at = $"{path}/count/{name}";
            var conditions = new List<string>();
            if (count?.Where is { } where) conditions.Add(syntax.Condition(where, at + "/where", Sql.Identifier, refs));
            if (count?.After is { } after)
            {
                var before = new HashSet<string>(StringComparer.Ordinal);
                conditions.Add(syntax.Condition(after, at + "/after", c => Sql.Identifier("__prev_" + c), before));
                previous.UnionWith(before);
                refs.UnionWith(before);
            }
            Add(name, conditions.Count == 0 ? "count(*)" : $"count(*) filter (where {string.Join(" and ", conditions)})", at);
        }
        foreach (var (name, column) in doc.Sum ?? [])
        {
            var normalized = HeaderNormalizer.Normalize(column);
            refs.Add(normalized);
            Add(name, $"sum(try_cast({Sql.Identifier(normalized)} as double))", $"{path}/sum/{name}");
        }
        foreach (var (name, column) in doc.CountDistinct ?? [])
        {
            var normalized = HeaderNormalizer.Normalize(column);
            refs.Add(normalized);
            Add(name, $"count(distinct {Sql.Identifier(normalized)})", $"{path}/count_distinct/{name}");
        }
        return new PresetCollapse(keys, orderBy, aggregates, previous.Order(StringComparer.Ordinal).ToList());
    }

    private static PresetMap BuildMap(string name, PresetMapDocument? doc, MappingLines lines)
    {
        var at = lines.At("maps/" + name);
        RequireName(name, at, "map");
        if (doc?.Values is not { Count: > 0 }) throw new PresetFormatException($"{at}: map '{name}' needs 'values'.");
        var match = doc.Match ?? "exact";
        if (match is not ("exact" or "contains")) throw new PresetFormatException($"{at}: map '{name}' has match '{match}'; use exact or contains.");
        return new PresetMap(name, match == "contains", doc.Values.ToList());
    }

    private static PresetEntity BuildEntity(string name, PresetEntityDocument? doc, List<PresetSource> sources, MappingSyntax syntax,
        MappingLines lines, Dictionary<string, HashSet<string>> used, Dictionary<string, IReadOnlyDictionary<string, ColumnLineage>> lineage)
    {
        var path = "entities/" + name;
        var entity = InputContract.Find(name);
        if (entity is null || entity.Name != name)
        {
            throw syntax.Error(path, $"entity '{name}' is not a canonical entity; use one of {string.Join(", ", InputContract.Entities.Select(e => e.Name))}.");
        }
        var declarative = doc?.From is not null || doc?.Columns is not null;
        if (!string.IsNullOrWhiteSpace(doc?.Sql))
        {
            if (declarative) throw syntax.Error(path, $"entity '{name}' has both 'sql' and 'from'/'columns'; keep one.");
            return new PresetEntity(name, doc.Sql, doc.OnRequest);
        }
        if (doc?.From is null || doc.Columns is not { Count: > 0 })
        {
            throw syntax.Error(path, $"entity '{name}' needs 'from' (a source) and 'columns' (canonical column: source column), or 'sql'.");
        }
        var source = sources.FirstOrDefault(s => s.Name == doc.From)
            ?? throw syntax.Error(path + "/from", $"'from: {doc.From}' names no source; sources: {string.Join(", ", sources.Select(s => s.Name))}.");
        var refs = used[source.Name];
        var outputs = source.Collapse?.Aggregates.Select(a => a.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var selects = new List<string>();
        var columnLineage = new Dictionary<string, ColumnLineage>(StringComparer.Ordinal);
        foreach (var (column, field) in doc.Columns)
        {
            var at = $"{path}/columns/{column}";
            if (entity.Column(column) is null)
            {
                throw syntax.Error(at, $"'{column}' is not a column of {name}; use {string.Join(", ", entity.Columns.Select(c => c.Name))}.");
            }
            var reads = new HashSet<string>(StringComparer.Ordinal);
            selects.Add($"{syntax.Field(field, at, reads)} as {Sql.Identifier(column)}");
            refs.UnionWith(reads.Where(r => !outputs.Contains(r)));
            columnLineage[column] = new ColumnLineage(source.Name, reads.Order(StringComparer.Ordinal).ToList(), at);
        }
        lineage[name] = columnLineage;
        var where = doc.Where is null ? "" : $"\nwhere {syntax.Condition(doc.Where, path + "/where", Sql.Identifier, refs)}";
        refs.ExceptWith(outputs);
        var sql = $"select {string.Join(",\n    ", selects)},\n    _file, _line, _file_order\nfrom {Sql.Identifier(source.Name)}{where}";
        return new PresetEntity(name, sql, doc.OnRequest);
    }

    /// <summary>Columns a declarative mapping reads but does not declare are read as text.</summary>
    private static PresetSource Declare(PresetSource source, HashSet<string> used)
    {
        var outputs = source.Collapse?.Aggregates.Select(a => a.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var extra = used.Where(u => !outputs.Contains(u) && source.Columns.All(c => c.Name != u))
            .Order(StringComparer.Ordinal)
            .Select(u => new PresetColumn(u, PresetColumnType.Text));
        return source with { Columns = [.. source.Columns, .. extra] };
    }

    private static void RequireName(string name, string where, string what)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new PresetFormatException($"{where}: {what} name '{name}' must be lower-case letters, digits and underscores.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
