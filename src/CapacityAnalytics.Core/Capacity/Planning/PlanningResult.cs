using System.Globalization;

namespace CapacityAnalytics.Core.Capacity.Planning;

/// <summary>What planning made of today's book: the rebalancing proposal, a lane per account and the lanes' totals.</summary>
public sealed record PlanningResult(RebalanceResult Rebalance, IReadOnlyList<LaneRecommendation> Lanes, IReadOnlyList<LaneSummary> LaneSummary)
{
    /// <summary>One line for the run report: CSMs out of band before and after, moves, lane changes.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"rebalancing ({RebalanceResult.StatusName(Rebalance.Status)}, {Rebalance.SolveSeconds:0.0}s): {Rebalance.OutOfBandBefore} of {Rebalance.Loads.Count} CSMs out of band before, {Rebalance.OutOfBandAfter} after, {Rebalance.Moves.Count} moves ({Rebalance.HoursMoved:0.0} h/month); {Lanes.Count(l => l.ChangesLane)} of {Lanes.Count} accounts recommended another lane");
}
