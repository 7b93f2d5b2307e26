using System.Globalization;
using System.Text.Json.Nodes;

namespace CapacityAnalytics.Pipeline.Targets.PowerBi;

/// <summary>
/// The report in the PBIR folder format: <c>definition/version.json</c>, <c>report.json</c>, <c>pages/pages.json</c>,
/// and per page <c>pages/&lt;page&gt;/page.json</c> with <c>visuals/&lt;visual&gt;/visual.json</c>. Fields are
/// written in the semantic query form (a <c>Column</c>, <c>Measure</c> or <c>Aggregation</c> over a <c>SourceRef</c>
/// naming the model's table).
/// </summary>
public static class ReportFiles
{
    /// <summary>The report definition's files: path relative to the report folder (with <c>/</c>) -> text.</summary>
    public static SortedDictionary<string, string> Files(IReadOnlyList<ReportPage> pages)
    {
        var pagesJson = new JsonObject
        {
            ["$schema"] = PbipFiles.Schemas.Pages,
            ["pageOrder"] = new JsonArray([.. pages.Select(p => (JsonNode)p.Name)]),
        };
        if (pages.Count > 0) pagesJson["activePageName"] = pages[0].Name;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["definition/version.json"] = PbipFiles.Json(new JsonObject { ["$schema"] = PbipFiles.Schemas.Version, ["version"] = "2.0.0" }),
            ["definition/report.json"] = Report(),
            ["definition/pages/pages.json"] = PbipFiles.Json(pagesJson),
        };
        foreach (var page in pages)
        {
            var folder = "definition/pages/" + page.Name + "/";
            files[folder + "page.json"] = Page(page);
            for (var i = 0; i < page.Visuals.Count; i++)
            {
                files[folder + "visuals/" + page.Visuals[i].Name + "/visual.json"] = Visual(page.Visuals[i], i);
            }
        }
        return files;
    }

    /// <summary>report.json: no custom theme (Desktop applies its default one); tooltips and headers as Desktop's new reports have them.</summary>
    public static string Report() => PbipFiles.Json(new JsonObject
    {
        ["$schema"] = PbipFiles.Schemas.ReportJson,
        ["themeCollection"] = new JsonObject(),
        ["settings"] = new JsonObject
        {
            ["useStylableVisualContainerHeader"] = true,
            ["defaultDrillFilterOtherVisuals"] = true,
        },
    });

    public static string Page(ReportPage page) => PbipFiles.Json(new JsonObject
    {
        ["$schema"] = PbipFiles.Schemas.Page,
        ["name"] = page.Name,
        ["displayName"] = page.DisplayName,
        ["displayOption"] = "FitToPage",
        ["height"] = ReportLayout.PageHeight,
        ["width"] = ReportLayout.PageWidth,
    });

    /// <summary>One visual.json; <paramref name="index"/> orders the visuals for the keyboard (tabOrder) and stacking (z).</summary>
    public static string Visual(ReportVisual visual, int index)
    {
        var queryState = new JsonObject();
        foreach (var role in visual.Roles)
        {
            queryState[role.Name] = new JsonObject { ["projections"] = new JsonArray([.. role.Fields.Select(Projection)]) };
        }
        var container = new JsonObject
        {
            ["$schema"] = PbipFiles.Schemas.Visual,
            ["name"] = visual.Name,
            ["position"] = new JsonObject
            {
                ["x"] = visual.Box.X,
                ["y"] = visual.Box.Y,
                ["z"] = index * 1000,
                ["height"] = visual.Box.Height,
                ["width"] = visual.Box.Width,
                ["tabOrder"] = index * 1000,
            },
            ["visual"] = new JsonObject
            {
                ["visualType"] = visual.Type,
                ["query"] = new JsonObject { ["queryState"] = queryState },
                ["visualContainerObjects"] = new JsonObject
                {
                    ["title"] = new JsonArray(new JsonObject
                    {
                        ["properties"] = new JsonObject
                        {
                            ["show"] = Literal("true"),
                            ["text"] = Literal(Text(visual.Title)),
                        },
                    }),
                },
                ["drillFilterOtherVisuals"] = true,
            },
        };
        if (visual.Filter is { } filter) container["filterConfig"] = FilterConfig(visual.Name, filter);
        return PbipFiles.Json(container);
    }

    /// <summary>The semantic query expression of a field: Column, Measure, or an Average aggregation of a column.</summary>
    public static JsonObject Field(ReportField field)
    {
        var property = new JsonObject { ["Expression"] = SourceRef(field.Table), ["Property"] = field.Name };
        return field.Kind switch
        {
            ReportFieldKind.Measure => new JsonObject { ["Measure"] = property },
            ReportFieldKind.Average => new JsonObject
            {
                ["Aggregation"] = new JsonObject { ["Expression"] = new JsonObject { ["Column"] = property }, ["Function"] = 1 },
            },
            _ => new JsonObject { ["Column"] = property },
        };
    }

    /// <summary>The name a visual gives a field: <c>table.name</c>, or <c>Avg(table.name)</c> for an average.</summary>
    public static string QueryRef(ReportField field) => field.Kind == ReportFieldKind.Average
        ? $"Avg({field.Table}.{field.Name})"
        : $"{field.Table}.{field.Name}";

    private static JsonNode Projection(ReportField field) => new JsonObject
    {
        ["field"] = Field(field),
        ["queryRef"] = QueryRef(field),
        ["nativeQueryRef"] = field.Kind == ReportFieldKind.Average ? "Average of " + field.Name : field.Name,
    };

    private static JsonObject SourceRef(string table) => new() { ["SourceRef"] = new JsonObject { ["Entity"] = table } };

    /// <summary>A visual-level basic filter: <c>column in ('value')</c>, as Desktop writes one.</summary>
    private static JsonObject FilterConfig(string visualName, ReportFilter filter)
    {
        var column = new JsonObject
        {
            ["Column"] = new JsonObject { ["Expression"] = SourceRef(filter.Table), ["Property"] = filter.Column },
        };
        var alias = filter.Table[..1];
        return new JsonObject
        {
            ["filters"] = new JsonArray(new JsonObject
            {
                ["name"] = "filter_" + visualName,
                ["field"] = column,
                ["type"] = "Categorical",
                ["filter"] = new JsonObject
                {
                    ["Version"] = 2,
                    ["From"] = new JsonArray(new JsonObject { ["Name"] = alias, ["Entity"] = filter.Table, ["Type"] = 0 }),
                    ["Where"] = new JsonArray(new JsonObject
                    {
                        ["Condition"] = new JsonObject
                        {
                            ["In"] = new JsonObject
                            {
                                ["Expressions"] = new JsonArray(new JsonObject
                                {
                                    ["Column"] = new JsonObject
                                    {
                                        ["Expression"] = new JsonObject { ["SourceRef"] = new JsonObject { ["Source"] = alias } },
                                        ["Property"] = filter.Column,
                                    },
                                }),
                                ["Values"] = new JsonArray(new JsonArray(Literal(Text(filter.Value))["expr"]!.DeepClone())),
                            },
                        },
                    }),
                },
            }),
        };
    }

    /// <summary>A formatting literal: <c>{"expr": {"Literal": {"Value": ...}}}</c>.</summary>
    private static JsonObject Literal(string value) => new()
    {
        ["expr"] = new JsonObject { ["Literal"] = new JsonObject { ["Value"] = value } },
    };

    /// <summary>A text literal as the query language spells it: in single quotes, a quote doubled.</summary>
    private static string Text(string text) => string.Create(CultureInfo.InvariantCulture, $"'{text.Replace("'", "''", StringComparison.Ordinal)}'");
}
