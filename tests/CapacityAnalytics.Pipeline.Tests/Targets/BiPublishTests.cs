using System.Text.RegularExpressions;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

public sealed partial class BiPublishTests : IDisposable
{
    private readonly BiWarehouse w = new();
    private readonly TestFiles.TempFolder temp = new();

    private PipelineConfig Config(bool parquet = true) => new()
    {
        Name = "bi",
        BaseDirectory = temp.Path,
        SourceFile = Path.Combine(temp.Path, "bi.yaml"),
        Publish = new PublishConfig { Duckdb = null, Parquet = parquet ? new ParquetTarget() : null, Powerbi = new PowerBiTarget(), Dashboard = new DashboardTarget() },
    };

    private RunContext Context(PipelineConfig config) => TestRunContext.For(w.Connection, "run1", config);

    [Fact]
    public void The_publish_stage_writes_parquet_then_a_power_bi_project_that_reads_exactly_those_files_and_the_dashboard()
    {
        // Given a pipeline publishing Parquet, Power BI and the dashboard
        var config = Config();

        // When the publish stage runs on the fixture warehouse
        new PublishStage(PublishTargets.For(config)).Run(Context(config), CancellationToken.None);

        // Then the project's folder parameter is the absolute parquet/current and every partition's file is there
        var outDir = config.OutDirectory;
        var definition = Path.Combine(outDir, "powerbi", "CapacityAnalytics.SemanticModel", "definition");
        var parquetFolder = Path.Combine(outDir, "parquet", "current");
        Assert.Contains($"expression ParquetFolder = \"{parquetFolder}\"", File.ReadAllText(Path.Combine(definition, "expressions.tmdl")), StringComparison.Ordinal);
        var tables = Directory.GetFiles(Path.Combine(definition, "tables"), "*.tmdl");
        Assert.Equal(w.Tables.Count, tables.Length);
        foreach (var table in tables)
        {
            var path = PartitionPath().Match(File.ReadAllText(table)).Groups[1].Value;
            Assert.True(File.Exists(parquetFolder + path) || Directory.Exists(parquetFolder + path), $"{Path.GetFileName(table)} reads {path}, which the Parquet publish did not write");
        }
        Assert.True(File.Exists(Path.Combine(outDir, "powerbi", "CapacityAnalytics.pbip")));
        Assert.True(File.Exists(Path.Combine(outDir, "dashboard", "index.html")));
    }

    [Fact]
    public void A_power_bi_project_the_same_tables_give_again_is_kept_and_a_new_column_writes_it_again()
    {
        // Given a first publish, and a file Desktop keeps in the project
        var config = Config();
        var powerbi = Path.Combine(config.OutDirectory, "powerbi");
        var table = Path.Combine(powerbi, "CapacityAnalytics.SemanticModel", "definition", "tables", "fct_csm_week.tmdl");
        Assert.Equal(0, PowerBi(Publish(config, "run1")).Kept);
        File.WriteAllText(Path.Combine(powerbi, "desktop-settings.json"), "{}");
        var written = File.GetLastWriteTimeUtc(table);

        // When the same tables are published again
        var second = PowerBi(Publish(config, "run2"));

        // Then the project is kept as it is (no file written again) and names the second run
        Assert.Equal(w.Tables.Count, second.Kept);
        Assert.Equal(written, File.GetLastWriteTimeUtc(table));
        Assert.Equal("run2", FolderSwap.RunOf(powerbi));
        Assert.True(File.Exists(Path.Combine(powerbi, "desktop-settings.json")));

        // When a table has gained a column
        w.Connection.Execute("alter table fct_csm_week add column extra_hours double");
        var third = PowerBi(Publish(config, "run3"));

        // Then the project is written again with it, Desktop's file still beside it
        Assert.Equal(0, third.Kept);
        Assert.Contains("extra_hours", File.ReadAllText(table), StringComparison.Ordinal);
        Assert.Equal("run3", FolderSwap.RunOf(powerbi));
        Assert.True(File.Exists(Path.Combine(powerbi, "desktop-settings.json")));
    }

    private PublishStageResult Publish(PipelineConfig config, string runId) =>
        (PublishStageResult)new PublishStage(PublishTargets.For(config)).Run(TestRunContext.For(w.Connection, runId, config), CancellationToken.None);

    private static PublishResult PowerBi(PublishStageResult result) => result.Targets.Single(t => t.Kind == PublishTargetKind.PowerBi);

    [Fact]
    public void Power_bi_without_parquet_is_a_configuration_error_naming_the_file()
    {
        var ex = Assert.Throws<ConfigurationException>(() => PublishTargets.For(Config(parquet: false)));

        Assert.Contains("bi.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("publish.parquet", ex.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("ParquetFolder & \"([^\"]+)\"")]
    private static partial Regex PartitionPath();

    public void Dispose()
    {
        w.Dispose();
        temp.Dispose();
    }
}
