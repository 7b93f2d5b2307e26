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
        var mapping = new Option<FileInfo?>("--mapping")
        {
            Description = "A mapping file (docs/mappings.md) to preview on the folder: rows read, mapped and rejected, first rows, unused columns, missing entities.",
        };
        var command = new Command("validate",
            "Check a folder of extracts against the input contract without loading it: every problem with file, line, column, value and reason. Exit 1 when there are problems.")
        {
            folder,
            preset,
            timezone,
            mapping,
        };
        command.SetAction(parse => env.Execute(() =>
        {
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists) throw new ConfigurationException($"{dir.FullName}: no such folder.");
            var options = new IngestOptions { Timezone = parse.GetValue(timezone)!, RejectThreshold = 1, Plausible = PlausibleWindow.At(env.Clock) };
            if (parse.GetValue(mapping) is { } file)
            {
                if (!file.Exists) throw new ConfigurationException($"{file.FullName}: mapping file not found; give the path of a mapping YAML (see docs/mappings.md).");
                var preview = MappingPreview.Run(dir.FullName, file.FullName, options);
                if (env.Json) env.WriteJson(preview);
                else RenderPreview(env.Console, preview);
                return preview.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Data;
            }
            var name = parse.GetValue(preset)!;
            var problems = SourceValidator.Validate(dir.FullName, name, options);
            if (env.Json) env.WriteJson(new Dictionary<string, object?> { ["folder"] = dir.FullName, ["problems"] = problems, ["count"] = problems.Count });
            else Render(env.Console, problems);
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Data;
        }));
        return command;
    }

    private static void RenderPreview(IAnsiConsole console, MappingPreviewResult preview)
    {
        console.WriteLine($"mapping {preview.Mapping} on {preview.Folder}: {preview.Summary}");
        foreach (var source in preview.Sources)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  read {source.Source}: {source.Rows:N0} row(s) from {source.Files.Count} file(s){(source.Files.Count > 0 ? " (" + string.Join(", ", source.Files.Select(Path.GetFileName)) + ")" : "")}"));
            if (source.UnusedColumns.Count > 0)
            {
                console.WriteLine($"    unused columns: {string.Join(", ", source.UnusedColumns)}");
            }
        }
        foreach (var entity in preview.Entities)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {entity.Entity}: {entity.RowsMapped:N0} mapped, {entity.RowsLoaded:N0} loaded, {entity.RowsRejected:N0} rejected"));
            foreach (var reason in entity.Reasons)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    rejected {reason.Rows:N0}: {reason.Column}: {reason.Reason}{(reason.Example is null ? "" : $" (e.g. '{reason.Example}')")}"));
            }
            foreach (var row in entity.FirstRows)
            {
                console.WriteLine("    | " + string.Join(", ", row.Where(c => c.Value is not null).Select(c => $"{c.Key}={c.Value}")));
            }
        }
        foreach (var missing in preview.Missing)
        {
            console.WriteLine(missing.Optional
                ? $"  not mapped (optional): {missing.Entity}"
                : $"  missing: {missing.Entity} (required; map it here or give the pipeline another source for it)");
        }
        foreach (var note in preview.Notes)
        {
            console.WriteLine(note);
        }
        Render(console, preview.Problems);
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
