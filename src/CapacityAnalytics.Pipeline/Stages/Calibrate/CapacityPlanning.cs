using System.Globalization;
using CapacityAnalytics.Core.Capacity;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Warehouse;
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
    /// <summary>The book rebalancing and lane recommendation the last calibrate stage wrote (null: none in the warehouse).</summary>
    public LastPlanning? Planning { get; init; }

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
            CalibrationInputs.CsmBooks(connection)) with
        { Planning = LastPlanning.Read(connection) };
    }
}

/// <summary>One CSM's load before and after the proposed moves (a row of <c>capacity_rebalance_load</c>).</summary>
public sealed record RebalanceLoadLine(string CsmId, string Lane, double LoadBefore, bool InBandBefore, double LoadAfter, bool InBandAfter,
    int MovesOut, int MovesIn, string SolveStatus);

/// <summary>A lane now and if every recommendation were followed (a row of <c>capacity_lane_summary</c>).</summary>
public sealed record LaneSummaryLine(string Lane, int AccountsNow, int AccountsRecommended, double HoursChange, double FteChange);

/// <summary>
/// What the last calibrate stage proposed for today's books: the rebalancing (load per CSM, moves and hours moved) and
/// the lanes. <c>capacity plan</c> shows it as it was computed, at that run's model file and as-of date.
/// </summary>
public sealed record LastPlanning(IReadOnlyList<RebalanceLoadLine> Loads, int Moves, double HoursMoved, IReadOnlyList<LaneSummaryLine> Lanes)
{
    public static LastPlanning? Read(DuckDBConnection connection)
    {
        if (!connection.TableExists("capacity_rebalance_load") || !connection.TableExists("capacity_lane_summary")) return null;
        var loads = new List<RebalanceLoadLine>();
        using (var command = connection.Command("""
            select csm_id, lane, load_before, in_band_before, load_after, in_band_after, moves_out, moves_in, solve_status
            from capacity_rebalance_load order by lane, csm_id
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                loads.Add(new RebalanceLoadLine(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetBoolean(3), reader.GetDouble(4),
                    reader.GetBoolean(5), Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
                    reader.GetString(8)));
            }
        }
        var lanes = new List<LaneSummaryLine>();
        using (var command = connection.Command("select lane, accounts_now, accounts_recommended, hours_change, fte_change from capacity_lane_summary order by lane"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                lanes.Add(new LaneSummaryLine(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetDouble(3), reader.GetDouble(4)));
            }
        }
        var (moves, hours) = (0, 0.0);
        if (connection.TableExists("capacity_rebalance"))
        {
            using var command = connection.Command("select count(*)::integer, coalesce(sum(hours_moved), 0)::double from capacity_rebalance");
            using var reader = command.ExecuteReader();
            reader.Read();
            (moves, hours) = (reader.GetInt32(0), reader.GetDouble(1));
        }
        return new LastPlanning(loads, moves, hours, lanes);
    }
}
