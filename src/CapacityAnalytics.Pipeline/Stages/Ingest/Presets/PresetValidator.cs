using System.Text.RegularExpressions;
using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>Checks a parsed preset document and builds the immutable <see cref="Preset"/>.</summary>
internal static partial class PresetValidator
{
    public static Preset Build(PresetDocument document, string file, string name)
    {
        PresetLoader.Require(document.Preset is null || string.Equals(document.Preset, name, StringComparison.OrdinalIgnoreCase),
            file, $"'preset: {document.Preset}' does not match the file name '{name}'.");
        PresetLoader.Require(document.Sources is { Count: > 0 }, file, "'sources' must list at least one vendor table.");
        PresetLoader.Require(document.Entities is { Count: > 0 }, file, "'entities' must map at least one canonical entity.");

        var parameters = BuildParameters(document.Params, file);
        var sources = document.Sources!.Select(s => BuildSource(s.Key, s.Value, parameters, file)).ToList();
        var maps = (document.Maps ?? []).Select(m => BuildMap(m.Key, m.Value, file)).ToList();
        var entities = document.Entities!.Select(e => BuildEntity(e.Key, e.Value, file)).ToList();
        return new Preset(name, document.Description ?? "", file, parameters, sources, maps, entities);
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
                IEnumerable<object> list => PresetParameter.List(list.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "")),
                null => PresetParameter.Scalar(""),
                _ => throw new PresetFormatException($"{file}: parameter '{key}' must be a value or a list of values."),
            };
        }
        return result;
    }

    private static PresetSource BuildSource(string name, PresetSourceDocument? doc, IReadOnlyDictionary<string, PresetParameter> parameters, string file)
    {
        RequireName(name, file, "source");
        PresetLoader.Require(doc?.Files is { Count: > 0 }, file, $"source '{name}' needs 'files' (file-stem globs).");
        var columns = new List<PresetColumn>();
        foreach (var (column, type) in doc!.Columns ?? [])
        {
            // A column named by a parameter ("{{arr_field}}") is resolved per run; here it is only checked.
            _ = PresetTemplate.ExpandName(column, parameters, $"{file}: source '{name}'");
            var columnName = column.Contains("{{", StringComparison.Ordinal) ? column.Trim() : HeaderNormalizer.Normalize(column);
            if (!Enum.TryParse<PresetColumnType>(type, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                throw new PresetFormatException(
                    $"{file}: source '{name}' column '{column}' has type '{type}'; use one of {string.Join(", ", Enum.GetNames<PresetColumnType>().Select(n => n.ToLowerInvariant()))}.");
            }
            if (columnName.Length > 0 && columns.All(c => c.Name != columnName))
            {
                columns.Add(new PresetColumn(columnName, parsed));
            }
        }
        var aliases = (doc.Aliases ?? []).ToDictionary(
            a => HeaderNormalizer.Normalize(a.Key), a => HeaderNormalizer.Normalize(a.Value), StringComparer.Ordinal);
        return new PresetSource(name, doc.Files!, doc.Exclude ?? [], doc.Required, aliases, columns,
            (doc.RequiredColumns ?? []).Select(HeaderNormalizer.Normalize).ToList());
    }

    private static PresetMap BuildMap(string name, PresetMapDocument? doc, string file)
    {
        RequireName(name, file, "map");
        PresetLoader.Require(doc?.Values is { Count: > 0 }, file, $"map '{name}' needs 'values'.");
        var match = doc!.Match ?? "exact";
        PresetLoader.Require(match is "exact" or "contains", file, $"map '{name}' has match '{match}'; use exact or contains.");
        return new PresetMap(name, match == "contains", doc.Values!.ToList());
    }

    private static PresetEntity BuildEntity(string name, PresetEntityDocument? doc, string file)
    {
        var entity = InputContract.Find(name);
        PresetLoader.Require(entity is not null && entity.Name == name, file,
            $"entity '{name}' is not a canonical entity; use one of {string.Join(", ", InputContract.Entities.Select(e => e.Name))}.");
        PresetLoader.Require(!string.IsNullOrWhiteSpace(doc?.Sql), file, $"entity '{name}' needs 'sql'.");
        return new PresetEntity(name, doc!.Sql!, doc.OnRequest);
    }

    private static void RequireName(string name, string file, string what) =>
        PresetLoader.Require(NamePattern().IsMatch(name), file, $"{what} name '{name}' must be lower-case letters, digits and underscores.");

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
