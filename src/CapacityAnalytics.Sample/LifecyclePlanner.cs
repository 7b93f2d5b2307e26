namespace CapacityAnalytics.Sample;

/// <summary>
/// Plans each account's commercial life: annual renewals (churn at renewal, raised for accounts that sat in an
/// overloaded book), renewal and new-logo opportunities, expansion opportunities (which make months
/// expansion-active) and the ARR changes that follow them.
/// </summary>
public static class LifecyclePlanner
{
    private const double ExposedChurnFactor = 3;
    private const double ExposureTailDays = 120;

    public static double AnnualChurn(Segment segment) => segment switch
    {
        Segment.Enterprise => 0.07,
        Segment.MidMarket => 0.11,
        _ => 0.17,
    };

    /// <summary>Draws each renewal's churn draw and sets the churn date the base chances give.</summary>
    public static void DrawRenewals(IReadOnlyList<AccountPlan> accounts, SampleOptions options, SampleRandom random)
    {
        var end = options.ResolvedEndDate;
        foreach (var account in accounts)
        {
            for (var year = 1; ; year++)
            {
                var date = account.ContractStart.AddYears(year);
                if (date >= options.PeriodStart)
                {
                    account.Renewals.Add(new RenewalPlan(date, random.NextDouble()));
                }
                if (date > end)
                {
                    break;
                }
            }
            Decide(account, end);
        }
    }

    /// <summary>Raises the churn chance of renewals during or within 120 days after an episode the account sat in.</summary>
    public static void ApplyExposure(IReadOnlyList<AccountPlan> accounts, IReadOnlyList<EpisodePlan> episodes, DateOnly end)
    {
        foreach (var episode in episodes)
        {
            foreach (var (account, _) in EpisodePlanner.AffectedAccountMonths(episode, accounts, end))
            {
                foreach (var renewal in account.Renewals)
                {
                    if (renewal.Date >= episode.Onset && renewal.Date <= episode.End.AddDays((int)ExposureTailDays))
                    {
                        renewal.Exposed = true;
                    }
                }
            }
        }
        foreach (var account in accounts)
        {
            Decide(account, end);
            account.DropOwnerChangesAfterChurn();
        }
    }

    /// <summary>Writes the opportunities and ARR changes, month by month, so amounts follow the ARR of their day.</summary>
    public static void PlanOpportunities(IReadOnlyList<AccountPlan> accounts, SampleOptions options, SampleRandom random)
    {
        var end = options.ResolvedEndDate;
        foreach (var account in accounts)
        {
            if (account.ContractStart >= options.PeriodStart.AddDays(-90))
            {
                var arr = account.ArrAt(account.ContractStart);
                account.Opportunities.Add(new OpportunityPlan("new", arr,
                    account.ContractStart.AddDays(-20 - random.Next(70)), account.ContractStart, "closed_won", true, true));
            }
            var firstMonth = SampleCalendar.Max(options.PeriodStart, SampleCalendar.MonthStart(account.ContractStart));
            foreach (var renewal in account.Renewals.Where(r => r.Date.AddDays(-90) < firstMonth))
            {
                PlanRenewal(account, renewal, end, random);
            }
            DateOnly? busyUntil = null;
            var lastLive = account.LastLiveDay(end);
            for (var month = firstMonth; month <= end; month = month.AddMonths(1))
            {
                foreach (var renewal in account.Renewals.Where(r => SampleCalendar.MonthStart(r.Date.AddDays(-90)) == month))
                {
                    PlanRenewal(account, renewal, end, random);
                }
                var from = SampleCalendar.Max(month, account.ContractStart.AddDays(30));
                var to = SampleCalendar.Min(SampleCalendar.MonthEnd(month), lastLive.AddDays(-30));
                if (from <= to && (busyUntil is null || busyUntil < from) && random.Chance(ExpansionChance(account)))
                {
                    busyUntil = PlanExpansion(account, SampleCalendar.DayBetween(random, from, to), lastLive, end, random);
                }
            }
            account.RenewalDate = account.ChurnedOn ?? account.Renewals.First(r => r.Date > end).Date;
        }
    }

    private static void Decide(AccountPlan account, DateOnly end)
    {
        var chance = AnnualChurn(account.Segment);
        account.ChurnedOn = account.Renewals
            .FirstOrDefault(r => r.Date <= end && r.Draw < chance * (r.Exposed ? ExposedChurnFactor : 1))?.Date;
    }

    private static void PlanRenewal(AccountPlan account, RenewalPlan renewal, DateOnly end, SampleRandom random)
    {
        if (account.ChurnedOn is { } churned && renewal.Date > churned)
        {
            return;
        }
        var arr = account.ArrAt(renewal.Date.AddDays(-1));
        var created = renewal.Date.AddDays(-90);
        if (renewal.Date > end)
        {
            account.Opportunities.Add(new OpportunityPlan("renewal", arr, created, renewal.Date,
                renewal.Date.AddDays(-30) > end ? "proposal" : "negotiation", false, null));
            return;
        }
        if (account.ChurnedOn == renewal.Date)
        {
            account.Opportunities.Add(new OpportunityPlan("renewal", arr, created, renewal.Date, "closed_lost", true, false));
            return;
        }
        account.Opportunities.Add(new OpportunityPlan("renewal", arr, created, renewal.Date, "closed_won", true, true));
        if (renewal.Exposed && random.Chance(0.5))
        {
            // An exposed account that stays often renews smaller.
            var reduced = account.Segment.ClampInto(Math.Round(arr * random.Uniform(0.7, 0.9) / 100) * 100);
            if (reduced < arr)
            {
                account.Opportunities.Add(new OpportunityPlan("contraction", reduced - arr, created.AddDays(30),
                    renewal.Date, "closed_won", true, true));
                account.SetArr(renewal.Date, reduced);
            }
        }
        else if (random.Chance(0.5))
        {
            account.SetArr(renewal.Date, arr * (1 + random.Uniform(0.02, 0.06)));
        }
    }

    private static DateOnly PlanExpansion(AccountPlan account, DateOnly created, DateOnly lastLive, DateOnly end, SampleRandom random)
    {
        var close = created.AddDays(20 + random.Next(61));
        var arr = account.ArrAt(created);
        var amount = Math.Round(arr * random.Uniform(0.1, 0.4) / 100) * 100;
        if (close > end && account.ChurnedOn is null)
        {
            account.Opportunities.Add(new OpportunityPlan("expansion", amount, created, close, "proposal", false, null));
            return close;
        }
        close = SampleCalendar.Min(close, lastLive);
        var won = random.Chance(0.55);
        if (won)
        {
            var before = account.ArrAt(close);
            account.SetArr(close, before + amount);
            amount = account.ArrAt(close) - before;
        }
        if (amount > 0)
        {
            account.Opportunities.Add(new OpportunityPlan("expansion", amount, created, close, won ? "closed_won" : "closed_lost", true, won));
        }
        return close;
    }

    private static double ExpansionChance(AccountPlan account) => account.ExpansionPotential switch
    {
        "high" => 0.07,
        "medium" => 0.035,
        _ => 0.012,
    };
}
