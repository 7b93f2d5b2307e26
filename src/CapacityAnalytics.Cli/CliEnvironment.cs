using CapacityAnalytics.Pipeline;
using Spectre.Console;

namespace CapacityAnalytics.Cli;

/// <summary>The console and clock a command writes to, and the one place failures become exit codes.</summary>
public sealed class CliEnvironment(IAnsiConsole console, TimeProvider clock)
{
    public IAnsiConsole Console { get; } = console;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Runs a command body; a <see cref="CapacityException"/> becomes one red line and its exit code.</summary>
    public int Execute(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CapacityException ex)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ex.Kind == FailureKind.Usage ? ExitCodes.Usage : ExitCodes.Data;
        }
        catch (OperationCanceledException)
        {
            Console.MarkupLine("[yellow]cancelled:[/] the run stopped; the last good publish is intact.");
            return ExitCodes.Data;
        }
    }
}
