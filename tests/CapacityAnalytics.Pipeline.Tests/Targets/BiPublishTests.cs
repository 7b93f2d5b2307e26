using System.Text.RegularExpressions;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Tests.Support;

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
