using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity;

/// <summary>An active CSM today: role (dedicated, pooled, digital), FTE, and the customers of each segment in the book.</summary>
public sealed record CsmBook(string CsmId, string Role, double Fte, IReadOnlyDictionary<string, double> AccountsBySegment);

/// <summary>
/// CSM FTE serving each segment today, the capacity side of the hiring trigger. Only dedicated and pooled CSMs count
/// (a digital-role CSM is digital program staff, never CSM headcount). A CSM's FTE is split over the segments of the
/// book in proportion to the CSM hours each needs (accounts x CSM hours per account-month); a CSM with an empty book
/// (a new hire, say) is split over the segments of the CSM's own lane in proportion to the hours those segments need
/// today (equally when none needs any). A CSM whose lane has no segment is left out (<see cref="Unallocated"/>).
/// </summary>
public static class Staffing
{
    public static IReadOnlyDictionary<string, double> HeadcountBySegment(
        CapacityModel model, IReadOnlyList<CsmBook> csms, IReadOnlyDictionary<string, double> hoursPerAccountMonth, IReadOnlyList<SegmentPortfolio> portfolio) =>
        Allocate(model, csms, hoursPerAccountMonth, portfolio).Headcount;

    /// <summary>FTE of CSMs that could not be placed in any segment.</summary>
    public static double Unallocated(
        CapacityModel model, IReadOnlyList<CsmBook> csms, IReadOnlyDictionary<string, double> hoursPerAccountMonth, IReadOnlyList<SegmentPortfolio> portfolio) =>
        Allocate(model, csms, hoursPerAccountMonth, portfolio).Unallocated;

    private static (Dictionary<string, double> Headcount, double Unallocated) Allocate(
        CapacityModel model, IReadOnlyList<CsmBook> csms, IReadOnlyDictionary<string, double> hours, IReadOnlyList<SegmentPortfolio> portfolio)
    {
        ArgumentNullException.ThrowIfNull(model);
        var segments = SegmentPlan.AllFrom(model);
        var headcount = segments.ToDictionary(s => s.Segment, _ => 0.0, StringComparer.Ordinal);
        double Hours(string segment) => hours.GetValueOrDefault(segment);
        var unallocated = 0.0;
        foreach (var csm in csms.Where(c => c.Role is "dedicated" or "pooled" && c.Fte > 0).OrderBy(c => c.CsmId, StringComparer.Ordinal))
        {
            var weights = csm.AccountsBySegment
                .Where(b => headcount.ContainsKey(b.Key))
                .Select(b => (Segment: b.Key, Weight: b.Value * Hours(b.Key)))
                .Where(w => w.Weight > 0)
                .ToList();
            if (weights.Count == 0)
            {
                // An empty book: the CSM's lane, weighted by the hours its segments need today.
                var lane = Lanes.Parse(csm.Role);
                var own = segments.Where(s => s.Lane == lane).Select(s => s.Segment).ToList();
                if (own.Count == 0)
                {
                    unallocated += csm.Fte;
                    continue;
                }
                weights = own.Select(s => (s, (portfolio.FirstOrDefault(p => p.Segment == s)?.Accounts ?? 0) * Hours(s))).ToList();
                if (weights.All(w => w.Weight <= 0)) weights = own.Select(s => (s, 1.0)).ToList();
            }
            var total = weights.Sum(w => w.Weight);
            foreach (var (segment, weight) in weights) headcount[segment] += csm.Fte * weight / total;
        }
        return (headcount, unallocated);
    }
}
