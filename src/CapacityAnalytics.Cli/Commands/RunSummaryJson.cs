using CapacityAnalytics.Core.Capacity.Backtest;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Stages.Transform;

namespace CapacityAnalytics.Cli.Commands;

/// <summary>A run's summary as <c>--format json</c> writes it: what each stage did and what it found.</summary>
public static class RunSummaryJson
{
    public static Dictionary<string, object?> Document(RunSummary summary)
    {
        var document = new Dictionary<string, object?>
        {
            ["run_id"] = summary.RunId,
            ["status"] = summary.NothingToDo ? "skipped" : "ok",
            ["warehouse"] = summary.WarehousePath,
            ["seconds"] = summary.Stages.Sum(s => s.Seconds),
            ["rejects"] = summary.Stages.Sum(s => s.Rejects),
            ["stages"] = summary.Stages.Select(s => new Dictionary<string, object?>
            {
                ["stage"] = s.Stage,
                ["seconds"] = s.Seconds,
                ["rows_in"] = s.RowsIn,
                ["rows_out"] = s.RowsOut,
                ["rejects"] = s.Rejects,
                ["details"] = s.Details,
            }).ToList(),
        };
        if (summary.Stage<IngestStageResult>()?.Ingest is { } ingest)
        {
            document["entities"] = ingest.Entities.Select(e => new Dictionary<string, object?>
            {
                ["entity"] = e.Entity,
                ["rows_read"] = e.RowsRead,
                ["rows_loaded"] = e.RowsLoaded,
                ["rows_rejected"] = e.RowsRejected,
                ["superseded"] = e.DuplicatesSuperseded,
            }).ToList();
        }
        if (summary.Stage<TransformStageResult>() is { } transform)
        {
            document["open_alerts"] = transform.OpenAlerts;
        }
        if (summary.Stage<CalibrateStageResult>() is { Calibration: { } calibration } calibrate)
        {
            document["calibration"] = new Dictionary<string, object?>
            {
                ["accounts"] = calibration.Accounts,
                ["account_months"] = calibration.AccountMonths,
                ["parameters"] = calibration.Calibrated,
                ["fit_quality"] = calibration.Quality,
                ["recommendations"] = calibration.Recommendations,
                ["touchpoints"] = calibration.Touchpoints,
                ["model_version"] = calibrate.Calibrated?.Model.Version,
                ["model_file"] = calibrate.ModelFile,
                ["changes"] = calibrate.Calibrated?.Changes,
                ["backtest"] = calibrate.Backtest is { } backtest
                    ? new Dictionary<string, object?>
                    {
                        ["summary"] = BacktestResult.Levels.Select(level => new Dictionary<string, object?>
                        {
                            ["level"] = level,
                            ["calibrated"] = backtest.Summary(level, r => r.PredictedHours),
                            ["planned"] = backtest.Summary(level, r => r.PlannedHours),
                            ["naive"] = backtest.Summary(level, r => r.NaiveHours),
                            ["coverage_90"] = backtest.Coverage(level),
                        }).ToList(),
                        ["rows"] = backtest.Rows,
                        ["drift"] = backtest.Drift,
                    }
                    : null,
            };
        }
        if (summary.Stage<PublishStageResult>() is { } publish)
        {
            document["published"] = publish.Targets.Select(t => new Dictionary<string, object?>
            {
                ["target"] = t.Target,
                ["location"] = t.Location,
                ["tables"] = t.Tables,
                ["tables_kept"] = t.Kept,
                ["rows"] = t.Rows,
            }).ToList();
            document["dashboard"] = publish.DashboardLocation;
        }
        return document;
    }
}
