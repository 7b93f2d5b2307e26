using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Pipeline.Publish;

/// <summary>A publish target (DuckDB, Parquet, SQL Server, Power BI, dashboard), chosen in the pipeline file.</summary>
public interface IPublisher
{
    string Name { get; }

    /// <summary>Publishes the tables that exist; returns where they went, for the run summary.</summary>
    PublishResult Publish(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken);
}

public sealed record PublishResult(string Target, string Location, int Tables, long Rows);
