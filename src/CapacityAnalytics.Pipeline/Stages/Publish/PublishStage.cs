using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Publish;

/// <summary>
/// Publishes the star schema the SQL layer declares (<see cref="PublishedTables"/>) to every target the pipeline file
/// names, as one transaction across them:
/// <list type="number">
/// <item>finish a publish a killed run committed but did not switch everywhere (<see cref="IPublisher.RollForward"/>);</item>
/// <item>one warehouse transaction opens on the run's connection; in it the DuckDB schema is replaced while every other
/// target writes its content aside (<see cref="IPublisher.Prepare"/>), side by side on connections of their own; a
/// failure rolls the transaction back and drops all of it;</item>
/// <item>the commit point: the transaction records the run in <see cref="PublishLog"/> and commits; a failure or a kill
/// before it leaves every target on the previous run;</item>
/// <item>every other target is switched (renames, the SQL Server swap), then what they replaced is removed.</item>
/// </list>
/// </summary>
public sealed class PublishStage(IReadOnlyList<IPublisher> publishers, string? sqlDirectory = null) : IStage
{
    /// <summary>
    /// For the kill tests only: names a point of the publish (<c>prepared</c>, <c>committed</c>, <c>switched-&lt;target&gt;</c>)
    /// where the process prints <c>publish paused at POINT</c> and waits, so a test can SIGKILL it there.
    /// </summary>
    public const string PauseVariable = "CAPACITY_TEST_PUBLISH_PAUSE";

    public string Name => "publish";

    public bool WritesPublishTargets => true;

    /// <summary>Finishes a publish a killed run committed but did not switch on every target.</summary>
    public string? Recover(RunContext context)
    {
        if (PublishLog.Last(context.Connection) is not { } committed) return null;
        var finished = publishers.Where(p => p.RollForward(context, committed)).Select(p => p.Name).ToList();
        return finished.Count == 0 ? null
            : $"publish: finished switching {string.Join(", ", finished)} to run {committed}, which a killed run had committed";
    }

    public StageResult Run(RunContext context, CancellationToken cancellationToken)
    {
        var connection = context.Connection;
        var details = new List<string>();
        if (Recover(context) is { } recovered) details.Add(recovered);
        var previous = PublishLog.Last(connection);

        var existing = connection.TableNames();
        var tables = PublishedTables.WithContent(connection, [.. PublishedTables.For(sqlDirectory ?? SqlFolder.Default).Where(t => existing.Contains(t.Name))]);
        var prepared = new List<(IPublisher Publisher, PreparedPublish Publish)>();
        var beside = new List<DuckDB.NET.Data.DuckDBConnection>();
        PublishLog.Ensure(connection);
        connection.Execute("begin transaction");
        try
        {
            PrepareAll(context, tables, previous, prepared, beside, cancellationToken);
            Pause("prepared");
            cancellationToken.ThrowIfCancellationRequested();
            PublishLog.Committed(connection, context.RunId, context.Clock.GetUtcNow());
            connection.Execute("commit");
        }
        catch
        {
            RollbackQuietly(connection);
            foreach (var (_, publish) in prepared) DiscardQuietly(publish);
            foreach (var other in beside) other.Dispose();
            throw;
        }
        Pause("committed");
        foreach (var (publisher, publish) in prepared.Where(p => !p.Publish.InWarehouse))
        {
            try
            {
                publish.Commit();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CapacityException)
            {
                throw new CapacityException(
                    $"publish: run {context.RunId} is committed, but {publisher.Name} could not be switched to it ({FirstLine(ex.Message)}); "
                    + $"it still holds run {previous ?? "(none)"} until the next run finishes the switch.", FailureKind.Data, ex);
            }
            Pause("switched-" + publisher.Name);
        }
        foreach (var (_, publish) in prepared)
        {
            publish.Finish();
            publish.Dispose();
        }
        foreach (var other in beside) other.Dispose();

        var targets = prepared.Select(p => p.Publish.Result with { Kind = p.Publisher.Kind }).ToList();
        details.AddRange(targets.Select(t => $"{t.Target}: {t.Tables} {(t.Kind == PublishTargetKind.Dashboard ? "pages" : "tables")}{(t.Kept > 0 ? $" ({t.Kept} unchanged, kept)" : "")} -> {t.Location}"));
        var rows = targets.Count == 0 ? 0 : targets.Max(t => t.Rows);
        return new PublishStageResult(Name, 0, rows, rows, details, targets);
    }

    /// <summary>
    /// Inside the warehouse transaction the caller opened: the targets that switch in the warehouse (DuckDB) are
    /// prepared and switched on the run's connection while every other target writes aside on a connection of its own
    /// (kept open in <paramref name="beside"/> until the publish ends), so the DuckDB schema's copy overlaps Parquet's
    /// COPY and the dashboard's queries and rendering. When one fails the others finish first; what was prepared is
    /// in <paramref name="prepared"/> (publisher order) for the caller to drop, and the first failure in publisher
    /// order is thrown.
    /// </summary>
    private void PrepareAll(RunContext context, IReadOnlyList<PublishedTable> tables, string? previous,
        List<(IPublisher Publisher, PreparedPublish Publish)> prepared, List<DuckDB.NET.Data.DuckDBConnection> beside, CancellationToken cancellationToken)
    {
        var results = new PreparedPublish?[publishers.Count];
        var failures = new Exception?[publishers.Count];
        try
        {
            var aside = Enumerable.Range(0, publishers.Count).Where(i => !InWarehouse(publishers[i])).ToList();
            var contexts = new Dictionary<int, RunContext>();
            foreach (var i in aside)
            {
                var connection = context.Connection.Beside();
                beside.Add(connection);
                contexts[i] = context with { Connection = connection };
            }
            var tasks = aside.Select(i => Task.Run(() =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Step(publishers[i], previous, "writing", () => publishers[i].Prepare(contexts[i], tables, cancellationToken));
            })).ToList();
            for (var i = 0; i < publishers.Count && failures.All(f => f is null); i++)
            {
                if (!InWarehouse(publishers[i])) continue;
                var publisher = publishers[i];
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var publish = results[i] = Step(publisher, previous, "writing", () => publisher.Prepare(context, tables, cancellationToken));
                    Step(publisher, previous, "switching", () =>
                    {
                        publish.Commit();
                        return 0;
                    });
                }
                catch (Exception ex)
                {
                    failures[i] = ex;
                }
            }
            for (var k = 0; k < aside.Count; k++)
            {
                try
                {
                    results[aside[k]] = tasks[k].GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    failures[aside[k]] = ex;
                }
            }
            if (failures.FirstOrDefault(f => f is not null) is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        finally
        {
            for (var i = 0; i < publishers.Count; i++)
            {
                if (results[i] is { } publish) prepared.Add((publishers[i], publish));
            }
        }
    }

    /// <summary>The DuckDB target switches inside the warehouse transaction, so it is prepared on the run's connection.</summary>
    private static bool InWarehouse(IPublisher publisher) => publisher.Kind == PublishTargetKind.DuckDb;

    /// <summary>Runs one target's step; a failure names the target and says which run every target still holds.</summary>
    private static T Step<T>(IPublisher publisher, string? previous, string what, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CapacityException or DuckDB.NET.Data.DuckDBException)
        {
            var kind = ex is CapacityException c ? c.Kind : FailureKind.Data;
            throw new CapacityException(
                $"publish failed {what} {publisher.Name}: {FirstLine(ex.Message)}; nothing was switched: {PublishLog.Describe(previous)}.", kind, ex);
        }
    }

    private static void Pause(string point)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(PauseVariable), point, StringComparison.Ordinal)) return;
        Console.Out.WriteLine($"publish paused at {point}");
        Console.Out.Flush();
        Thread.Sleep(TimeSpan.FromMinutes(2));
    }

    private static void DiscardQuietly(PreparedPublish publish)
    {
        try
        {
            publish.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // what was written aside is cleared by the next publish; the failure that got us here is the one to report
        }
    }

    private static void RollbackQuietly(DuckDB.NET.Data.DuckDBConnection connection)
    {
        try
        {
            connection.Execute("rollback");
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            // no transaction left to roll back (DuckDB ended it on the error)
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('.');
}

/// <summary>What publish wrote: one entry per target, in the order they were written.</summary>
public sealed record PublishStageResult(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details,
    IReadOnlyList<PublishResult> Targets)
    : StageResult(Stage, Seconds, RowsIn, RowsOut, Details)
{
    /// <summary>The dashboard's first page, when the dashboard was a target.</summary>
    public string? DashboardLocation => Targets.FirstOrDefault(t => t.Kind == PublishTargetKind.Dashboard)?.Location;
}
