using System.Globalization;
using CapacityAnalytics.Core.CapacityModelFile;

namespace CapacityAnalytics.Core.Capacity.Planning;

/// <summary>
/// Turns the current book into the rebalancer's inputs (docs/capacity-model.md, "Book rebalancing"): each account's
/// expected hours per month under the calibrated time equation, each CSM's customer-facing hours per month from the
/// available-hours chain, and what keeps an account where it is.
/// </summary>
public static class BookPlanner
{
    /// <summary>
    /// Expected customer hours per month of an account as it is today: the calibrated base hours of its segment x
    /// complexity and stakeholder multipliers x the onboarding and expansion uplifts when they apply. Zero for a segment
    /// the fit never saw.
    /// </summary>
    public static double ExpectedHours(TimeEquationParameters parameters, PlanningAccount account)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(account);
        if (!parameters.Segments.Contains(account.Segment)) return 0;
        return parameters.Predict(new AccountMonthObservation(account.AccountId, account.OwnerId ?? "", default, account.Segment, 0,
            account.Complexity, account.Onboarding, account.ExpansionActive, account.Stakeholders, account.Arr));
    }

    /// <summary>Customer-facing hours per month of a CSM working <paramref name="weeklyHours"/> (weekly hours x FTE).</summary>
    public static double CapacityHours(CapacityModel model, double weeklyHours)
    {
        var a = model.AvailableHours;
        return AvailableHoursChain.From(weeklyHours, a.PtoWeeksPerYear, a.CustomerFacingShare, a.PracticalCapacity).CustomerFacingHoursPerMonth;
    }

    /// <summary>Why an account should stay with its owner, or null: renewal within protect_renewal_days, onboarding.</summary>
    public static string? Protection(RebalancePolicy policy, PlanningAccount account, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var reasons = new List<string>();
        if (account.RenewalDate is { } renewal && renewal >= asOf && renewal.DayNumber - asOf.DayNumber <= policy.ProtectRenewalDays)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"renewal in {renewal.DayNumber - asOf.DayNumber} days"));
        }
        if (policy.ProtectOnboarding && account.Onboarding) reasons.Add("onboarding");
        return reasons.Count == 0 ? null : string.Join(", ", reasons);
    }

    /// <summary>Rebalances the current book with the model file's <c>rebalance</c> policy.</summary>
    public static RebalanceResult Rebalance(CapacityModel model, TimeEquationParameters parameters, IReadOnlyList<PlanningAccount> accounts,
        IReadOnlyList<PlanningCsm> csms, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(csms);
        var policy = model.Rebalance;
        var pinned = policy.Pinned.ToHashSet(StringComparer.Ordinal);
        var inputs = accounts.Select(a => new RebalanceAccount(a.AccountId, a.OwnerId, a.CurrentLane, ExpectedHours(parameters, a),
            Protection(policy, a, asOf), pinned.Contains(a.AccountId))).ToList();
        var team = csms.Select(c => new RebalanceCsm(c.CsmId, c.Lane, CapacityHours(model, c.WeeklyHours))).ToList();
        return BookRebalancer.Solve(inputs, team, new RebalanceOptions(policy.BandLow, policy.BandHigh, policy.MaxMovesPerCsm, policy.TimeLimit,
            CandidatesPerCsm: policy.CandidatesPerCsm));
    }
}
