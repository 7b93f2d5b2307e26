using System.Globalization;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages;

/// <summary>
/// Calibrates the capacity model against the observed account-months (SPEC §5), plans headcount and scenarios,
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
        var calibrated = CalibratedModelBuilder.Build(model, result, touchpoints, CalibrationInputs.AsOf(connection), options: options);
        rows += CalibrationTables.WriteCalibration(connection, result, calibrated.Changes);
        var path = WriteModelFile(context, calibrated);
        var summary = CalibrationReport.Tables(result, calibrated);
        foreach (var table in summary)
        {
            context.Outputs["calibration: " + table.Title] = table;
        }
        return new StageResult(Name, 0, observations.Count, rows,
        [
            string.Create(CultureInfo.InvariantCulture, $"fitted on {result.AccountMonths:N0} account-months of {result.Accounts:N0} accounts ({result.FirstMonth:yyyy-MM} to {result.LastMonth:yyyy-MM}), {result.Bootstrap.Reps} bootstrap reps"),
            $"calibrated model {calibrated.Model.Version} written to {path}",
        ]);
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
