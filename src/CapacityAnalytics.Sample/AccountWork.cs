namespace CapacityAnalytics.Sample;

/// <summary>One generated activity (account or internal).</summary>
public readonly record struct ActivityDraw(DateTime OccurredAt, MixItem Item, int? DurationMinutes, int Csm, int Sequence, string Subject);

/// <summary>
/// The activities and tickets of one account, plus what its health score needs (proactive touch days, escalation
/// days). Reused across accounts to avoid allocation.
/// </summary>
public sealed class AccountWork
{
    public List<ActivityDraw> Activities { get; } = [];

    public List<TicketDraw> Tickets { get; } = [];

    /// <summary>Day numbers with a proactive touch.</summary>
    public List<int> ProactiveDays { get; } = [];

    /// <summary>Day numbers with an escalated ticket.</summary>
    public List<int> EscalationDays { get; } = [];

    public void Clear()
    {
        Activities.Clear();
        Tickets.Clear();
        ProactiveDays.Clear();
        EscalationDays.Clear();
    }

    /// <summary>Puts activities and tickets in time order (ties by generation order) and the day lists ascending.</summary>
    public void Sort()
    {
        Activities.Sort(static (a, b) => a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt) : a.Sequence.CompareTo(b.Sequence));
        Tickets.Sort(static (a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        ProactiveDays.Sort();
        EscalationDays.Sort();
    }
}
