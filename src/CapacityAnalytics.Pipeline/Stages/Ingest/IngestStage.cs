using System.Globalization;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Loads the pipeline's sources into typed raw tables. Before the run it generates the sample company of a source
/// declared with <c>sample:</c> whose folder is empty (so the README's first command works on a fresh clone) and
/// compares the inputs with what the warehouse holds (<see cref="IncrementalPlanner"/>): nothing changed, only new
/// files to append, or a full ingest.
/// </summary>
public sealed class IngestStage(string presetsDirectory, SampleWriter? samples = null) : IStage
{
    private IncrementalPlan? plan;

    public string Name => "ingest";

    public string? Prepare(RunContext context, IReadOnlyList<string> stagesInRun)
    {
        GenerateMissingSamples(context);
        plan = IncrementalPlanner.Plan(context.Connection, context.Config, context.RunId, [.. stagesInRun]);
        return plan.NothingToDo ? plan.Reason : null;
    }

    public void Complete(RunContext context, IReadOnlyList<string> stagesInRun) =>
        plan?.Inputs.Record(context.Connection, context.RunId, [.. stagesInRun]);

    public StageResult Run(RunContext context, CancellationToken cancellationToken)
    {
        try
        {
            return Ingest(context, cancellationToken);
        }
        catch (RejectThresholdExceededException ex)
        {
            // The run fails, but pipeline_run must still count the rows ingest_rejects holds.
            ex.Data[RunLog.RejectsKey] = context.Connection.Scalar<long>(
                $"select count(*) from (select distinct entity, file, line from {RejectsTable.Name})");
            throw;
        }
    }

    private IngestStageResult Ingest(RunContext context, CancellationToken cancellationToken)
    {
        var config = context.Config;
        if (plan is { Change: InputChange.Unchanged })
        {
            return new IngestStageResult(Name, 0, 0, 0, [$"no new input: {plan.Reason}, raw tables kept"], null);
        }

        var options = new IngestOptions
        {
            Timezone = config.Timezone,
            RejectThreshold = config.RejectThreshold,
            Plausible = Window(context),
            CountedLines = plan?.Files?.Where(f => f.Lines is not null).ToDictionary(f => f.Path, f => f.Lines!.Value, StringComparer.Ordinal),
        };
        SourceSetResult? outcome = null;
        string? fullBecause = null;
        if (plan is { Change: InputChange.Added })
        {
            try
            {
                var appended = AppendIngest.Run(context.Connection, plan.Added, options, cancellationToken);
                LoadedFiles.Append(context.Connection, plan.Added, context.RunId);
                outcome = new SourceSetResult(appended, [$"appended {plan.Added.Count} new files, the loaded ones unchanged: {string.Join(", ", plan.Added.Select(f => Path.GetFileName(f.Path)))}"]);
            }
            catch (AppendNotPossibleException ex)
            {
                fullBecause = ex.Message;
            }
        }
        if (outcome is null)
        {
            var full = SourceSetIngest.Run(context.Connection, config, options, presetsDirectory, null, cancellationToken);
            var because = fullBecause is not null ? $"full ingest: {fullBecause}" : plan is { Change: InputChange.Changed } ? plan.Reason : null;
            outcome = because is null ? full : full with { Notes = [.. full.Notes, because] };
            if (plan?.Files is { } files) LoadedFiles.Replace(context.Connection, files, context.RunId);
            else LoadedFiles.Clear(context.Connection);
        }
        var result = outcome.Result;
        var details = result.Entities
            .Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.Entity,-16} {e.RowsLoaded,12:N0} loaded {e.RowsRejected,8:N0} rejected {e.DuplicatesSuperseded,8:N0} superseded"))
            .Concat(result.UnknownFiles.Select(f => $"not an entity of the contract, skipped: {f}"))
            .Concat(outcome.Notes)
            .ToList();
        return new IngestStageResult(Name, 0, result.Entities.Sum(e => e.RowsRead), result.Entities.Sum(e => e.RowsLoaded), details, result)
        {
            Rejects = result.Entities.Sum(e => e.RowsRejected),
        };
    }

    /// <summary>The pipeline's plausible window around the run's clock.</summary>
    public static PlausibleWindow Window(RunContext context) => new(context.Clock.GetUtcNow(), context.Config.Plausible.EarliestDate,
        TimeSpan.FromDays(context.Config.Plausible.DaysAhead), context.Config.Plausible.PlannedYearsAhead);

    private void GenerateMissingSamples(RunContext context)
    {
        var config = context.Config;
        foreach (var source in config.Sources.Where(s => s.Sample is not null && s.Path is not null))
        {
            var folder = config.Resolve(source.Path!);
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.csv").Any()) continue;
            if (samples is null)
            {
                throw new ConfigurationException($"{config.SourceFile}: source '{source.Path}' asks for a generated sample, and {folder} is empty; run `capacity sample --out {folder}` or the `capacity run` command.");
            }
            var rows = samples(source.Sample!, folder);
            context.Observer.Note(string.Create(CultureInfo.InvariantCulture, $"generated the sample company in {folder} ({rows:N0} rows)"));
        }
    }

    public static IngestStage Default(SampleWriter? samples = null) => new(Presets.PresetLoader.DefaultDirectory, samples);
}

/// <summary>What ingest did: the common counts, and per entity what was loaded, rejected and superseded (null when skipped).</summary>
public sealed record IngestStageResult(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details, IngestResult? Ingest)
    : StageResult(Stage, Seconds, RowsIn, RowsOut, Details);
