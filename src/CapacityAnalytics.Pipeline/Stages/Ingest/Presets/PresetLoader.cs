using CapacityAnalytics.Core.Contract;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

/// <summary>Reads and validates preset files (<c>&lt;presets directory&gt;/&lt;name&gt;.yaml</c>).</summary>
public static class PresetLoader
{
    /// <summary>Where the build puts <c>pipelines/presets</c>: a <c>presets</c> folder beside the assemblies.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "presets");

    /// <summary>Names of the presets in a directory, sorted.</summary>
    public static IReadOnlyList<string> Available(string presetsDirectory)
    {
        ArgumentNullException.ThrowIfNull(presetsDirectory);
        if (!Directory.Exists(presetsDirectory))
        {
            return [];
        }
        return Directory.EnumerateFiles(presetsDirectory, "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static Preset Load(string presetsDirectory, string name)
    {
        ArgumentNullException.ThrowIfNull(presetsDirectory);
        ArgumentNullException.ThrowIfNull(name);
        var available = Available(presetsDirectory);
        var match = available.FirstOrDefault(p => string.Equals(p, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var list = available.Count == 0 ? $"none found in {presetsDirectory}" : string.Join(", ", available);
            throw new PresetNotFoundException($"Unknown preset '{name}'. Available presets: {list}.");
        }
        var path = Path.Combine(presetsDirectory, match + ".yaml");
        using var reader = new StreamReader(path);
        return Parse(reader, path, match);
    }

    /// <summary>
    /// Reads a mapping file a user wrote (the preset format, <c>docs/mappings.md</c>). Its name is the file stem;
    /// declared columns an export lacks are errors rather than NULL.
    /// </summary>
    public static Preset LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PresetNotFoundException($"{path}: mapping file not found; give the path of a mapping YAML (see docs/mappings.md).");
        }
        using var reader = new StreamReader(path);
        var name = Path.GetFileNameWithoutExtension(path);
        return Parse(reader, path, name, userMapping: true);
    }

    /// <summary>Parses preset YAML; <paramref name="sourceFile"/> names it in errors.</summary>
    public static Preset Parse(TextReader yaml, string sourceFile, string name, bool userMapping = false)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        PresetDocument? document;
        var text = yaml.ReadToEnd();
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build();
            document = deserializer.Deserialize<PresetDocument>(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
            throw new PresetFormatException($"{sourceFile}({e.Start.Line},{e.Start.Column}): {message}", e);
        }
        if (document is null)
        {
            throw new PresetFormatException($"{sourceFile}: the file is empty.");
        }
        return PresetValidator.Build(document, sourceFile, name, MappingLines.Index(text, sourceFile), userMapping);
    }

    internal static void Require(bool condition, string sourceFile, string message)
    {
        if (!condition)
        {
            throw new PresetFormatException($"{sourceFile}: {message}");
        }
    }

    internal static bool IsEntity(string name) => InputContract.Find(name) is not null;
}
