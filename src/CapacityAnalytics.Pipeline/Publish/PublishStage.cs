using CapacityAnalytics.Pipeline.Bi.Dashboard;
using CapacityAnalytics.Pipeline.Bi.PowerBi;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.SqlServer;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Publish;

/// <summary>Publishes the star schema to every target the pipeline file names.</summary>
public sealed class PublishStage(IReadOnlyList<IPublisher> publishers) : IStage
{
    public string Name => "publish";

    public static PublishStage For(PipelineConfig config)
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
        return new PublishStage(targets);
    }

    /// <summary>The run summary's line saying where the dashboard is.</summary>
    public const string DashboardOutput = "Dashboard";

    public StageResult Run(RunContext context, CancellationToken cancellationToken)
    {
        var tables = PublishedTables.All.Where(t => context.Connection.TableExists(t.Name)).ToList();
        var details = new List<string>();
        long rows = 0;
        foreach (var publisher in publishers)
        {
            var result = publisher.Publish(context, tables, cancellationToken);
            rows = Math.Max(rows, result.Rows);
            details.Add($"{result.Target}: {result.Tables} tables -> {result.Location}");
            if (publisher is DashboardPublisher)
            {
                context.Outputs[DashboardOutput] = "open " + result.Location + " in a browser (works offline)";
            }
        }
        return new StageResult(Name, 0, rows, rows, details);
    }
}
