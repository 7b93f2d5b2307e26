using System.CommandLine;
using System.Globalization;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity validate DIR</c>: checks extracts against the contract without loading them anywhere.</summary>
public static class ValidateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of extracts to check." };
        var preset = new Option<string>("--preset") { Description = "canonical, salesforce, zendesk or hubspot.", DefaultValueFactory = _ => SourceConfig.CanonicalPreset };
        var timezone = new Option<string>("--timezone") { Description = "IANA zone of naive timestamps.", DefaultValueFactory = _ => "UTC" };
        var command = new Command("validate",
            "Check a folder of extracts against the input contract without loading it: every problem with file, line, column, value and reason. Exit 1 when there are problems.")
        {
            folder,
            preset,
            timezone,
        };
        command.SetAction(parse => env.Execute(() =>
        {
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists) throw new ConfigurationException($"{dir.FullName}: no such folder.");
            var options = new IngestOptions { Timezone = parse.GetValue(timezone)!, RejectThreshold = 1, Plausible = PlausibleWindow.At(env.Clock) };
            var name = parse.GetValue(preset)!;
            var problems = SourceValidator.Validate(dir.FullName, name, options);
            if (env.Json) env.WriteJson(new Dictionary<string, object?> { ["folder"] = dir.FullName, ["problems"] = problems, ["count"] = problems.Count });
            else Render(env.Console, problems);
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Data;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, IReadOnlyList<ExtractProblem> problems)
    {
        if (problems.Count == 0)
        {
            console.MarkupLine("[green]No problems found.[/]");
            return;
        }
        foreach (var p in problems)
        {
            // One problem, one line, file:line:column first, so grep and log shippers see it whole.
            var where = p.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{p.File}:{line}") : p.File;
            var column = p.Column is null ? "" : $":{p.Column}";
            var value = p.Value is null ? "" : $" value '{p.Value}'";
            console.WriteLine($"{where}{column}:{value} {p.Reason}");
        }
        console.MarkupLineInterpolated($"[red]{problems.Count:N0} problem(s).[/]");
    }
}
