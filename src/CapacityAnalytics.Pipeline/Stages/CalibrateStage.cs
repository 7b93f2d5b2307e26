using System.Globalization;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.Model;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages;

/// <summary>
/// Calibrates the capacity model against the observed account-months (docs/capacity-model.md), plans headcount and scenarios,
/// writes the capacity_* tables, and writes the calibrated model as a new version beside the warehouse
/// (<c>OUT/models/capacity-model-&lt;version&gt;.yaml</c>) with its parameter-by-parameter change list.
/// </summary>
public sealed class CalibrateStage(CalibrationOptions? options = null) : IStage
{
    public string Name => "calibrate";

    public StageResult Run(RunContext context, CancellationToken cancellationToken)
    {
        var connection = context.Connection;
        var model = context.Model;
        if (!connection.TableExists("fct_account_month") || !connection.TableExists("dim_account"))
        {
            throw new CapacityException($"{context.Config.WarehousePath}: no workload marts yet; run `capacity run` on this pipeline first.");
        }
        var portfolio = CalibrationInputs.Portfolio(connection);
        long rows = CalibrationTables.WritePlan(connection, PlannedModel.Rows(model, portfolio),
            HeadcountPlanner.Plan(model, portfolio), ScenarioRunner.Run(model, portfolio));
        var observations = CalibrationInputs.AccountMonths(connection);
        if (observations.Count == 0)
        {
            return new StageResult(Name, 0, 0, rows, ["no account-months observed: planned model only, nothing calibrated"]);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var touchpoints = CalibrationInputs.Touchpoints(connection);
        var result = Calibrator.Calibrate(model, observations, touchpoints, options);
        var fitted = string.Create(CultureInfo.InvariantCulture,
            $"fitted on {result.AccountMonths:N0} account-months of {result.Accounts:N0} accounts ({result.FirstMonth:yyyy-MM} to {result.LastMonth:yyyy-MM}), {result.Bootstrap.Reps} bootstrap reps");
        CalibratedModel calibrated;
        try
        {
            calibrated = CalibratedModelBuilder.Build(model, result, touchpoints, CalibrationInputs.AsOf(connection), options: options);
        }
        catch (ModelFileException ex)
        {
            // A fit outside the model file's sanity bounds (too little data, usually) is reported, not written:
            // the tables still show the estimates and their ranges for the analyst to judge.
            rows += CalibrationTables.WriteCalibration(connection, result, []);
            PublishReport(context, CalibrationReport.Tables(result, null));
            return new StageResult(Name, 0, observations.Count, rows,
                [fitted, $"calibrated model NOT written: the fit is implausible ({ex.Message}); check capacity_calibrated"]);
        }
        rows += CalibrationTables.WriteCalibration(connection, result, calibrated.Changes);
        var path = WriteModelFile(context, calibrated);
        PublishReport(context, CalibrationReport.Tables(result, calibrated));
        return new StageResult(Name, 0, observations.Count, rows, [fitted, $"calibrated model {calibrated.Model.Version} written to {path}"]);
    }

    private static void PublishReport(RunContext context, IReadOnlyList<ReportTable> tables)
    {
        foreach (var table in tables)
        {
            context.Outputs["calibration: " + table.Title] = table;
        }
    }

    private static string WriteModelFile(RunContext context, CalibratedModel calibrated)
    {
        var folder = Path.Combine(context.Config.OutDirectory, "models");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"capacity-model-{calibrated.Model.Version}.yaml");
        var temp = path + ".tmp";
        File.WriteAllText(temp, calibrated.Yaml);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
