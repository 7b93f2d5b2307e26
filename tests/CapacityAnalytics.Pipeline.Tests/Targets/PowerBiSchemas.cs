using System.Text.Json;
using System.Text.Json.Nodes;
using CapacityAnalytics.Pipeline.Tests.Support;
using Json.Schema;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

/// <summary>
/// Microsoft's PBIP JSON schemas, read from <c>tests/fixtures/powerbi-schemas</c> (never the network): a schema URL
/// maps to the file of the same path under <c>fabric/</c>, and every <c>$ref</c> between the files resolves the same way.
/// </summary>
public sealed class PowerBiSchemas
{
    public const string UrlPrefix = "https://developer.microsoft.com/json-schemas/";

    private readonly Dictionary<string, JsonSchema> built = new(StringComparer.Ordinal);
    private readonly BuildOptions options;

    public PowerBiSchemas()
    {
        var registry = new SchemaRegistry();
        // A $ref to a file not yet built is looked up here: offline, from the fixture folder only.
        registry.Fetch = (uri, _) => File.Exists(LocalFile(uri.ToString())) ? Build(uri.ToString()) : null;
        options = new BuildOptions { SchemaRegistry = registry };
    }

    public static string Folder => TestFiles.RepoFile(Path.Combine("tests", "fixtures", "powerbi-schemas"));

    /// <summary>The fixture file of a schema URL; the URL's fragment, if any, is dropped.</summary>
    public static string LocalFile(string url)
    {
        var path = url.Split('#')[0];
        if (!path.StartsWith(UrlPrefix, StringComparison.Ordinal)) return Path.Combine(Folder, "not-a-powerbi-schema");
        return Path.Combine(Folder, path[UrlPrefix.Length..].Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Validates <paramref name="json"/> against the schema at <paramref name="url"/>; the errors, empty when valid.</summary>
    public IReadOnlyList<string> Errors(string url, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema(url).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    public JsonSchema Schema(string url)
    {
        Assert.True(File.Exists(LocalFile(url)), $"no offline copy of {url} under tests/fixtures/powerbi-schemas");
        return Build(url);
    }

    private JsonSchema Build(string url)
    {
        url = url.Split('#')[0];
        if (built.TryGetValue(url, out var schema)) return schema;
        // The file is built under the URL of its path: a few upstream files declare an $id that differs from it
        // (schema.embedded.json for schema-embedded.json), and the $refs name the path.
        var node = JsonNode.Parse(File.ReadAllText(LocalFile(url)))!.AsObject();
        node["$id"] = url;
        schema = JsonSchema.FromText(node.ToJsonString(), options, new Uri(url));
        built[url] = schema;
        return schema;
    }
}
