using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Calibrate;

/// <summary>
/// Everything <c>capacity plan</c> shows and the finance workbook holds: the available-hours chain, the planned book
/// per CSM, headcount now and forward, scenarios and the hiring trigger, from one model and one set of inputs.
/// </summary>
/// <param name="TrailingMonthsHeld">Complete months the trailing growth was averaged over (at most hiring.trailing_months).</param>
public sealed record CapacityPlan(
    CapacityModel Model,
    DateOnly AsOf,
    AvailableHoursChain Hours,
    IReadOnlyList<SegmentPortfolio> Portfolio,
    IReadOnlyDictionary<string, double>? CalibratedHours,
    IReadOnlyList<SegmentGrowth> TrailingGrowth,
    int TrailingMonthsHeld,
    IReadOnlyList<CsmBook> Csms,
    IReadOnlyList<CapacityPlannedRow> Planned,
    IReadOnlyList<CapacityHeadcountPlanRow> Headcount,
    IReadOnlyList<CapacityScenarioRow> Scenarios,
    HiringPlan Hiring)
{
    /// <summary>The growth the hiring plan projected: the trailing data or the forward: section's plan.</summary>
    public IReadOnlyList<SegmentGrowth> Growth => Model.Hiring.Growth == HiringPolicy.ForwardTargetGrowth
        ? HiringPlanner.ForwardGrowth(Model, Portfolio)
        : TrailingGrowth;

    /// <summary>CSM FTE serving each segment today, as the hiring plan counted it.</summary>
    public IReadOnlyDictionary<string, double> HeadcountNow =>
        Staffing.HeadcountBySegment(Model, Csms, HiringPlanner.HoursPerAccountMonth(Model, CalibratedHours), Portfolio);

    /// <summary>The plan from its inputs (no warehouse): what the tests and the workbook's worked examples use.</summary>
    public static CapacityPlan From(CapacityModel model, DateOnly asOf, IReadOnlyList<SegmentPortfolio> portfolio,
        IReadOnlyDictionary<string, double>? calibratedHours, IReadOnlyList<SegmentGrowth> trailingGrowth, int trailingMonthsHeld,
        IReadOnlyList<CsmBook> csms)
    {
        ArgumentNullException.ThrowIfNull(model);
        var headcountNow = Staffing.HeadcountBySegment(model, csms, HiringPlanner.HoursPerAccountMonth(model, calibratedHours), portfolio);
        return new CapacityPlan(
            model,
            asOf,
            AvailableHoursChain.From(model.AvailableHours),
            portfolio,
            calibratedHours,
            trailingGrowth,
            trailingMonthsHeld,
            csms,
            PlannedModel.Rows(model, portfolio),
            HeadcountPlanner.Plan(model, portfolio, model.Forward, calibratedHours),
            ScenarioRunner.Run(model, portfolio),
            HiringPlanner.Plan(model, new HiringInputs(asOf, portfolio, trailingGrowth, headcountNow, calibratedHours)));
    }

    /// <summary>
    /// The plan on the warehouse's marts (today's customers, the roster, the trailing growth) with the given
    /// calibrated hours per account-month (null: the model file's planned hours).
    /// </summary>
    public static CapacityPlan FromWarehouse(DuckDBConnection connection, CapacityModel model, IReadOnlyDictionary<string, double>? calibratedHours)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (growth, held) = CalibrationInputs.TrailingGrowth(connection, model.Hiring.TrailingMonths);
        return From(model, CalibrationInputs.AsOf(connection), CalibrationInputs.Portfolio(connection), calibratedHours, growth, held,
            CalibrationInputs.CsmBooks(connection));
    }
}
