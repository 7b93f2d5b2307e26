using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Publish;

/// <summary>Publishes the star schema the SQL layer declares (<see cref="PublishedTables"/>) to every target the pipeline file names.</summary>
public sealed class PublishStage(IReadOnlyList<IPublisher> publishers, string? sqlDirectory = null) : IStage
{
    public string Name => "publish";

    public StageResult Run(RunContext context, CancellationToken cancellationToken)
    {
        var tables = PublishedTables.For(sqlDirectory ?? SqlFolder.Default).Where(t => context.Connection.TableExists(t.Name)).ToList();
        var details = new List<string>();
        var targets = new List<PublishResult>();
        long rows = 0;
        foreach (var publisher in publishers)
        {
            var result = publisher.Publish(context, tables, cancellationToken) with { Kind = publisher.Kind };
            targets.Add(result);
            rows = Math.Max(rows, result.Rows);
            details.Add($"{result.Target}: {result.Tables} tables -> {result.Location}");
        }
        return new PublishStageResult(Name, 0, rows, rows, details, targets);
    }
}

/// <summary>What publish wrote: one entry per target, in the order they were written.</summary>
public sealed record PublishStageResult(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details,
    IReadOnlyList<PublishResult> Targets)
    : StageResult(Stage, Seconds, RowsIn, RowsOut, Details)
{
    /// <summary>The dashboard's first page, when the dashboard was a target.</summary>
    public string? DashboardLocation => Targets.FirstOrDefault(t => t.Kind == PublishTargetKind.Dashboard)?.Location;
}
