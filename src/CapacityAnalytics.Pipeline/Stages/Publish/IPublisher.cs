using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Pipeline.Stages.Publish;

/// <summary>A publish target (DuckDB, Parquet, SQL Server, Power BI, dashboard), chosen in the pipeline file.</summary>
public interface IPublisher
{
    string Name { get; }

    PublishTargetKind Kind { get; }

    /// <summary>Publishes the tables that exist; returns where they went, for the run summary.</summary>
    PublishResult Publish(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken);
}

/// <summary>Where one target's publish went, for the run summary.</summary>
public sealed record PublishResult(string Target, string Location, int Tables, long Rows)
{
    public PublishTargetKind Kind { get; init; }
}

/// <summary>The kinds of publish target a pipeline file can name.</summary>
public enum PublishTargetKind
{
    DuckDb,
    Parquet,
    SqlServer,
    PowerBi,
    Dashboard,
}
