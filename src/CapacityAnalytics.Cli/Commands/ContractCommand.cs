using System.CommandLine;
using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity contract</c>: prints the input contract as markdown (the source of docs/input-contract.md).</summary>
public static class ContractCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("contract", "Print the canonical input contract (entities, columns, types) as markdown.");
        command.SetAction(_ => env.Execute(() =>
        {
            env.Console.Profile.Out.Writer.Write(ContractMarkdown.Render());
            return ExitCodes.Ok;
        }));
        return command;
    }
}
