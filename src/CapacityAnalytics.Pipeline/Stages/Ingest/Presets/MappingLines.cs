using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>
/// The line of every key in a mapping file, by its path (<c>sources/tickets/columns/opened_at</c>), so errors found
/// after deserializing (a bad condition, an unknown map, a column absent from the export) can name the line to change.
/// </summary>
public sealed class MappingLines
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    private MappingLines(string file) => File = file;

    /// <summary>The mapping file, as errors name it.</summary>
    public string File { get; }

    public static MappingLines Empty(string file) => new(file);

    public static MappingLines Index(string yaml, string file)
    {
        var index = new MappingLines(file);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0)
            {
                index.Walk(stream.Documents[0].RootNode, "");
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // The deserializer reports syntax errors with their position; the index is only a help for later ones.
        }
        return index;
    }

    /// <summary>The 1-based line of the key at <paramref name="path"/>, or of its nearest indexed parent.</summary>
    public int Line(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (lines.TryGetValue(current, out var line)) return line;
            var slash = current.LastIndexOf('/');
            current = slash < 0 ? "" : current[..slash];
        }
        return 1;
    }

    public bool Has(string path) => lines.ContainsKey(path);

    /// <summary><c>file:line</c> for a path, the prefix of every mapping error.</summary>
    public string At(string path) => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line(path)}");

    private void Walk(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();
                    var child = path.Length == 0 ? name : path + "/" + name;
                    lines.TryAdd(child, (int)key.Start.Line);
                    Walk(value, child);
                }
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var child = path + "/" + i.ToString(CultureInfo.InvariantCulture);
                    lines.TryAdd(child, (int)sequence.Children[i].Start.Line);
                    Walk(sequence.Children[i], child);
                }
                break;
        }
    }
}
