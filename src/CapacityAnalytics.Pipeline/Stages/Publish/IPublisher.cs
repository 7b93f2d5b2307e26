using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Publish;

/// <summary>
/// A publish target (DuckDB, Parquet, SQL Server, Power BI, dashboard), chosen in the pipeline file. A publish is one
/// transaction across every target (<see cref="PublishStage"/>): each target first writes its new content aside
/// (<see cref="Prepare"/>, nothing a reader sees changes), and only when every target is prepared is each one
/// switched (<see cref="PreparedPublish.Commit"/>).
/// </summary>
public interface IPublisher
{
    string Name { get; }

    PublishTargetKind Kind { get; }

    /// <summary>Writes the tables that exist aside, where no reader looks yet; nothing visible changes.</summary>
    PreparedPublish Prepare(RunContext context, IReadOnlyList<PublishedTable> tables, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes switching this target to <paramref name="committedRunId"/> when a killed run left it prepared but not
    /// switched; a no-op when it already holds that run or holds nothing of it. Returns true when it switched.
    /// </summary>
    bool RollForward(RunContext context, string committedRunId) => false;
}

/// <summary>One target published alone, outside a run's publish (tests and tools).</summary>
public static class PublisherExtensions
{
    /// <summary>Prepares and switches <paramref name="publisher"/> alone; a warehouse target switches in its own transaction.</summary>
    public static PublishResult Publish(this IPublisher publisher, RunContext context, IReadOnlyList<PublishedTable> tables,
        CancellationToken cancellationToken)
    {
        using var prepared = publisher.Prepare(context, tables, cancellationToken);
        if (prepared.InWarehouse) context.Connection.Execute("begin transaction");
        try
        {
            prepared.Commit();
            if (prepared.InWarehouse) context.Connection.Execute("commit");
        }
        catch
        {
            if (prepared.InWarehouse) context.Connection.Execute("rollback");
            throw;
        }
        prepared.Finish();
        return prepared.Result;
    }
}

/// <summary>A target's publish written aside: switch it in (<see cref="Commit"/>), or drop it (<see cref="IDisposable.Dispose"/> before Commit).</summary>
public abstract class PreparedPublish : IDisposable
{
    private bool _committed;

    /// <summary>Where the publish goes, for the run summary.</summary>
    public required PublishResult Result { get; set; }

    /// <summary>True for the target that lives in the warehouse: it switches inside the warehouse transaction that is the publish's commit point.</summary>
    public virtual bool InWarehouse => false;

    /// <summary>Switches readers to the new content: short, and safe to repeat.</summary>
    public void Commit()
    {
        Switch();
        _committed = true;
    }

    /// <summary>After every target has switched: removes what the switch left behind (the previous content, old publishes).</summary>
    public virtual void Finish()
    {
    }

    protected abstract void Switch();

    /// <summary>Removes what was written aside; the target is left as it was.</summary>
    protected abstract void Discard();

    public void Dispose()
    {
        if (!_committed) Discard();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Where one target's publish went, for the run summary.</summary>
public sealed record PublishResult(string Target, string Location, int Tables, long Rows)
{
    public PublishTargetKind Kind { get; init; }

    /// <summary>How many of the tables the target already held as they are (same content) and kept instead of writing them again.</summary>
    public int Kept { get; init; }
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
