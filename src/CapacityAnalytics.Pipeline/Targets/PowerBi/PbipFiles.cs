using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>The project's JSON files: the .pbip, the model settings, the report's pointer and its three pages.</summary>
public static class PbipFiles
{
    /// <summary>The report pages, in order; the same three as the HTML dashboard.</summary>
    public static readonly IReadOnlyList<string> Pages = ["Book health", "Early warning", "Calibration"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Project() => Json(new JsonObject
    {
        ["version"] = "1.0",
        ["artifacts"] = new JsonArray(new JsonObject { ["report"] = new JsonObject { ["path"] = PowerBiProjectWriter.ReportFolder } }),
        ["settings"] = new JsonObject { ["enableAutoRecovery"] = true },
    });

    public static string SemanticModelSettings() => Json(new JsonObject
    {
        ["version"] = "4.2",
        ["settings"] = new JsonObject(),
    });

    public static string ReportDefinition() => Json(new JsonObject
    {
        ["version"] = "4.0",
        ["datasetReference"] = new JsonObject
        {
            ["byPath"] = new JsonObject { ["path"] = "../" + PowerBiProjectWriter.SemanticModelFolder },
        },
    });

    /// <summary>A report.json (PBIR-Legacy) with the three pages, empty: visuals are laid out in Desktop.</summary>
    public static string Report()
    {
        var sections = new JsonArray();
        for (var i = 0; i < Pages.Count; i++)
        {
            sections.Add(new JsonObject
            {
                ["config"] = "{}",
                ["displayName"] = Pages[i],
                ["displayOption"] = 1,
                ["filters"] = "[]",
                ["height"] = 720,
                ["name"] = "page" + Tmdl.LineageTag("page", Pages[i]).Replace("-", "", StringComparison.Ordinal)[..16],
                ["ordinal"] = i,
                ["visualContainers"] = new JsonArray(),
                ["width"] = 1280,
            });
        }
        return Json(new JsonObject
        {
            ["config"] = "{\"version\":\"5.53\",\"themeCollection\":{},\"activeSectionIndex\":0}",
            ["layoutOptimization"] = 0,
            ["sections"] = sections,
        });
    }

    private static string Json(JsonNode node) => node.ToJsonString(Indented) + "\n";
}
