using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Targets.Dashboard;
using CapacityAnalytics.Pipeline.Targets.DuckDb;
using CapacityAnalytics.Pipeline.Targets.Parquet;
using CapacityAnalytics.Pipeline.Targets.PowerBi;
using CapacityAnalytics.Pipeline.Targets.SqlServer;

namespace CapacityAnalytics.Pipeline.Hosting;

/// <summary>The publish targets a pipeline file names, in the order they are written.</summary>
public static class PublishTargets
{
    public static IReadOnlyList<IPublisher> For(PipelineConfig config)
    {
        var targets = new List<IPublisher>();
        var publish = config.Publish;
        if (publish.Duckdb is not null) targets.Add(new DuckDbPublisher());
        if (publish.Parquet is { } parquet) targets.Add(new ParquetPublisher(Path.Combine(config.OutDirectory, "parquet"), parquet.Keep));
        // The Power BI project reads the Parquet publish; it is written after it and points at parquet/current.
        if (publish.Powerbi is not null)
        {
            if (publish.Parquet is null) throw new ConfigurationException($"{config.SourceFile}: publish.powerbi reads the Parquet output; add publish.parquet.");
            targets.Add(new PowerBiPublisher(Path.Combine(config.OutDirectory, "powerbi"), Path.Combine(config.OutDirectory, "parquet", CurrentPointer.LinkName)));
        }
        if (publish.Dashboard is not null) targets.Add(new DashboardPublisher(Path.Combine(config.OutDirectory, "dashboard")));
        if (publish.Sqlserver is { } sqlServer) targets.Add(new SqlServerPublisher(sqlServer));
        return targets;
    }
}
