using System.Globalization;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.Capacity.Backtest;
using CapacityAnalytics.Core.Capacity.Planning;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>
/// Calibrates the capacity model against the observed account-months (docs/capacity-model.md), plans headcount and scenarios,
/// writes the capacity_* tables, and writes the calibrated model as a new version beside the warehouse
/// (<c>OUT/models/capacity-model-&lt;version&gt;.yaml</c>) with its parameter-by-parameter change list.
/// </summary>
public sealed class CalibrateStage(CalibrationOptions? options = null) : IStage
{
    /// <summary>How many recent quarters the out-of-time backtest predicts.</summary>
    public const int BacktestQuarters = 4;

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
        // The hiring trigger on the planned hours; replaced below once calibrated hours exist.
        rows += CalibrationTables.WriteHiring(connection, CapacityPlan.FromWarehouse(connection, model, null).Hiring);
        var observations = CalibrationInputs.AccountMonths(connection);
        if (observations.Count == 0)
        {
            return new CalibrateStageResult(Name, 0, 0, rows, ["no account-months observed: planned model only, nothing calibrated"], null, null, null, null);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var touchpoints = CalibrationInputs.Touchpoints(connection);
        var point = Calibrator.Fit(model, observations, options);
        // The planning on the calibrated time equation (rebalanced books, a lane per account) needs only the point
        // estimate and today's book, so it runs on a thread of its own while this one completes the calibration and
        // the backtest. Its CP-SAT solves run to their deterministic limit, one lane per core (the largest lane 2.3 s at
        // L), so the bootstrap here takes one core: the same replicates in the same order, so the same ranges.
        var book = PlanningInputs.Read(connection, model);
        var planning = Task.Factory.StartNew(() => Plan(model, point.Parameters, book), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        CalibrationResult result;
        BacktestResult backtest;
        try
        {
            var beside = options ?? CalibrationOptions.Default;
            result = Calibrator.Complete(model, point, observations, touchpoints, beside with { Bootstrap = beside.Bootstrap with { Parallelism = 1 } });
            cancellationToken.ThrowIfCancellationRequested();
            // How right the model was: each recent quarter predicted from the months before it only.
            backtest = ModelBacktest.Run(model, observations, BacktestQuarters, options?.Glm);
        }
        catch
        {
            // The planning does not touch the warehouse; it is let finish so that nothing runs on after the stage.
            planning.ContinueWith(_ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
            throw;
        }
        var fitted = string.Create(CultureInfo.InvariantCulture,
            $"fitted on {result.AccountMonths:N0} account-months of {result.Accounts:N0} accounts ({result.FirstMonth:yyyy-MM} to {result.LastMonth:yyyy-MM}), {result.Bootstrap.Reps} bootstrap reps");
        var plan = planning.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        rows += CalibrationTables.WritePlanning(connection, plan);
        rows += CalibrationTables.WriteBacktest(connection, backtest);
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
            return new CalibrateStageResult(Name, 0, observations.Count, rows,
                [fitted, $"calibrated model NOT written: the fit is implausible ({ex.Message}); check capacity_calibrated", plan.Summary], result, null, null, backtest)
            {
                Planning = plan,
            };
        }
        rows += CalibrationTables.WriteCalibration(connection, result, calibrated.Changes);
        // Headcount at the calibrated model beside the planned one: the fitted mean hours of each segment's months.
        var fittedHours = result.Quality.ToDictionary(q => q.Segment, q => q.MeanPredicted, StringComparer.Ordinal);
        RecordTable.Replace(connection, "capacity_headcount_plan", HeadcountPlanner.Plan(model, portfolio, model.Forward, fittedHours));
        CalibrationTables.WriteHiring(connection, CapacityPlan.FromWarehouse(connection, model, fittedHours).Hiring);
        var path = WriteModelFile(context, calibrated);
        return new CalibrateStageResult(Name, 0, observations.Count, rows, [fitted, $"calibrated model {calibrated.Model.Version} written to {path}", plan.Summary],
            result, calibrated, path, backtest)
        {
            Planning = plan,
        };
    }

    /// <summary>Rebalancing and lane recommendation of today's book (docs/capacity-model.md), on the fitted time equation.</summary>
    private static PlanningResult Plan(CapacityModel model, TimeEquationParameters parameters, TodaysBook book)
    {
        var rebalance = BookPlanner.Rebalance(model, parameters, book.Accounts, book.Csms, book.AsOf);
        var lanes = LaneRecommender.Recommend(model, parameters, book.Accounts);
        return new PlanningResult(rebalance, lanes, LaneRecommender.Summarize(model, lanes));
    }

    private static string WriteModelFile(RunContext context, CalibratedModel calibrated)
    {
        var folder = Path.Combine(context.Config.OutDirectory, "models");
        Directory.CreateDirectory(folder);
        var path = OutputPath.Inside(folder, $"capacity-model-{calibrated.Model.Version}.yaml");
        var temp = path + ".tmp";
        File.WriteAllText(temp, calibrated.Yaml);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}

/// <summary>
/// What calibrate found: the calibration (null when no account-month was observed), the calibrated model version
/// (null when the fit was implausible and no file was written) and where that file is.
/// </summary>
public sealed record CalibrateStageResult(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details,
    CalibrationResult? Calibration, CalibratedModel? Calibrated, string? ModelFile, BacktestResult? Backtest)
    : StageResult(Stage, Seconds, RowsIn, RowsOut, Details)
{
    /// <summary>Rebalancing and lane recommendations, made whenever the time equation was fitted.</summary>
    public PlanningResult? Planning { get; init; }
}
