namespace CapacityAnalytics.Sample;

/// <summary>
/// How support tickets are drawn: volume per expected customer hour, priority, escalation, channel, logged CSM
/// minutes (rare), response and resolution times; and the exact expected ticket minutes (docs/time-equation.md:
/// csm_minutes when logged, else the escalated-ticket minutes for an escalated ticket, else 0).
/// </summary>
public static class TicketModel
{
    public static readonly string[] Priorities = ["low", "normal", "high", "urgent"];
    private static readonly double[] PriorityWeights = [0.25, 0.55, 0.15, 0.05];
    private static readonly double[] EscalationChance = [0.01, 0.03, 0.10, 0.30];
    private static readonly double[] FirstResponseMedianMinutes = [600, 240, 60, 15];
    private static readonly double[] ResolutionMedianHours = [48, 24, 12, 4];
    private static readonly string[] Channels = ["email", "web", "chat", "phone"];
    private static readonly double[] ChannelWeights = [0.45, 0.30, 0.15, 0.10];
    private static readonly int[] EscalatedLoggedMinutes = [15, 30, 45, 60, 90];
    private static readonly int[] OtherLoggedMinutes = [5, 10, 15, 20, 30];
    private const double EscalatedLoggedChance = 0.2;
    private const double OtherLoggedChance = 0.03;

    /// <summary>Tickets per expected customer hour of the account-month.</summary>
    public static double TicketsPerHour(Segment segment) => segment switch
    {
        Segment.Enterprise => 0.35,
        Segment.MidMarket => 0.5,
        _ => 1.0,
    };

    /// <summary>Expected measured minutes of one ticket drawn without an overload episode.</summary>
    public static double ExpectedMinutes { get; } = Enumerable.Range(0, Priorities.Length).Sum(p =>
        PriorityWeights[p] * (
            EscalationChance[p] * (EscalatedLoggedChance * EscalatedLoggedMinutes.Average()
                + (1 - EscalatedLoggedChance) * TouchpointCatalog.EscalatedTicketMinutes)
            + (1 - EscalationChance[p]) * OtherLoggedChance * OtherLoggedMinutes.Average()));

    public static TicketDraw Draw(SampleRandom random, DateTime createdAt, bool overloaded)
    {
        var priority = Pick(random, PriorityWeights);
        var escalated = random.Chance(EscalationChance[priority] * (overloaded ? 2.5 : 1));
        int? minutes = escalated
            ? (random.Chance(EscalatedLoggedChance) ? EscalatedLoggedMinutes[random.Next(EscalatedLoggedMinutes.Length)] : null)
            : (random.Chance(OtherLoggedChance) ? OtherLoggedMinutes[random.Next(OtherLoggedMinutes.Length)] : null);
        var response = FirstResponseMedianMinutes[priority] * Math.Exp(0.8 * random.Normal()) * (overloaded ? 2 : 1);
        var firstResponse = createdAt.AddSeconds(Math.Round(Math.Max(1, response) * 60));
        var resolution = ResolutionMedianHours[priority] * Math.Exp(0.9 * random.Normal()) * (escalated ? 3 : 1);
        var solved = firstResponse.AddSeconds(Math.Round(resolution * 3600));
        return new TicketDraw(createdAt, firstResponse, solved, Priorities[priority],
            Channels[Pick(random, ChannelWeights)], escalated, minutes);
    }

    private static int Pick(SampleRandom random, double[] weights)
    {
        var u = random.NextDouble();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            if ((u -= weights[i]) < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}

/// <summary>A drawn ticket; response and solve times may fall after the extract's end (then they are left blank).</summary>
public readonly record struct TicketDraw(
    DateTime CreatedAt,
    DateTime FirstResponseAt,
    DateTime SolvedAt,
    string Priority,
    string Channel,
    bool Escalated,
    int? CsmMinutes);
