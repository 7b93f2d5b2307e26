using System.CommandLine;
using CapacityAnalytics.Cli.Commands;
using Spectre.Console;

namespace CapacityAnalytics.Cli;

/// <summary>The <c>capacity</c> command line: builds the command tree and runs it.</summary>
public static class CliApp
{
    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only errors and the final one-line result (for schedulers).",
        Recursive = true,
    };

    public static RootCommand Build(IAnsiConsole console, TimeProvider clock)
    {
        var root = new RootCommand(
            "CapacityAnalytics: measures the time CSMs spend per account, warns when proactive work slides, "
            + "and calibrates a capacity model against what CSMs actually do.\n\n"
            + "Start with:  capacity run pipelines/sample.yaml\n"
            + "Your own exports:  capacity run --extracts ./exports --preset salesforce --out ./out");
        root.Options.Add(Quiet);
        var env = new CliEnvironment(console, clock);
        root.Subcommands.Add(RunCommand.Create(env));
        root.Subcommands.Add(RunCommand.CreateIngest(env));
        root.Subcommands.Add(RunCommand.CreateCalibrate(env));
        root.Subcommands.Add(ValidateCommand.Create(env));
        root.Subcommands.Add(SampleCommand.Create(env));
        root.Subcommands.Add(HistoryCommand.Create(env));
        root.Subcommands.Add(ScheduleCommand.Create(env));
        root.Subcommands.Add(ContractCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TimeProvider clock)
    {
        var root = Build(console, clock);
        var parse = root.Parse(args);
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
