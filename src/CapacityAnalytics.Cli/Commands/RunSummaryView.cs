using System.Globalization;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Stages.Transform;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary>The end of a run on the terminal: where the warehouse is, what each stage did, what needs attention.</summary>
public static class RunSummaryView
{
    public static void Render(IAnsiConsole console, RunSummary summary, bool quiet, bool backtest = false)
    {
        var total = summary.Stages.Sum(s => s.Seconds).ToString("0.0", CultureInfo.InvariantCulture);
        var rejects = summary.Stages.Sum(s => s.Rejects);
        if (summary.NothingToDo)
        {
            console.WriteLine(quiet ? $"ok {summary.RunId} nothing to do" : "No new input since the last successful run: nothing to do.");
            return;
        }
        if (quiet)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok {summary.RunId} {total}s rejects={rejects} warehouse={summary.WarehousePath}"));
            return;
        }
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]Run {summary.RunId}[/] finished in {total}s.");
        console.MarkupLineInterpolated($"Warehouse: {summary.WarehousePath}");
        if (rejects > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{rejects:N0} rows rejected[/]: see table ingest_rejects (file, line, column, value, reason).");
        }
        // The calibration tables, then the open alerts (worst first), then where to look next.
        if (summary.Stage<CalibrateStageResult>() is { Calibration: { } calibration } calibrate)
        {
            foreach (var table in CalibrationReport.Tables(calibration, calibrate.Calibrated)) Render(console, table);
            if (backtest && calibrate.Backtest is { } result) Render(console, CalibrationReport.Backtest(result));
        }
        if (summary.Stage<TransformStageResult>() is { } transform)
        {
            Render(console, TransformStage.AlertsTable(transform.OpenAlerts));
        }
        console.WriteLine();
        if (summary.Stage<PublishStageResult>()?.DashboardLocation is { } dashboard)
        {
            console.MarkupLineInterpolated($"[bold]Dashboard[/]: open {dashboard} in a browser (works offline)");
        }
    }

    public static void Render(IAnsiConsole console, ReportTable report)
    {
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]{report.Title}[/]");
        if (report.Rows.Count == 0)
        {
            console.MarkupLine("  [grey](none)[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        // Names and numbers never split: every column but the last (free text such as a likely cause) keeps its width.
        for (var i = 0; i < report.Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(report.Columns[i]));
            table.AddColumn(i < report.Columns.Count - 1 ? column.NoWrap() : column);
        }
        foreach (var row in report.Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
        if (report.Footer is { } footer) console.MarkupLineInterpolated($"[grey]{footer}[/]");
    }
}
