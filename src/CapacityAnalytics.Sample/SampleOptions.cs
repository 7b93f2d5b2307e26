using System.Text.Json.Serialization;

namespace CapacityAnalytics.Sample;

/// <summary>What sample company to generate. The same options always give byte-identical files.</summary>
/// <param name="Accounts">Accounts in accounts.csv (customers at the start plus new logos of the period).</param>
/// <param name="Csms">CSMs in the roster, including one leaver and their replacement when there are 6 or more.</param>
/// <param name="Months">Calendar months of history, ending with the month of <paramref name="EndDate"/>.</param>
/// <param name="Seed">Seed of every random draw.</param>
/// <param name="EndDate">Last day of the extract; default 2026-10-31.</param>
/// <param name="UsageEventsPerAccountDay">0: usage_daily only; above 0: also raw usage_events, about this many per active account-day.</param>
public sealed record SampleOptions(
    int Accounts = 600,
    int Csms = 12,
    int Months = 18,
    int Seed = 42,
    DateOnly? EndDate = null,
    int UsageEventsPerAccountDay = 0)
{
    public static readonly DateOnly DefaultEndDate = new(2026, 10, 31);

    [JsonIgnore]
    public DateOnly ResolvedEndDate => EndDate ?? DefaultEndDate;

    /// <summary>First day of the first month of history.</summary>
    [JsonIgnore]
    public DateOnly PeriodStart
    {
        get
        {
            var end = ResolvedEndDate;
            return new DateOnly(end.Year, end.Month, 1).AddMonths(1 - Months);
        }
    }

    /// <summary>The options with every default made explicit, as the ground truth records them.</summary>
    public SampleOptions Resolved() => this with { EndDate = ResolvedEndDate };

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Accounts, 1, nameof(Accounts));
        ArgumentOutOfRangeException.ThrowIfLessThan(Csms, 1, nameof(Csms));
        ArgumentOutOfRangeException.ThrowIfLessThan(Months, 1, nameof(Months));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Months, 120, nameof(Months));
        ArgumentOutOfRangeException.ThrowIfNegative(UsageEventsPerAccountDay, nameof(UsageEventsPerAccountDay));
    }
}
