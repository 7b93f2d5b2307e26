using System.Text.Json;
using System.Text.RegularExpressions;
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

    /// <summary>DuckDB's words for a file it could not write (a full disk, a read-only or vanished folder).</summary>
    private static readonly Regex FileFailure = new(
        @"Could not (?<verb>write|read|open|create|truncate|sync|move|remove) (?:file|directory) ""(?<file>[^""]+)"": (?<cause>[^\n]+)|No space left on device|Read-only file system",
        RegexOptions.CultureInvariant);

    private static string During(Exception ex) => ex.Data[RunLog.StageKey] is string stage ? $"{stage}: " : "";

    /// <summary>The file and the cause first, without the engine's prefixes ("FATAL Error: Failed to create checkpoint because of error: ").</summary>
    private static string FileCause(string message)
    {
        var match = FileFailure.Match(message);
        return match.Groups["file"].Success
            ? $"{match.Groups["file"].Value}: could not {match.Groups["verb"].Value} it: {match.Groups["cause"].Value.TrimEnd('.')}."
            : message.Split('\n')[0];
    }

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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || FileFailure.IsMatch(ex.Message))
        {
            return Fail(ExitCodes.Data, $"{During(ex)}{FileCause(ex.Message)} Check the path, its permissions and free space; {Published(ex)}.", "error");
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("CAPACITY_DEBUG") is null)
        {
            // Not a failure the user caused: one line, and how to get the details for a bug report.
            return Fail(ExitCodes.Data, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]} (set CAPACITY_DEBUG=1 for the stack trace and report it; {Published(ex)})", "unexpected error");
        }
    }
}
