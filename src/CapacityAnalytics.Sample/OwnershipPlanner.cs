namespace CapacityAnalytics.Sample;

/// <summary>
/// Plans who owns which account over time: the initial assignment at contract start (by lane, to the least loaded
/// CSM), the leaver's book transfer to their replacement, and occasional single-account reassignments between
/// regular CSMs of the same lane.
/// </summary>
public static class OwnershipPlanner
{
    private const double MonthlyReassignmentChance = 0.004;

    public static void AssignInitialOwners(IReadOnlyList<AccountPlan> accounts, IReadOnlyList<CsmPlan> csms)
    {
        var load = new double[csms.Count];
        foreach (var account in accounts)
        {
            var lane = LaneOf(account, csms);
            var candidates = csms.Where(c => c.Role == lane && AcceptsNewAccounts(c, account.ContractStart)).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. csms.Where(c => AcceptsNewAccounts(c, account.ContractStart))];
            }
            if (candidates.Count == 0)
            {
                candidates = [.. csms];
            }
            var owner = candidates.OrderBy(c => load[c.Index]).ThenBy(c => c.Index).First();
            load[owner.Index] += Points(account.Segment);
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
                var targets = regular.Where(c => c.Role == current.Role && c != current && c.IsEmployed(day)).ToList();
                if (targets.Count > 0)
                {
                    account.SetOwner(day, random.Pick(targets).Index);
                }
            }
        }
    }

    public static double Points(Segment segment) => segment switch
    {
        Segment.Enterprise => 3,
        Segment.MidMarket => 1,
        _ => 0.4,
    };

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
