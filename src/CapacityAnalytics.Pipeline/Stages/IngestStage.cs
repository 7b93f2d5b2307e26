using System.Globalization;
using CapacityAnalytics.Pipeline.Incremental;
using CapacityAnalytics.Pipeline.Ingest;
using CapacityAnalytics.Pipeline.Presets;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Sample;

namespace CapacityAnalytics.Pipeline.Stages;

/// <summary>
/// Loads the pipeline's sources into typed raw tables. A source declared with <c>sample:</c> whose folder is absent
/// is generated first, so the README's first command works on a fresh clone.
/// </summary>
public sealed class IngestStage(string presetsDirectory) : IStage
{
    public string Name => "ingest";

    public StageResult Run(RunContext context, CancellationToken cancellationToken)
    {
        var config = context.Config;
        GenerateMissingSamples(context);
        var plan = context.Incremental;
        if (plan is { Change: InputChange.Unchanged })
        {
            return new StageResult(Name, 0, 0, 0, [$"no new input: {plan.Reason}, raw tables kept"]);
        }

        var options = new IngestOptions { Timezone = config.Timezone, RejectThreshold = config.RejectThreshold };
        SourceSetResult outcome;
        if (plan is { Change: InputChange.Added })
        {
            var appended = AppendIngest.Run(context.Connection, plan.Added, options, cancellationToken);
            LoadedFiles.Append(context.Connection, plan.Added, context.RunId);
            outcome = new SourceSetResult(appended, [$"appended {plan.Added.Count} new files, the loaded ones unchanged: {string.Join(", ", plan.Added.Select(f => Path.GetFileName(f.Path)))}"]);
        }
        else
        {
            outcome = SourceSetIngest.Run(context.Connection, config, options, presetsDirectory, null, cancellationToken);
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
        return new StageResult(Name, 0, result.Entities.Sum(e => e.RowsRead), result.Entities.Sum(e => e.RowsLoaded), details)
        {
            Rejects = result.Entities.Sum(e => e.RowsRejected),
        };
    }

    /// <summary>Generates the sample company of a source declared with <c>sample:</c> whose folder has no extracts yet.</summary>
    public static void GenerateMissingSamples(RunContext context)
    {
        var config = context.Config;
        foreach (var source in config.Sources.Where(s => s.Sample is not null && s.Path is not null))
        {
            var folder = config.Resolve(source.Path!);
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.csv").Any()) continue;
            var s = source.Sample!;
            var written = SampleCompanyGenerator.Write(new SampleOptions(s.Accounts, s.Csms, s.Months, s.Seed), folder);
            context.Observer.Note(string.Create(CultureInfo.InvariantCulture, $"generated the sample company in {folder} ({written.TotalRows:N0} rows)"));
        }
    }

    public static IngestStage Default() => new(PresetLoader.DefaultDirectory);
}
