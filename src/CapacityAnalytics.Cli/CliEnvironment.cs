using System.Text.Json;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Running;
using Spectre.Console;

namespace CapacityAnalytics.Cli;

/// <summary>The console and clock a command writes to, and the one place failures become exit codes.</summary>
public sealed class CliEnvironment(IAnsiConsole console, TimeProvider clock)
{
    public IAnsiConsole Console { get; } = console;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Results go out as JSON (<c>--format json</c>): one document on standard output, errors included.</summary>
    public bool Json { get; set; }

    /// <summary>Writes a JSON document as one line, past Spectre's wrapping.</summary>
    public void WriteJson(object document)
    {
        Console.Profile.Out.Writer.Write(JsonSerializer.Serialize(document, JsonOutput.Options));
        Console.Profile.Out.Writer.Write('\n');
        Console.Profile.Out.Writer.Flush();
    }

    private int Fail(int exit, string message, string kind)
    {
        if (Json)
        {
            WriteJson(new Dictionary<string, object?> { ["status"] = kind, ["exit_code"] = exit, ["error"] = message });
            return exit;
        }
        Console.MarkupLineInterpolated($"[red]{kind}:[/] {message}");
        return exit;
    }

    /// <summary>Which run the publish targets hold, as the run that failed found it.</summary>
    private static string Published(Exception ex) => ex.Data[PublishLog.PublishedRunKey] switch
    {
        string { Length: > 0 } run => PublishLog.Describe(run),
        string => PublishLog.Describe(null),
        _ => "no publish target was touched",
    };

    /// <summary>Runs a command body; a <see cref="CapacityException"/> becomes one red line and its exit code.</summary>
    public int Execute(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CapacityException ex)
        {
            return Fail(ex.Kind == FailureKind.Usage ? ExitCodes.Usage : ExitCodes.Data, ex.Message, "error");
        }
        catch (OperationCanceledException ex)
        {
            return Fail(ExitCodes.Data, $"the run stopped; {Published(ex)}.", "cancelled");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.Data, $"{ex.Message.Split('\n')[0]} Check the path, its permissions and free space; {Published(ex)}.", "error");
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("CAPACITY_DEBUG") is null)
        {
            // Not a failure the user caused: one line, and how to get the details for a bug report.
            return Fail(ExitCodes.Data, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]} (set CAPACITY_DEBUG=1 for the stack trace and report it; {Published(ex)})", "unexpected error");
        }
    }
}
