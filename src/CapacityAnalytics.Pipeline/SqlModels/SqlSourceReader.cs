using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>Reads <c>sql/sources.yaml</c>: <c>sources: [{name, description, columns: [..]}]</c>. Errors name file and line.</summary>
public static partial class SqlSourceReader
{
    public const string FileName = "sources.yaml";

    [GeneratedRegex("^raw_[a-z0-9_]+$")]
    private static partial Regex SourceName();

    public static IReadOnlyList<SqlSource> ReadFolder(string sqlDirectory)
    {
        var path = Path.Combine(sqlDirectory, FileName);
        if (!File.Exists(path)) return [];
        using var reader = File.OpenText(path);
        return Read(reader, path);
    }

    public static IReadOnlyList<SqlSource> Read(TextReader reader, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new SqlModelDefinitionException($"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {(ex.InnerException?.Message ?? ex.Message).Split('\n')[0]}", ex);
        }
        SqlModelDefinitionException Error(YamlNode node, string what) => new($"{sourceName}:{node.Start.Line}: {what}");
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || root.Children.Count != 1 || !root.Children.TryGetValue(new YamlScalarNode("sources"), out var list) || list is not YamlSequenceNode items)
        {
            throw new SqlModelDefinitionException($"{sourceName}:1: expected one key, 'sources', holding a list of {{name, description, columns}}.");
        }
        var sources = new List<SqlSource>();
        foreach (var item in items)
        {
            var map = item as YamlMappingNode ?? throw Error(item, "a source is a mapping with name, description and columns.");
            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: "name" or "description" or "columns" }) throw Error(key, $"unknown key '{key}' (expected name, description, columns).");
            }
            var name = Text(map, "name") ?? throw Error(item, "a source needs a name.");
            if (!SourceName().IsMatch(name)) throw Error(item, $"source '{name}' is not named raw_<entity>.");
            var columns = map.Children.TryGetValue(new YamlScalarNode("columns"), out var c) && c is YamlSequenceNode cs
                ? cs.Select(n => (n as YamlScalarNode)?.Value ?? throw Error(n, "a column is a name.")).ToList()
                : throw Error(item, $"source '{name}' needs its list of columns.");
            sources.Add(new SqlSource(name, Text(map, "description") ?? "", columns));
        }
        return sources;
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
}
