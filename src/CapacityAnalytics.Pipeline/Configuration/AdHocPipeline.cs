namespace CapacityAnalytics.Pipeline.Configuration;

/// <summary>
/// A pipeline for a folder of exports given on the command line, with defaults for everything else: the shipped
/// capacity model, UTC, and every publish target that needs no server.
/// </summary>
public static class AdHocPipeline
{
    /// <summary>The capacity model shipped beside the assemblies.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "capacity-model.yaml");

    public static PipelineConfig For(string extracts, string preset, string outDirectory, string? timezone = null)
    {
        var config = new PipelineConfig
        {
            Name = "adhoc",
            Sources = [new SourceConfig { Path = Path.GetFullPath(extracts), Preset = preset }],
            Out = Path.GetFullPath(outDirectory),
            Model = DefaultModelPath,
            Timezone = timezone ?? "UTC",
            BaseDirectory = Directory.GetCurrentDirectory(),
            SourceFile = "(command line)",
        };
        config.Publish.Parquet = new ParquetTarget();
        config.Publish.Powerbi = new PowerBiTarget();
        config.Publish.Dashboard = new DashboardTarget();
        return config;
    }
}
