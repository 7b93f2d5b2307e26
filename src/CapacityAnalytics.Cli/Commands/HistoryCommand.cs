using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;
using DuckDB.NET.Data;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity history</c>: the pipeline_run log of a warehouse, newest first; <c>--run ID</c> for one run in full.</summary>
public static class HistoryCommand
{
    private static readonly string[] Headers = ["run", "status", "started (UTC)", "s", "rows in", "rejects"];

    public static Command Create(CliEnvironment env)
    {
        var pipeline = new Argument<FileInfo>("pipeline") { Description = "Pipeline file whose warehouse to read (e.g. pipelines/sample.yaml)." };
        var limit = new Option<int>("--limit") { Description = "How many runs to show.", DefaultValueFactory = _ => 20 };
        var run = new Option<string?>("--run") { Description = "Show one run in full: every stage's time and the whole error." };
        var command = new Command("history", "Show the run log (pipeline_run): when each run started, its status, duration, rows, rejects and each stage's seconds.")
        {
            pipeline,
            limit,
            run,
        };
        command.SetAction(parse => env.Execute(() =>
        {
            var config = PipelineConfigLoader.LoadFile(parse.GetValue(pipeline)!.FullName);
            IReadOnlyList<RunLogEntry> runs = [];
            if (File.Exists(config.WarehousePath))
            {
                using var connection = new DuckDBConnection($"DataSource={config.WarehousePath};ACCESS_MODE=READ_ONLY");
                connection.Open();
                runs = RunLog.Recent(connection, parse.GetValue(run) is null ? parse.GetValue(limit) : int.MaxValue);
            }
            if (parse.GetValue(run) is { } id)
            {
                var one = runs.FirstOrDefault(r => r.RunId == id)
                    ?? throw new ConfigurationException($"{config.WarehousePath}: no run '{id}' in pipeline_run; `capacity history {parse.GetValue(pipeline)!.Name}` lists them.");
                runs = [one];
            }
            if (env.Json) env.WriteJson(runs.Select(Document).ToList());
            else if (runs.Count == 0) env.Console.MarkupLineInterpolated($"No runs yet in {config.WarehousePath}.");
            else if (parse.GetValue(run) is not null) RenderOne(env.Console, runs[0]);
            else Render(env.Console, runs);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// One row per run; each stage's seconds in its own column; errors below the table, one line each. A terminal too
    /// narrow for the stage columns gets the table without them rather than split names.
    /// </summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<RunLogEntry> runs)
    {
        var rows = runs.Select(r =>
        {
            var stages = Stages(r);
            return (Run: r, Cells: (string[])[r.RunId, r.Status, r.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Seconds(Duration(r)),
                N(r.RowsIn), N(r.Rejects), .. StageCatalog.Names.Select(s => stages.TryGetValue(s, out var v) ? Seconds(v) : "")]);
        }).ToList();
        string[] headers = [.. Headers, .. StageCatalog.Names];
        var width = Enumerable.Range(0, headers.Length).Select(i => rows.Select(r => r.Cells[i].Length).Append(headers[i].Length).Max() + 3).ToList();
        // As many columns as fit, from the left: run, status, started and duration always.
        var columns = Enumerable.Range(4, headers.Length - 3).LastOrDefault(k => width.Take(k).Sum() + 4 <= console.Profile.Width, 4);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers.Take(columns)) table.AddColumn(new TableColumn(header).NoWrap());
        foreach (var (run, cells) in rows)
        {
            var status = run.Status == "ok" ? "[green]ok[/]" : run.Status is "skipped" or "running" ? Markup.Escape(run.Status) : $"[red]{Markup.Escape(run.Status)}[/]";
            table.AddRow([.. cells.Take(columns).Select((c, i) => i == 1 ? status : Markup.Escape(c))]);
        }
        console.Write(table);
        if (columns < headers.Length) console.WriteLine($"Not shown at this width: {string.Join(", ", headers.Skip(columns))}; widen the terminal, or use --run ID or --format json.");
        foreach (var r in runs.Where(r => r.Error is not null))
        {
            console.WriteLine($"{r.RunId} {r.Status}: {r.Error}");
        }
    }

    private static void RenderOne(IAnsiConsole console, RunLogEntry r)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string label, string value) => grid.AddRow(Markup.Escape(label), Markup.Escape(value));
        Row("run", r.RunId);
        Row("pipeline", r.Pipeline);
        Row("trigger", r.Trigger);
        Row("status", r.Status);
        Row("started (UTC)", r.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Row("finished (UTC)", r.Finished?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "");
        Row("seconds", Seconds(Duration(r)));
        Row("rows in / out", $"{N(r.RowsIn)} / {N(r.RowsOut)}");
        Row("rejects", N(r.Rejects));
        foreach (var (stage, seconds) in Stages(r)) Row("  " + stage, Seconds(seconds) + " s");
        if (r.Error is not null) Row("error", r.Error);
        console.Write(grid);
    }

    private static Dictionary<string, object?> Document(RunLogEntry r) => new()
    {
        ["run_id"] = r.RunId,
        ["pipeline"] = r.Pipeline,
        ["trigger"] = r.Trigger,
        ["status"] = r.Status,
        ["started"] = r.Started.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["finished"] = r.Finished?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["seconds"] = Duration(r),
        ["stage_seconds"] = Stages(r),
        ["rows_in"] = r.RowsIn,
        ["rows_out"] = r.RowsOut,
        ["rejects"] = r.Rejects,
        ["error"] = r.Error,
    };

    private static double? Duration(RunLogEntry r) => r.Finished is { } f ? (f - r.Started).TotalSeconds : null;

    private static Dictionary<string, double> Stages(RunLogEntry r) =>
        string.IsNullOrEmpty(r.StageSeconds) ? [] : JsonSerializer.Deserialize<Dictionary<string, double>>(r.StageSeconds) ?? [];

    private static string Seconds(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
