namespace CapacityAnalytics.Sample;

/// <summary>Turns the plan into the ground truth: parameters, planted episodes with their footprint, controls.</summary>
public static class GroundTruthBuilder
{
    public static SampleGroundTruth Build(CompanyPlan plan, IReadOnlyDictionary<string, long> counts)
    {
        var episodes = plan.Episodes
            .Select(e => Episode(plan, e))
            .OrderBy(e => e.CsmId, StringComparer.Ordinal)
            .ToList();
        var controls = plan.Csms
            .Where(c => c.Part == CsmPart.Control && plan.ControlTimeOffWeek is not null)
            .Select(c => new ControlCsm(c.Id, "time_off_only", plan.ControlTimeOffWeek!.Value, plan.ControlTimeOffWeek.Value.AddDays(4)))
            .ToList();
        return new SampleGroundTruth(
            plan.Options.Seed,
            plan.Options.Resolved(),
            plan.PeriodStart,
            plan.End,
            plan.Parameters,
            TouchpointCatalog.EscalatedTicketMinutes,
            TouchpointCatalog.OnboardingWindowDays,
            episodes,
            controls,
            Transfers(plan),
            counts);
    }

    private static PlantedEpisode Episode(CompanyPlan plan, EpisodePlan episode)
    {
        var months = EpisodePlanner.AffectedAccountMonths(episode, plan.Accounts, plan.End);
        return new PlantedEpisode(
            episode.Csm.Id,
            episode.Kind,
            episode.Onset,
            episode.End,
            episode.UntilEndOfExtract,
            episode.BookBefore,
            [.. episode.Added.Select(a => a.Id).Order(StringComparer.Ordinal)],
            [.. months.Select(m => m.Account.Id).Distinct().Order(StringComparer.Ordinal)],
            [.. months
                .Select(m => new AccountMonth(m.Account.Id, SampleCalendar.MonthKey(m.Month)))
                .OrderBy(m => m.AccountId, StringComparer.Ordinal)
                .ThenBy(m => m.Month, StringComparer.Ordinal)]);
    }

    private static List<BookTransfer> Transfers(CompanyPlan plan)
    {
        var leaver = plan.Csms.FirstOrDefault(c => c.Part == CsmPart.Leaver);
        var hire = plan.Csms.FirstOrDefault(c => c.Part == CsmPart.Hire);
        if (leaver?.EndDate is not { } leaves || hire is null)
        {
            return [];
        }
        var handover = leaves.AddDays(-4);
        var moved = plan.Accounts.Count(a => a.OwnerAt(handover.AddDays(-1)) == leaver.Index
            && a.OwnerAt(handover) == hire.Index && a.ContractStart < handover);
        return [new BookTransfer(leaver.Id, hire.Id, handover, moved)];
    }
}
