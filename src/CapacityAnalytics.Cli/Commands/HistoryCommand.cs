using System.CommandLine;
using System.Globalization;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using DuckDB.NET.Data;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity history</c>: the pipeline_run log of a warehouse, newest first.</summary>
public static class HistoryCommand
{
    public static Command Create(CliEnvironment env)
    {
        var pipeline = new Argument<FileInfo>("pipeline") { Description = "Pipeline file whose warehouse to read (e.g. pipelines/sample.yaml)." };
        var limit = new Option<int>("--limit") { Description = "How many runs to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "Show the run log (pipeline_run): when each run started and ended, its status, stage timings, rows and rejects.")
        {
            pipeline,
            limit,
        };
        command.SetAction(parse => env.Execute(() =>
        {
            var config = PipelineConfigLoader.LoadFile(parse.GetValue(pipeline)!.FullName);
            if (!File.Exists(config.WarehousePath))
            {
                env.Console.MarkupLineInterpolated($"No runs yet: {config.WarehousePath} does not exist.");
                return ExitCodes.Ok;
            }
            using var connection = new DuckDBConnection($"DataSource={config.WarehousePath};ACCESS_MODE=READ_ONLY");
            connection.Open();
            Render(env.Console, RunLog.Recent(connection, parse.GetValue(limit)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static void Render(IAnsiConsole console, IReadOnlyList<RunLogEntry> runs)
    {
        var table = new Table().AddColumns("run", "trigger", "started (UTC)", "seconds", "status", "rows in", "rows out", "rejects", "stages / error");
        foreach (var run in runs)
        {
            var seconds = run.Finished is { } finished ? (finished - run.Started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "";
            var status = run.Status == "ok" ? "[green]ok[/]" : $"[red]{Markup.Escape(run.Status)}[/]";
            table.AddRow(
                Markup.Escape(run.RunId), Markup.Escape(run.Trigger), run.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                seconds, status, run.RowsIn.ToString("N0", CultureInfo.InvariantCulture), run.RowsOut.ToString("N0", CultureInfo.InvariantCulture),
                run.Rejects.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(run.Error ?? run.StageSeconds ?? ""));
        }
        console.Write(table);
    }
}
