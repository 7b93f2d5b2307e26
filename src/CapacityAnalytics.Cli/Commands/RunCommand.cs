using System.CommandLine;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity run</c> (every stage) and <c>capacity ingest</c> (load only).</summary>
public static class RunCommand
{
    public static Command Create(CliEnvironment env) => Build(env, "run",
        "Run the pipeline: ingest the extracts, build the workload marts and alerts, calibrate the capacity model, publish.",
        StageCatalog.Names, choosable: true);

    /// <summary>The stages <c>capacity run</c> runs (e.g. a daily run without calibration), in the pipeline's order whatever the order given.</summary>
    private static readonly Option<string[]> Stages = new("--stages")
    {
        Description = $"Run only these stages, comma-separated ({string.Join(", ", StageCatalog.Names)}); e.g. ingest,transform,publish for a daily run that leaves calibration to its quarterly job. Default: all.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Command CreateIngest(CliEnvironment env) => Build(env, "ingest",
        "Load and validate the extracts into the warehouse's raw tables (bad rows go to ingest_rejects), nothing else.",
        ["ingest"]);

    public static Command CreateCalibrate(CliEnvironment env) => Build(env, "calibrate",
        "Calibrate the capacity model against the observed workload already in the warehouse: planned vs observed, fitted multipliers with ranges, recommended book sizes, headcount, scenarios, an out-of-time backtest; writes the new model version.",
        ["calibrate"], withBacktest: true);

    /// <summary>Prints the out-of-time backtest's summary (it is always computed and published).</summary>
    private static readonly Option<bool> Backtest = new("--backtest")
    {
        Description = "Also print the backtest: each recent quarter predicted from the months before it, per CSM, segment and company, against the planned model and last quarter's hours.",
    };

    private static Command Build(CliEnvironment env, string name, string description, IReadOnlyCollection<string> stages, bool withBacktest = false,
        bool choosable = false)
    {
        var args = new PipelineArguments();
        var command = new Command(name, description);
        args.AddTo(command);
        if (withBacktest) command.Options.Add(Backtest);
        if (choosable) command.Options.Add(Stages);
        command.SetAction((parse, cancellationToken) => Task.FromResult(env.Execute(() =>
        {
            var config = args.Resolve(parse);
            var quiet = parse.GetValue(CliApp.Quiet);
            IRunObserver observer = quiet || env.Json ? SilentObserver.Instance : new SpectreObserver(env.Console);
            var runner = new PipelineRunner(env.Clock, observer) { LockTimeout = TimeSpan.FromSeconds(parse.GetValue(args.Wait)), Recovery = StageCatalog.Recovery };
            var summary = runner.Run(config, StageCatalog.For(config, choosable && parse.GetValue(Stages) is { Length: > 0 } chosen ? Chosen(chosen) : stages, SampleSources.Writer), "manual", cancellationToken);
            if (env.Json) env.WriteJson(RunSummaryJson.Document(summary));
            else RunSummaryView.Render(env.Console, summary, quiet, withBacktest && parse.GetValue(Backtest));
            return ExitCodes.Ok;
        })));
        return command;
    }

    /// <summary>The stage names of <c>--stages</c> (comma-separated or repeated); an unknown one is a usage error naming the known ones.</summary>
    private static List<string> Chosen(string[] values)
    {
        var chosen = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.FirstOrDefault(c => !StageCatalog.Names.Contains(c)) is { } unknown)
        {
            throw new ConfigurationException($"--stages: unknown stage '{unknown}'; use a comma-separated list of {string.Join(", ", StageCatalog.Names)}.");
        }
        if (chosen.Count == 0) throw new ConfigurationException($"--stages: no stage given; use a comma-separated list of {string.Join(", ", StageCatalog.Names)}.");
        return chosen;
    }
}
