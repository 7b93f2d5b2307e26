using System.CommandLine;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity run</c> (every stage) and <c>capacity ingest</c> (load only).</summary>
public static class RunCommand
{
    public static Command Create(CliEnvironment env) => Build(env, "run",
        "Run the pipeline: ingest the extracts, build the workload marts and alerts, calibrate the capacity model, publish.",
        StageCatalog.Names);

    public static Command CreateIngest(CliEnvironment env) => Build(env, "ingest",
        "Load and validate the extracts into the warehouse's raw tables (bad rows go to ingest_rejects), nothing else.",
        ["ingest"]);

    public static Command CreateCalibrate(CliEnvironment env) => Build(env, "calibrate",
        "Calibrate the capacity model against the observed workload already in the warehouse: planned vs observed, fitted multipliers with ranges, recommended book sizes, headcount, scenarios; writes the new model version.",
        ["calibrate"]);

    private static Command Build(CliEnvironment env, string name, string description, IReadOnlyCollection<string> stages)
    {
        var args = new PipelineArguments();
        var command = new Command(name, description);
        args.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(env.Execute(() =>
        {
            var config = args.Resolve(parse);
            var quiet = parse.GetValue(CliApp.Quiet);
            IRunObserver observer = quiet || env.Json ? SilentObserver.Instance : new SpectreObserver(env.Console);
            var runner = new PipelineRunner(env.Clock, observer) { LockTimeout = TimeSpan.FromSeconds(parse.GetValue(args.Wait)) };
            var summary = runner.Run(config, StageCatalog.For(config, stages, SampleSources.Writer), "manual", cancellationToken);
            if (env.Json) env.WriteJson(RunSummaryJson.Document(summary));
            else RunSummaryView.Render(env.Console, summary, quiet);
            return ExitCodes.Ok;
        })));
        return command;
    }
}
