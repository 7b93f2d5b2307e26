namespace CapacityAnalytics.Sample;

/// <summary>
/// Plans who owns which account over time: the initial assignment at contract start (by lane and the team's segment,
/// to the CSM with the fewest expected hours, an always-overloaded CSM counting their accounts at a discount so they carry more), the leaver's book transfer to their replacement, and occasional single-account reassignments between
/// regular CSMs of the same lane.
/// </summary>
public static class OwnershipPlanner
{
    private const double MonthlyReassignmentChance = 0.004;

    public static void AssignInitialOwners(IReadOnlyList<AccountPlan> accounts, IReadOnlyList<CsmPlan> csms, SampleTimeEquation parameters)
    {
        var load = new double[csms.Count];
        // The hire takes over the leaver's book, so they share one load: the hire gets no pile of new logos.
        var leaver = csms.FirstOrDefault(c => c.Part == CsmPart.Leaver);
        int Slot(CsmPlan c) => c.Part == CsmPart.Hire && leaver is not null ? leaver.Index : c.Index;
        foreach (var account in accounts)
        {
            var lane = LaneOf(account, csms);
            var candidates = csms.Where(c => c.Role == lane && c.Focus == account.Segment && AcceptsNewAccounts(c, account.ContractStart)).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. csms.Where(c => c.Role == lane && AcceptsNewAccounts(c, account.ContractStart))];
            }
            if (candidates.Count == 0)
            {
                candidates = [.. csms.Where(c => AcceptsNewAccounts(c, account.ContractStart))];
            }
            if (candidates.Count == 0)
            {
                candidates = [.. csms];
            }
            var owner = candidates.OrderBy(c => load[Slot(c)]).ThenBy(c => c.Index).First();
            // Books are balanced on expected hours (what a CS ops team's tiering approximates), not account counts.
            load[Slot(owner)] += parameters.ExpectedHours(account.Segment, account.Complexity, account.Stakeholders, false, false) / owner.BookWeight;
            account.SetOwner(account.ContractStart, owner.Index);
        }
    }

    /// <summary>The leaver's live accounts move to the hire on the handover Monday.</summary>
    public static void TransferLeaverBook(IReadOnlyList<AccountPlan> accounts, IReadOnlyList<CsmPlan> csms)
    {
        var leaver = csms.FirstOrDefault(c => c.Part == CsmPart.Leaver);
        var hire = csms.FirstOrDefault(c => c.Part == CsmPart.Hire);
        if (leaver?.EndDate is not { } leaves || hire is null)
        {
            return;
        }
        var handover = leaves.AddDays(-4);
        foreach (var account in accounts)
        {
            if (account.ContractStart <= handover && account.OwnerAt(handover) == leaver.Index)
            {
                account.SetOwner(handover, hire.Index);
            }
        }
    }

    /// <summary>Now and then an account moves between two regular CSMs of the same lane (a territory tweak).</summary>
    public static void ReassignOccasionally(
        IReadOnlyList<AccountPlan> accounts, IReadOnlyList<CsmPlan> csms, SampleOptions options, SampleRandom random)
    {
        var regular = csms.Where(c => c.Part == CsmPart.Regular).ToList();
        foreach (var account in accounts)
        {
            for (var month = options.PeriodStart; month <= options.ResolvedEndDate; month = month.AddMonths(1))
            {
                if (!random.Chance(MonthlyReassignmentChance))
                {
                    continue;
                }
                var day = SampleCalendar.WeekStart(month.AddDays(random.Next(28))).AddDays(7);
                if (day <= account.ContractStart || day > options.ResolvedEndDate)
                {
                    continue;
                }
                var current = csms[account.OwnerAt(day)];
                if (current.Part != CsmPart.Regular)
                {
                    continue;
                }
                var targets = regular.Where(c => c.Role == current.Role && c.Focus == current.Focus && c != current && c.IsEmployed(day)).ToList();
                if (targets.Count > 0)
                {
                    account.SetOwner(day, random.Pick(targets).Index);
                }
            }
        }
    }

    private static CsmRole LaneOf(AccountPlan account, IReadOnlyList<CsmPlan> csms)
    {
        if (account.Segment != Segment.Smb)
        {
            return CsmRole.Dedicated;
        }
        if (account.DigitalLane && csms.Any(c => c.Role == CsmRole.Digital))
        {
            return CsmRole.Digital;
        }
        return csms.Any(c => c.Role == CsmRole.Pooled) ? CsmRole.Pooled : CsmRole.Dedicated;
    }

    /// <summary>A CSM leaving within a month takes no new accounts; a hire does from their start date.</summary>
    private static bool AcceptsNewAccounts(CsmPlan csm, DateOnly date) =>
        csm.IsEmployed(date) && (csm.EndDate is null || date < csm.EndDate.Value.AddDays(-30));
}
