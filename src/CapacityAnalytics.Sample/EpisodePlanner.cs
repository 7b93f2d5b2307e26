namespace CapacityAnalytics.Sample;

/// <summary>
/// Chooses the CSMs the sample plants signals on and plants their episodes. One dedicated control with only a PTO
/// week; with five or more dedicated regulars, one always-overloaded CSM (a mid-market CSM whose initial book is 2.2
/// times a normal one, so they are over capacity from the first week to the end); about one in six overloaded, at least
/// two. An overload episode starts on a Monday: the CSM's book grows by 60-100% with accounts taken from regular CSMs of
/// the same lane. The first lasts to the end of the extract; the others last 6-12 weeks, then the accounts go back,
/// early enough that the decline can be seen to recover before the extract ends.
/// </summary>
public static class EpisodePlanner
{
    private const int BaselineWeeks = 14;
    private const int MinimumEpisodeWeeks = 6;
    private const int MaximumEpisodeWeeks = 12;

    /// <summary>Weeks a recovered episode ends before the extract does (window, recovery and a little history).</summary>
    private const int RecoveryWeeks = 12;

    public static void ChooseCsms(IReadOnlyList<CsmPlan> csms, SampleOptions options, SampleRandom random)
    {
        var regular = csms.Where(c => c.Part == CsmPart.Regular && c.Role != CsmRole.Digital).ToList();
        if (regular.Count == 0)
        {
            return;
        }
        // The control sits in the mid-market team when there is one: a larger book, a steadier weekly series.
        var control = regular.Where(c => c.Role == CsmRole.Dedicated && c.Focus == Segment.MidMarket)
            .DefaultIfEmpty(regular.FirstOrDefault(c => c.Role == CsmRole.Dedicated) ?? regular[0]).ToList();
        random.Pick(control).Part = CsmPart.Control;
        var dedicated = csms.Where(c => c.Part == CsmPart.Regular && c.Role == CsmRole.Dedicated).ToList();
        if (dedicated.Count >= 5)
        {
            var heavy = dedicated.Where(c => c.Focus == Segment.MidMarket).DefaultIfEmpty(dedicated[^1]).ToList();
            random.Pick(heavy).Part = CsmPart.AlwaysOverloaded;
        }

        var weeks = (options.ResolvedEndDate.DayNumber - options.PeriodStart.DayNumber) / 7;
        if (weeks < BaselineWeeks + MinimumEpisodeWeeks)
        {
            return;
        }
        var wanted = Math.Max(2, (int)Math.Round(csms.Count / 6.0));
        for (var i = 0; i < wanted; i++)
        {
            // Take from the lane with the most regular CSMs left; every lane keeps two regulars to donate accounts.
            var lane = csms.Where(c => c.Part == CsmPart.Regular && c.Role != CsmRole.Digital)
                .GroupBy(c => c.Role)
                .Where(g => g.Count() > 2)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key)
                .FirstOrDefault();
            if (lane is null)
            {
                break;
            }
            random.Pick(lane.ToList()).Part = CsmPart.Overload;
        }
    }

    public static List<EpisodePlan> Plant(
        IReadOnlyList<AccountPlan> accounts, IReadOnlyList<CsmPlan> csms, SampleOptions options, SampleRandom random)
    {
        var end = options.ResolvedEndDate;
        var earliest = SampleCalendar.WeekStart(options.PeriodStart.AddDays(7 * BaselineWeeks + 6));
        var latest = SampleCalendar.WeekStart(end.AddDays(-7 * MinimumEpisodeWeeks));
        var claimed = new HashSet<AccountPlan>();
        var episodes = new List<EpisodePlan>();
        var first = true;
        foreach (var csm in csms.Where(c => c.Part is CsmPart.Overload or CsmPart.AlwaysOverloaded).OrderBy(c => c.Part == CsmPart.AlwaysOverloaded))
        {
            var weeks = random.Next(MinimumEpisodeWeeks, MaximumEpisodeWeeks + 1);
            // The first episode runs to the end; the others end RecoveryWeeks before it, so their recovery shows.
            var untilEnd = first;
            var lastOnset = untilEnd ? latest : SampleCalendar.WeekStart(end.AddDays(-7 * (weeks + RecoveryWeeks)));
            if (lastOnset < earliest)
            {
                lastOnset = latest;
                untilEnd = true;
            }
            var onset = earliest.AddDays(7 * random.Next(Math.Max(1, (lastOnset.DayNumber - earliest.DayNumber) / 7 + 1)));
            var last = onset.AddDays(7 * weeks - 1);
            untilEnd |= last >= end;
            first = false;
            if (csm.Part == CsmPart.AlwaysOverloaded)
            {
                // The first Monday of the extract; the book is heavy from the initial assignment, nothing is added.
                onset = SampleCalendar.WeekStart(options.PeriodStart.AddDays(6));
                untilEnd = true;
            }
            var episode = new EpisodePlan(csm, onset, untilEnd ? end : last, untilEnd);
            episode.BookBefore = accounts.Count(a => a.IsLive(onset, end) && a.OwnerAt(onset) == csm.Index);

            if (csm.Part == CsmPart.AlwaysOverloaded)
            {
                episodes.Add(episode);
                continue;
            }
            var donors = accounts
                .Where(a => !claimed.Contains(a)
                    && a.ContractStart < onset.AddDays(-7)
                    && a.IsLive(onset, end)
                    && csms[a.OwnerAt(onset)] is { Part: CsmPart.Regular } owner
                    && owner.Role == csm.Role
                    // A lasting episode looks as far ahead as the longest ending one (later reassignments may follow).
                    && !a.OwnerChangesBetween(onset.AddDays(-56), SampleCalendar.Min(episode.End, onset.AddDays(7 * MaximumEpisodeWeeks)).AddDays(7)))
                .ToList();
            var wanted = Math.Max(3, (int)Math.Round(episode.BookBefore * random.Uniform(0.6, 1.0)));
            for (var i = 0; i < wanted && donors.Count > 0; i++)
            {
                var pick = random.Next(donors.Count);
                var account = donors[pick];
                donors.RemoveAt(pick);
                var donor = account.OwnerAt(onset);
                account.SetOwner(onset, csm.Index);
                if (!untilEnd)
                {
                    account.SetOwner(episode.End.AddDays(1), donor);
                }
                claimed.Add(account);
                episode.Added.Add(account);
            }
            episodes.Add(episode);
        }
        return episodes;
    }

    /// <summary>The episode running for this account on this day (its owner's), if any.</summary>
    public static EpisodePlan? At(IReadOnlyList<EpisodePlan> episodes, AccountPlan account, DateOnly date)
    {
        foreach (var episode in episodes)
        {
            if (episode.Covers(date) && account.OwnerAt(date) == episode.Csm.Index)
            {
                return episode;
            }
        }
        return null;
    }

    /// <summary>Every (account, month) with at least one live day in the episode while the account sat in its book.</summary>
    public static List<(AccountPlan Account, DateOnly Month)> AffectedAccountMonths(
        EpisodePlan episode, IReadOnlyList<AccountPlan> accounts, DateOnly end)
    {
        var affected = new List<(AccountPlan, DateOnly)>();
        foreach (var account in accounts)
        {
            DateOnly? lastMonth = null;
            var to = SampleCalendar.Min(episode.End, account.LastLiveDay(end));
            for (var day = SampleCalendar.Max(episode.Onset, account.ContractStart); day <= to; day = day.AddDays(1))
            {
                var month = SampleCalendar.MonthStart(day);
                if (month != lastMonth && account.OwnerAt(day) == episode.Csm.Index)
                {
                    affected.Add((account, month));
                    lastMonth = month;
                }
            }
        }
        return affected;
    }
}
