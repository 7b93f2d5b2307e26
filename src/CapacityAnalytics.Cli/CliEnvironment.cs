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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {ex.Message.Split('\n')[0]} Check the path and its permissions; the last good publish is intact.");
            return ExitCodes.Data;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("CAPACITY_DEBUG") is null)
        {
            // Not a failure the user caused: one line, and how to get the details for a bug report.
            Console.MarkupLineInterpolated($"[red]unexpected error:[/] {ex.GetType().Name}: {ex.Message.Split('\n')[0]} (set CAPACITY_DEBUG=1 for the stack trace and report it; the last good publish is intact)");
            return ExitCodes.Data;
        }
    }
}
