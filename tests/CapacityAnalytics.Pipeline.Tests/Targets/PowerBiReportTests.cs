using System.Text.Json.Nodes;
using CapacityAnalytics.Pipeline.Targets.PowerBi;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

/// <summary>The generated project's JSON files against Microsoft's schemas, and the PBIR report against its own model.</summary>
public sealed class PowerBiReportTests : IDisposable
{
    private const string ParquetFolder = "/srv/capacity/out/parquet/current";

    private static readonly PowerBiSchemas Schemas = new();
    private readonly BiWarehouse w = new();
    private readonly TestFiles.TempFolder temp = new();

    private SemanticModel Model() => SemanticModelReader.Read(w.Connection, w.Tables, w.Catalog);

    private string Report => Path.Combine(temp.Path, PowerBiProjectWriter.ReportFolder);

    /// <summary>Every JSON file of the written project: path relative to the project -> text.</summary>
    private SortedDictionary<string, string> JsonFiles() => new(
        Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".pbip" or ".pbism" or ".pbir" or ".platform")
            .ToDictionary(f => Path.GetRelativePath(temp.Path, f).Replace('\\', '/'), File.ReadAllText),
        StringComparer.Ordinal);

    [Fact]
    public void Every_json_file_of_the_project_validates_against_the_schema_its_schema_property_names()
    {
        // Given a project written for the fixture warehouse
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        var files = JsonFiles();

        // Then every JSON file names a schema, and is valid against the offline copy of that schema
        Assert.Contains("CapacityAnalytics.pbip", files.Keys);
        Assert.Contains("CapacityAnalytics.Report/.platform", files.Keys);
        Assert.Contains("CapacityAnalytics.SemanticModel/.platform", files.Keys);
        Assert.Contains(files.Keys, f => f.EndsWith("/visual.json", StringComparison.Ordinal));
        foreach (var (file, text) in files)
        {
            var schema = JsonNode.Parse(text)!["$schema"]?.GetValue<string>();
            Assert.True(schema is not null, $"{file} has no $schema");
            var errors = Schemas.Errors(schema, text);
            Assert.True(errors.Count == 0, $"{file} is not valid against {schema}:\n{string.Join("\n", errors.Take(10))}");
        }
    }

    [Theory]
    [InlineData("definition/pages/book_health/visuals/book_load_vs_capacity/visual.json", "/position", "left", "10")]
    [InlineData("definition/pages/book_health/page.json", "/", "displayOption", "\"Sideways\"")]
    [InlineData("definition/pages/pages.json", "/", "pageOrder", "\"book_health\"")]
    [InlineData(".platform", "/config", "logicalId", "42")]
    public void A_file_that_breaks_its_schema_fails_validation(string file, string parent, string property, string value)
    {
        // Given a written project, and one of its files with a property the schema does not allow
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        var text = File.ReadAllText(Path.Combine(Report, file));
        var node = JsonNode.Parse(text)!;
        var target = parent == "/" ? node : node[parent.TrimStart('/')]!;
        target[property] = JsonNode.Parse(value);
        var url = node["$schema"]!.GetValue<string>();

        // Then the original is valid and the changed one is not
        Assert.Empty(Schemas.Errors(url, text));
        Assert.NotEmpty(Schemas.Errors(url, node.ToJsonString()));
    }

    [Fact]
    public void A_schema_url_without_an_offline_copy_fails_rather_than_being_fetched()
    {
        Assert.ThrowsAny<Exception>(() => Schemas.Schema("https://developer.microsoft.com/json-schemas/fabric/item/report/definition/page/9.9.0/schema.json"));
    }

    [Fact]
    public void The_report_is_a_pbir_folder_with_the_dashboard_pages_and_model_accuracy_in_order()
    {
        // When the project is written
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);

        // Then there is no PBIR-Legacy report.json, and pages.json orders the five pages, each with its folder
        Assert.False(File.Exists(Path.Combine(Report, "report.json")));
        foreach (var file in new[] { "definition/version.json", "definition/report.json", "definition/pages/pages.json" })
        {
            Assert.True(File.Exists(Path.Combine(Report, file)), file);
        }
        var order = Json(Path.Combine(Report, "definition", "pages", "pages.json"))["pageOrder"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(["book_health", "early_warning", "calibration", "model_accuracy", "planning", "hiring"], order);
        Assert.Equal(["Book health", "Early warning", "Calibration", "Model accuracy", "Planning", "Hiring"],
            order.Select(p => Json(Path.Combine(Report, "definition", "pages", p, "page.json"))["displayName"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_field_a_visual_references_exists_in_the_semantic_model_the_writer_wrote()
    {
        // Given the project and the model it was written from
        var model = Model();
        PowerBiProjectWriter.Write(temp.Path, model, ParquetFolder);

        // When every Column and Measure reference of every visual is collected
        var references = Visuals().SelectMany(v => References(v.Json).Select(r => (v.Name, r.Kind, r.Table, r.Name))).ToList();

        // Then each names a table of the model and a column of that table, or a measure whose home table it is
        Assert.True(references.Count > 60, $"only {references.Count} references");
        foreach (var (visual, kind, table, name) in references)
        {
            Assert.True(model.Table(table) is not null, $"{visual}: table {table} is not in the model");
            if (kind == "Measure")
            {
                Assert.True(model.Measures.Any(m => m.Name == name && m.Table == table), $"{visual}: measure [{name}] is not in {table}");
            }
            else
            {
                Assert.True(model.HasColumn(table, name), $"{visual}: column {table}[{name}] is not in the model");
            }
        }
    }

    [Fact]
    public void The_fixture_model_gives_every_declared_field_and_every_visual_is_written()
    {
        // Given the model of the fixture warehouse (every published table)
        var model = Model();

        // When the declared layout is checked against it
        var missing = ReportLayout.Pages.SelectMany(p => p.Visuals).SelectMany(v => v.Fields)
            .Where(f => ReportLayout.Resolve(model, f) is null)
            .Select(f => f.Name).Distinct().ToList();

        // Then nothing is missing, and every page and visual is written
        Assert.Empty(missing);
        Assert.Equal(ReportLayout.Pages.Select(p => p.Visuals.Count), ReportLayout.For(model).Select(p => p.Visuals.Count));
    }

    [Fact]
    public void Every_page_has_visuals_inside_it_and_no_two_visuals_overlap()
    {
        // Given the written report
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);

        foreach (var page in Directory.GetDirectories(Path.Combine(Report, "definition", "pages")))
        {
            var json = Json(Path.Combine(page, "page.json"));
            var (width, height) = (json["width"]!.GetValue<double>(), json["height"]!.GetValue<double>());
            Assert.Equal((1280.0, 720.0), (width, height));
            var boxes = Visuals(Path.GetFileName(page)).Select(v => (v.Name, Box: Position(v.Json))).ToList();

            // Then the page has visuals, each within the page, and no two share a pixel
            Assert.True(boxes.Count > 0, $"{Path.GetFileName(page)} has no visuals");
            foreach (var (name, (x, y, w, h)) in boxes)
            {
                Assert.True(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height, $"{name} leaves the page: {x},{y} {w}x{h}");
            }
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    var (a, b) = (boxes[i].Box, boxes[j].Box);
                    var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                    Assert.False(overlap, $"{boxes[i].Name} overlaps {boxes[j].Name}");
                }
            }
        }
    }

    [Fact]
    public void A_run_without_calibration_drops_the_calibration_page_and_its_stale_files()
    {
        // Given a project written with the capacity tables
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        Assert.True(Directory.Exists(Path.Combine(Report, "definition", "pages", "calibration")));

        // When it is written again for a run without them
        var full = Model();
        var tables = full.Tables.Where(t => !t.Name.StartsWith("capacity_", StringComparison.Ordinal)).ToList();
        PowerBiProjectWriter.Write(temp.Path, SemanticModelReader.Build(tables, [], w.Catalog), ParquetFolder);

        // Then the Calibration page is gone from disk and from pages.json, and the other two are whole
        Assert.False(Directory.Exists(Path.Combine(Report, "definition", "pages", "calibration")));
        Assert.Equal(["book_health", "early_warning"],
            Json(Path.Combine(Report, "definition", "pages", "pages.json"))["pageOrder"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(ReportLayout.Pages[1].Visuals.Count, Visuals("early_warning").Count());
    }

    [Fact]
    public void A_legacy_report_json_of_an_earlier_publish_is_removed()
    {
        // Given a project folder from before the PBIR format, with its report.json
        Directory.CreateDirectory(Report);
        File.WriteAllText(Path.Combine(Report, "report.json"), "{\"sections\":[]}");

        // When the project is written
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);

        // Then only the definition/ folder describes the report
        Assert.False(File.Exists(Path.Combine(Report, "report.json")));
        Assert.True(File.Exists(Path.Combine(Report, "definition", "report.json")));
    }

    [Fact]
    public void The_item_folders_have_a_platform_file_with_a_logical_id_fixed_by_the_item()
    {
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);

        var report = Json(Path.Combine(Report, ".platform"));
        var model = Json(Path.Combine(temp.Path, PowerBiProjectWriter.SemanticModelFolder, ".platform"));

        Assert.Equal("Report", report["metadata"]!["type"]!.GetValue<string>());
        Assert.Equal("SemanticModel", model["metadata"]!["type"]!.GetValue<string>());
        var ids = new[] { report, model }.Select(p => p["config"]!["logicalId"]!.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(PbipFiles.Platform("Report"), File.ReadAllText(Path.Combine(Report, ".platform")));
    }

    private IEnumerable<(string Name, JsonNode Json)> Visuals(string? page = null) =>
        Directory.GetFiles(Path.Combine(Report, "definition", "pages", page ?? ""), "visual.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(Path.GetDirectoryName(f)!), Json(f)));

    private static JsonNode Json(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static (double X, double Y, double W, double H) Position(JsonNode visual)
    {
        var p = visual["position"]!;
        return (p["x"]!.GetValue<double>(), p["y"]!.GetValue<double>(), p["width"]!.GetValue<double>(), p["height"]!.GetValue<double>());
    }

    /// <summary>
    /// Every <c>Column</c> and <c>Measure</c> expression in a visual, with the table its <c>SourceRef</c> names: an
    /// <c>Entity</c> directly, or a <c>Source</c> alias that a filter's <c>From</c> maps to one.
    /// </summary>
    private static IEnumerable<(string Kind, string Table, string Name)> References(JsonNode visual)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in Walk(visual).OfType<JsonObject>().Where(o => o["From"] is JsonArray))
        {
            foreach (var from in node["From"]!.AsArray())
            {
                aliases[from!["Name"]!.GetValue<string>()] = from["Entity"]!.GetValue<string>();
            }
        }
        foreach (var node in Walk(visual).OfType<JsonObject>())
        {
            foreach (var kind in new[] { "Column", "Measure" })
            {
                if (node[kind] is not JsonObject expression) continue;
                var source = expression["Expression"]!["SourceRef"]!;
                var table = source["Entity"]?.GetValue<string>() ?? aliases[source["Source"]!.GetValue<string>()];
                yield return (kind, table, expression["Property"]!.GetValue<string>());
            }
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        if (node is null) yield break;
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Walk))
        {
            yield return child;
        }
    }

    public void Dispose()
    {
        w.Dispose();
        temp.Dispose();
    }
}
