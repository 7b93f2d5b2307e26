using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// The project's JSON files outside the report definition: the .pbip, the model's and the report's item files and
/// their <c>.platform</c>. Every one names its Microsoft JSON schema in <c>$schema</c>.
/// </summary>
public static class PbipFiles
{
    /// <summary>The schema URLs the generated files name; tests/fixtures/powerbi-schemas holds each one offline.</summary>
    public static class Schemas
    {
        private const string Fabric = "https://developer.microsoft.com/json-schemas/fabric/";
        private const string Report = Fabric + "item/report/definition/";

        public const string Pbip = Fabric + "pbip/pbipProperties/1.0.0/schema.json";
        public const string Platform = Fabric + "gitIntegration/platformProperties/2.0.0/schema.json";
        public const string SemanticModelDefinition = Fabric + "item/semanticModel/definitionProperties/1.0.0/schema.json";
        public const string ReportDefinition = Fabric + "item/report/definitionProperties/2.0.0/schema.json";
        public const string Version = Report + "versionMetadata/1.0.0/schema.json";
        public const string ReportJson = Report + "report/3.0.0/schema.json";
        public const string Pages = Report + "pagesMetadata/1.0.0/schema.json";
        public const string Page = Report + "page/2.0.0/schema.json";
        public const string Visual = Report + "visualContainer/2.4.0/schema.json";
    }

    /// <summary>Indented, and without escaping quotes or non-ASCII text (a title reads as written).</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Project() => Json(new JsonObject
    {
        ["$schema"] = Schemas.Pbip,
        ["version"] = "1.0",
        ["artifacts"] = new JsonArray(new JsonObject { ["report"] = new JsonObject { ["path"] = PowerBiProjectWriter.ReportFolder } }),
        ["settings"] = new JsonObject { ["enableAutoRecovery"] = true },
    });

    public static string SemanticModelSettings() => Json(new JsonObject
    {
        ["$schema"] = Schemas.SemanticModelDefinition,
        ["version"] = "4.2",
        ["settings"] = new JsonObject(),
    });

    /// <summary>definition.pbir: version 4.0 is the one whose report lives in the PBIR folder (definition/).</summary>
    public static string ReportDefinition() => Json(new JsonObject
    {
        ["$schema"] = Schemas.ReportDefinition,
        ["version"] = "4.0",
        ["datasetReference"] = new JsonObject
        {
            ["byPath"] = new JsonObject { ["path"] = "../" + PowerBiProjectWriter.SemanticModelFolder },
        },
    });

    /// <summary>
    /// An item folder's <c>.platform</c> (Fabric Git integration). The logical id is derived from the item's type and
    /// name, so every run, and every clone, gives the item the same id.
    /// </summary>
    public static string Platform(string type) => Json(new JsonObject
    {
        ["$schema"] = Schemas.Platform,
        ["metadata"] = new JsonObject { ["type"] = type, ["displayName"] = PowerBiProjectWriter.ProjectName },
        ["config"] = new JsonObject { ["version"] = "2.0", ["logicalId"] = Tmdl.LineageTag("platform", type, PowerBiProjectWriter.ProjectName) },
    });

    /// <summary>The file's text: two-space indented JSON and a final newline.</summary>
    public static string Json(JsonNode node) => node.ToJsonString(Indented) + "\n";
}
