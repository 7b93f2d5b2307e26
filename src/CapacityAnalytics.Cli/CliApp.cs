using System.CommandLine;
using CapacityAnalytics.Cli.Commands;
using Spectre.Console;

namespace CapacityAnalytics.Cli;

/// <summary>The <c>capacity</c> command line: builds the command tree and runs it.</summary>
public static class CliApp
{
    /// <summary>The width given to a console that is not a terminal: wide enough that nothing wraps.</summary>
    public const int NoWrapWidth = 100_000;

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only errors and the final one-line result (for schedulers).",
        Recursive = true,
    };

    public static readonly Option<string> Format = new("--format")
    {
        Description = "text (default) or json: machine-readable results on standard output, for schedulers and scripts.",
        Recursive = true,
        DefaultValueFactory = _ => "text",
    };

    public static RootCommand Build(IAnsiConsole console, TimeProvider clock) => Build(new CliEnvironment(console, clock));

    private static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand(
            "CapacityAnalytics: measures the time CSMs spend per account, warns when proactive work slides, "
            + "and calibrates a capacity model against what CSMs actually do.\n\n"
            + "Start with:  capacity run pipelines/sample.yaml\n"
            + "Your own exports:  capacity run --extracts ./exports --preset salesforce --out ./out");
        root.Options.Add(Quiet);
        Format.AcceptOnlyFromAmong("text", "json");
        root.Options.Add(Format);
        root.Subcommands.Add(RunCommand.Create(env));
        root.Subcommands.Add(RunCommand.CreateIngest(env));
        root.Subcommands.Add(RunCommand.CreateCalibrate(env));
        root.Subcommands.Add(PlanCommand.Create(env));
        root.Subcommands.Add(ValidateCommand.Create(env));
        root.Subcommands.Add(SampleCommand.Create(env));
        root.Subcommands.Add(HistoryCommand.Create(env));
        root.Subcommands.Add(ScheduleCommand.Create(env));
        root.Subcommands.Add(ContractCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));
        return root;
    }

    /// <param name="terminal">Whether standard output is a terminal. When it is not (a log, a pipe), nothing is wrapped:
    /// one message stays one line and tables take their natural width.</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TimeProvider clock, bool terminal = true)
    {
        if (!terminal) console.Profile.Width = NoWrapWidth;
        var env = new CliEnvironment(console, clock);
        var root = Build(env);
        var parse = root.Parse(args);
        env.Json = parse.Errors.Count == 0 && parse.GetValue(Format) == "json";
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }
            console.MarkupLine("Run [bold]capacity --help[/] for usage.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync();
    }
}
