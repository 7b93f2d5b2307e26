using System.CommandLine;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Calibrate;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary>
/// <c>capacity plan</c>: headcount now and forward, hiring months per segment, scenarios, and the finance workbook.
/// Reads the warehouse the last run built (its marts and the calibrated hours the last calibration left in
/// capacity_fit_quality) with the pipeline's current model file, read-only: it writes nothing to the warehouse, so an
/// edited hiring: or forward: section shows at once. The published tables follow at the next run or calibrate.
/// </summary>
public static class PlanCommand
{
    public static Command Create(CliEnvironment env)
    {
        var args = new PipelineArguments();
        var xlsx = new Option<FileInfo?>("--xlsx") { Description = "Also write the plan as a workbook for finance: assumptions, capacity, scenarios and hiring with live formulas." };
        var command = new Command("plan",
            "Plan headcount from the calibrated model: CSMs needed now and for the forward ARR, the month capacity runs out in each segment and the month a requisition must open, scenarios; --xlsx writes the finance workbook.")
        {
            xlsx,
        };
        args.AddTo(command, run: false);
        command.SetAction(parse => env.Execute(() =>
        {
            var config = args.Resolve(parse);
            var plan = Plan(config);
            var workbook = parse.GetValue(xlsx);
            if (workbook is not null)
            {
                if (workbook.Directory is { Exists: false } folder)
                {
                    throw new ConfigurationException($"{workbook.FullName}: the folder {folder.FullName} does not exist; create it or name another file.");
                }
                FinanceWorkbook.Write(plan, workbook.FullName);
            }
            var sections = PlanReport.Sections(plan);
            if (env.Json)
            {
                var document = new Dictionary<string, object?>
                {
                    ["status"] = "ok",
                    ["warehouse"] = config.WarehousePath,
                    ["model_version"] = plan.Model.Version,
                    ["as_of"] = plan.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["practical_hours_per_month"] = plan.Hours.PracticalHoursPerMonth,
                    ["hours_basis"] = plan.CalibratedHours is null ? "planned" : "calibrated",
                    ["growth_basis"] = plan.Model.Hiring.Growth,
                    ["trailing_months"] = plan.TrailingMonthsHeld,
                    ["workbook"] = workbook?.FullName,
                };
                foreach (var section in sections) document[section.Key] = section.Rows;
                env.WriteJson(document);
                return ExitCodes.Ok;
            }
            if (parse.GetValue(CliApp.Quiet))
            {
                env.Console.WriteLine($"ok plan {plan.Model.Version} {plan.AsOf:yyyy-MM-dd}" + (workbook is null ? "" : $" workbook={workbook.FullName}"));
                return ExitCodes.Ok;
            }
            env.Console.WriteLine(PlanReport.Basis(plan));
            foreach (var section in sections) RunSummaryView.Render(env.Console, section.Table);
            if (workbook is not null)
            {
                env.Console.WriteLine();
                env.Console.MarkupLineInterpolated($"[bold]Workbook[/]: {workbook.FullName}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The plan on the pipeline's warehouse, opened read-only.</summary>
    public static CapacityPlan Plan(PipelineConfig config)
    {
        var model = PipelineRunner.LoadModel(config);
        if (!File.Exists(config.WarehousePath))
        {
            throw new ConfigurationException($"{config.WarehousePath}: no warehouse yet; run the pipeline first (`capacity run`).");
        }
        using var connection = new DuckDBConnection($"DataSource={config.WarehousePath};ACCESS_MODE=READ_ONLY");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex)
        {
            // A run writing the warehouse holds DuckDB's file lock; a plan reads the last complete state after it.
            throw new CapacityException($"{config.WarehousePath}: cannot be read now ({ex.Message.Split('\n')[0]}); if a run is writing it, plan again when it has finished.", FailureKind.Data, ex);
        }
        foreach (var table in new[] { "dim_account", "dim_csm", "fct_account_month", "run_context" })
        {
            if (!connection.TableExists(table))
            {
                throw new ConfigurationException($"{config.WarehousePath}: no {table} yet; run the pipeline first (`capacity run`).");
            }
        }
        return CapacityPlan.FromWarehouse(connection, model, CalibrationInputs.CalibratedHours(connection));
    }
}
