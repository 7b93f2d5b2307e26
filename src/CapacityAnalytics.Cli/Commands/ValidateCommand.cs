using System.CommandLine;
using System.Globalization;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity validate DIR</c>: checks extracts against the contract without loading them anywhere.</summary>
public static class ValidateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of extracts to check." };
        var preset = new Option<string>("--preset") { Description = "canonical, salesforce, zendesk or hubspot.", DefaultValueFactory = _ => "canonical" };
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
            var options = new IngestOptions { Timezone = parse.GetValue(timezone)!, RejectThreshold = 1 };
            var name = parse.GetValue(preset)!;
            var problems = name == "canonical" ? ExtractValidator.Validate(dir.FullName, options) : ValidateWithPreset(dir.FullName, name, options);
            Render(env.Console, problems);
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Data;
        }));
        return command;
    }

    // A vendor export is checked the way it is loaded: translated by its preset and typed, in memory.
    private static List<ExtractProblem> ValidateWithPreset(string folder, string preset, IngestOptions options)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var config = AdHocPipeline.For(folder, preset, Path.GetTempPath(), options.Timezone);
        try
        {
            SourceSetIngest.Run(connection, config, options, PresetLoader.DefaultDirectory, null, CancellationToken.None, requireMandatory: false);
        }
        catch (IngestException ex)
        {
            return [new ExtractProblem(null, folder, null, null, null, ex.Message)];
        }
        using var command = connection.Command("select entity, file, line, \"column\", value, reason from ingest_rejects order by file, line, \"column\"");
        using var reader = command.ExecuteReader();
        var problems = new List<ExtractProblem>();
        while (reader.Read())
        {
            problems.Add(new ExtractProblem(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }
        return problems;
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
            var where = p.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{p.File}:{line}") : p.File;
            var column = p.Column is null ? "" : $" column {p.Column}";
            var value = p.Value is null ? "" : $" value '{p.Value}'";
            console.WriteLine($"{where}:{column}{value}: {p.Reason}");
        }
        console.MarkupLineInterpolated($"[red]{problems.Count:N0} problem(s).[/]");
    }
}
