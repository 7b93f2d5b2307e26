namespace CapacityAnalytics.Sample;

/// <summary>
/// Everything about the sample company that is decided before any row is written: the true parameters, the roster
/// with its time off, the customers with their owners, ARR, renewals and opportunities, and the planted episodes.
/// It holds per-account plans only (no activities, tickets or usage), so it stays small for large companies.
/// </summary>
public sealed class CompanyPlan
{
    private CompanyPlan(
        SampleOptions options,
        SampleTimeEquation parameters,
        IReadOnlyList<CsmPlan> csms,
        IReadOnlyList<AccountPlan> accounts,
        IReadOnlyList<EpisodePlan> episodes,
        DateOnly? controlTimeOffWeek)
    {
        Options = options;
        Parameters = parameters;
        Csms = csms;
        Accounts = accounts;
        Episodes = episodes;
        ControlTimeOffWeek = controlTimeOffWeek;
    }

    public SampleOptions Options { get; }

    public SampleTimeEquation Parameters { get; }

    public IReadOnlyList<CsmPlan> Csms { get; }

    public IReadOnlyList<AccountPlan> Accounts { get; }

    public IReadOnlyList<EpisodePlan> Episodes { get; }

    /// <summary>Monday of the control CSM's PTO week.</summary>
    public DateOnly? ControlTimeOffWeek { get; }

    public DateOnly PeriodStart => Options.PeriodStart;

    public DateOnly End => Options.ResolvedEndDate;

    public static CompanyPlan Build(SampleOptions options)
    {
        options.Validate();
        var seed = options.Seed;
        var parameters = SampleTimeEquation.Draw(SampleRandom.For(seed, Streams.Parameters));
        var csms = RosterPlanner.Plan(options, SampleRandom.For(seed, Streams.Roster));
        var accounts = AccountPlanner.Plan(options, SampleRandom.For(seed, Streams.Accounts), csms.Any(c => c.Role == CsmRole.Digital));

        EpisodePlanner.ChooseCsms(csms, options, SampleRandom.For(seed, Streams.Special));
        OwnershipPlanner.AssignInitialOwners(accounts, csms, parameters);
        var controlWeek = TimeOffPlanner.Plan(csms, options, SampleRandom.For(seed, Streams.TimeOff));
        OwnershipPlanner.TransferLeaverBook(accounts, csms);
        OwnershipPlanner.ReassignOccasionally(accounts, csms, options, SampleRandom.For(seed, Streams.Reassignments));

        LifecyclePlanner.DrawRenewals(accounts, options, SampleRandom.For(seed, Streams.Renewals));
        var episodes = EpisodePlanner.Plant(accounts, csms, options, SampleRandom.For(seed, Streams.Episodes));
        LifecyclePlanner.ApplyExposure(accounts, episodes, options.ResolvedEndDate);
        LifecyclePlanner.PlanOpportunities(accounts, options, SampleRandom.For(seed, Streams.Opportunities));
        return new CompanyPlan(options, parameters, csms, accounts, episodes, controlWeek);
    }

    /// <summary>Independent random streams, so adding draws to one concern does not reshuffle another.</summary>
    internal static class Streams
    {
        public const ulong Parameters = 1;
        public const ulong Roster = 2;
        public const ulong Accounts = 3;
        public const ulong Special = 4;
        public const ulong TimeOff = 5;
        public const ulong Reassignments = 6;
        public const ulong Renewals = 7;
        public const ulong Episodes = 8;
        public const ulong Opportunities = 9;
        public const ulong Work = 10;
        public const ulong Usage = 11;
        public const ulong Health = 12;
        public const ulong Internal = 13;
    }
}
