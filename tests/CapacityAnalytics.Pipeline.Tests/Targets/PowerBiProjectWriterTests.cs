using System.Text.Json;
using System.Text.RegularExpressions;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Targets.PowerBi;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

public sealed partial class PowerBiProjectWriterTests : IDisposable
{
    private const string ParquetFolder = "/srv/capacity/out/parquet/current";
    private readonly BiWarehouse w = new();
    private readonly TestFiles.TempFolder temp = new();

    private SemanticModel Model() => SemanticModelReader.Read(w.Connection, w.Tables, w.Catalog);

    private string Definition => Path.Combine(temp.Path, PowerBiProjectWriter.SemanticModelFolder, "definition");

    private Dictionary<string, string> Tables() => Directory.GetFiles(Path.Combine(Definition, "tables"), "*.tmdl")
        .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);

    [Fact]
    public void Writes_the_project_the_semantic_model_and_a_report_with_its_five_pages()
    {
        // When the project is written for the fixture warehouse
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);

        // Then the PBIP layout is there, the report points at the model by relative path and has the five pages
        foreach (var file in new[] { "CapacityAnalytics.pbip", "CapacityAnalytics.SemanticModel/definition.pbism", "CapacityAnalytics.SemanticModel/definition/database.tmdl",
            "CapacityAnalytics.SemanticModel/definition/model.tmdl", "CapacityAnalytics.SemanticModel/definition/expressions.tmdl",
            "CapacityAnalytics.SemanticModel/definition/relationships.tmdl", "CapacityAnalytics.SemanticModel/definition/tables/fct_csm_week.tmdl",
            "CapacityAnalytics.Report/definition.pbir", "CapacityAnalytics.Report/definition/report.json" })
        {
            Assert.True(File.Exists(Path.Combine(temp.Path, file)), file);
        }
        using var pbir = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "CapacityAnalytics.Report", "definition.pbir")));
        var modelPath = pbir.RootElement.GetProperty("datasetReference").GetProperty("byPath").GetProperty("path").GetString()!;
        Assert.True(Directory.Exists(Path.Combine(temp.Path, "CapacityAnalytics.Report", modelPath)), modelPath);
        using var pages = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "CapacityAnalytics.Report", "definition", "pages", "pages.json")));
        Assert.Equal(["Book health", "Early warning", "Calibration", "Model accuracy", "Planning", "Hiring"], pages.RootElement.GetProperty("pageOrder").EnumerateArray().Select(p =>
        {
            using var page = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "CapacityAnalytics.Report", "definition", "pages", p.GetString()!, "page.json")));
            return page.RootElement.GetProperty("displayName").GetString();
        }));
        using var pbip = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "CapacityAnalytics.pbip")));
        Assert.Equal("CapacityAnalytics.Report", pbip.RootElement.GetProperty("artifacts")[0].GetProperty("report").GetProperty("path").GetString());
    }

    [Fact]
    public void A_rerun_writes_the_same_bytes_and_leaves_unchanged_files_alone()
    {
        // Given a written project
        var first = PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        var before = Snapshot();
        var stamps = first.ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(temp.Path, f)), StringComparer.Ordinal);
        Thread.Sleep(20);

        // When it is written again from a fresh read of the same warehouse
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);

        // Then no byte and no file time changed (no fresh GUIDs or timestamps)
        Assert.Equal(before, Snapshot());
        Assert.All(first, f => Assert.Equal(stamps[f], File.GetLastWriteTimeUtc(Path.Combine(temp.Path, f))));
    }

    [Fact]
    public void A_folder_holds_the_project_only_with_every_file_the_same_and_none_stale()
    {
        // Given a written project and the files the same warehouse gives
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        var files = PowerBiProjectWriter.Files(Model(), ParquetFolder);
        var table = Path.Combine(Definition, "tables", "fct_csm_week.tmdl");
        var text = File.ReadAllText(table);

        // Then it holds them, as a publish that keeps the folder needs; and not after a file changed, went missing or
        // was left over from a table the model no longer has, nor once the warehouse gave a table another column
        Assert.True(PowerBiProjectWriter.Holds(temp.Path, files));
        File.WriteAllText(table, text + "\n");
        Assert.False(PowerBiProjectWriter.Holds(temp.Path, files));
        File.Delete(table);
        Assert.False(PowerBiProjectWriter.Holds(temp.Path, files));
        File.WriteAllText(table, text);
        Assert.True(PowerBiProjectWriter.Holds(temp.Path, files));
        File.WriteAllText(Path.Combine(Definition, "tables", "fct_dropped.tmdl"), "table fct_dropped\n");
        Assert.False(PowerBiProjectWriter.Holds(temp.Path, files));
        File.Delete(Path.Combine(Definition, "tables", "fct_dropped.tmdl"));
        w.Connection.Execute("alter table fct_csm_week add column extra_hours double");
        Assert.False(PowerBiProjectWriter.Holds(temp.Path, PowerBiProjectWriter.Files(Model(), ParquetFolder)));
        Assert.False(PowerBiProjectWriter.Holds(Path.Combine(temp.Path, "missing"), files));
    }

    [Fact]
    public void Every_table_column_and_measure_the_model_references_exists()
    {
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        var columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var measures = new Dictionary<string, List<(string Name, string Dax)>>(StringComparer.Ordinal);
        foreach (var (file, text) in Tables())
        {
            var lines = TmdlReader.Lines(text);
            var table = lines.Select(l => TmdlReader.Name(l.Text, "table")).First(n => n is not null)!;
            Assert.Equal(file, table);
            columns[table] = [.. lines.Where(l => l.Level == 1).Select(l => TmdlReader.Name(l.Text, "column")).OfType<string>()];
            measures[table] = [.. lines.Where(l => l.Level == 1 && l.Text.StartsWith("measure ", StringComparison.Ordinal))
                .Select(l => (TmdlReader.Name(l.Text, "measure")!, l.Text[(l.Text.IndexOf(" = ", StringComparison.Ordinal) + 3)..]))];
            // sourceColumn names a column of the table's Parquet file, which has the warehouse table's columns
            Assert.Equal(w.Columns(table), lines.Where(l => l.Text.StartsWith("sourceColumn: ", StringComparison.Ordinal)).Select(l => l.Text[14..]));
        }

        // model.tmdl refers to exactly the table files
        var refs = TmdlReader.Lines(File.ReadAllText(Path.Combine(Definition, "model.tmdl"))).Select(l => TmdlReader.Name(l.Text, "ref table")).OfType<string>();
        Assert.Equal(columns.Keys.Order(StringComparer.Ordinal), refs.Order(StringComparer.Ordinal));

        // relationships join existing columns, fact to dimension
        var relationships = RelationshipRefs().Matches(File.ReadAllText(Path.Combine(Definition, "relationships.tmdl")));
        Assert.True(relationships.Count >= 10, $"only {relationships.Count} relationship ends");
        foreach (Match end in relationships)
        {
            var (table, column) = (end.Groups["table"].Value, end.Groups["column"].Value);
            Assert.True(columns.TryGetValue(table, out var cs) && cs.Contains(column), $"relationship end {table}.{column} does not exist");
        }

        // every catalog measure is in its home table, and its DAX reads columns that exist
        Assert.Equal(w.Catalog.Measures.Count, measures.Values.Sum(m => m.Count));
        foreach (var (table, list) in measures)
        {
            foreach (var (name, dax) in list)
            {
                Assert.Equal(table, w.Catalog[name].Table);
                Assert.All(ColumnReferences.Dax(dax), r => Assert.True(columns[r.Table].Contains(r.Column), $"{name}: {r.Table}[{r.Column}] does not exist"));
            }
        }
    }

    [Fact]
    public void Partitions_read_the_tables_parquet_through_the_folder_parameter()
    {
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        var tables = Tables();

        Assert.Contains("Parquet.Document(File.Contents(ParquetFolder & \"/fct_csm_week.parquet\"))", tables["fct_csm_week"], StringComparison.Ordinal);
        // fct_activity is published as year=YYYY/part_YYYY-MM.parquet: every part file of the folder is combined
        Assert.Contains("Folder.Files(ParquetFolder & \"/fct_activity\")", tables["fct_activity"], StringComparison.Ordinal);
        Assert.Contains("Table.Combine(", tables["fct_activity"], StringComparison.Ordinal);
        Assert.DoesNotContain("File.Contents", tables["fct_activity"], StringComparison.Ordinal);
        var expressions = File.ReadAllText(Path.Combine(Definition, "expressions.tmdl"));
        Assert.Contains($"expression ParquetFolder = \"{ParquetFolder}\" meta [IsParameterQuery=true", expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_columns_carry_the_mart_yaml_descriptions_and_measures_their_format()
    {
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        var csmWeek = Tables()["fct_csm_week"];

        Assert.StartsWith("/// Per CSM and ISO week", csmWeek, StringComparison.Ordinal);
        Assert.Contains("\t/// proactive / (proactive + reactive).\n\tcolumn proactive_share\n\t\tdataType: double\n\t\tformatString: 0.0%\n", csmWeek, StringComparison.Ordinal);
        Assert.Contains("\tmeasure 'Proactive Share' = DIVIDE(SUM(fct_csm_week[proactive_hours]), SUM(fct_csm_week[proactive_hours]) + SUM(fct_csm_week[reactive_hours]))\n\t\tformatString: 0.0%\n", csmWeek, StringComparison.Ordinal);
        Assert.Contains("SUM(fct_csm_week[available_hours]) * 0.6666666666666666", csmWeek, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_is_indented_with_tabs_one_level_per_nesting()
    {
        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);

        foreach (var file in Directory.GetFiles(Definition, "*.tmdl", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain('\r', text);
            var previous = -1;
            var describedAt = -1;
            foreach (var line in TmdlReader.Lines(text))
            {
                var where = $"{Path.GetFileName(file)}:{line.Number}";
                if (line.InExpression) continue; // M keeps its own space indentation below the two tabs
                Assert.False(line.Text.StartsWith(' '), $"{where}: indented with spaces");
                Assert.True(line.Level <= previous + 1, $"{where}: jumps from level {previous} to {line.Level}");
                if (describedAt >= 0) Assert.Equal(describedAt, line.Level); // a description sits on its object's level
                describedAt = line.Text.StartsWith("///", StringComparison.Ordinal) ? line.Level : -1;
                previous = line.Level;
            }
        }
    }

    [Fact]
    public void Names_with_spaces_or_quotes_are_single_quoted_with_quotes_doubled()
    {
        Assert.Equal("fct_csm_week", Tmdl.Name("fct_csm_week"));
        Assert.Equal("'Proactive Share'", Tmdl.Name("Proactive Share"));
        Assert.Equal("'O''Neil''s share'", Tmdl.Name("O'Neil's share"));
        Assert.Equal("'ARR.at:risk='", Tmdl.Name("ARR.at:risk="));
        Assert.Equal("Book.'Customer Hours'", Tmdl.ColumnRef("Book", "Customer Hours"));

        PowerBiProjectWriter.Write(temp.Path, Model(), ParquetFolder);
        foreach (var line in Tables().Values.SelectMany(TmdlReader.Lines).Where(l => !l.InExpression))
        {
            foreach (var keyword in new[] { "table", "column", "measure", "partition" })
            {
                if (TmdlReader.NameToken(line.Text, keyword) is { } token)
                {
                    var name = TmdlReader.Name(line.Text, keyword)!;
                    Assert.Equal(Tmdl.Name(name), token);
                }
            }
        }
    }

    [Fact]
    public void A_measure_whose_table_is_not_published_is_left_out()
    {
        // Given a run without calibration: no capacity tables
        var tables = Model().Tables.Where(t => !t.Name.StartsWith("capacity_", StringComparison.Ordinal)).ToList();

        var model = SemanticModelReader.Build(tables, [], w.Catalog);

        Assert.DoesNotContain(model.Measures, m => m.Table.StartsWith("capacity_", StringComparison.Ordinal));
        Assert.Contains(model.Measures, m => m.Name == "Proactive Share");
        Assert.DoesNotContain(model.Relationships, r => r.FromTable.StartsWith("capacity_", StringComparison.Ordinal));
    }

    private SortedDictionary<string, string> Snapshot() => new(
        Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(temp.Path, f), File.ReadAllText),
        StringComparer.Ordinal);

    [GeneratedRegex(@"(?:fromColumn|toColumn): (?<table>[a-z_]+)\.(?<column>[a-z_0-9]+)")]
    private static partial Regex RelationshipRefs();

    public void Dispose()
    {
        w.Dispose();
        temp.Dispose();
    }
}
