using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample;

/// <summary>
/// The one copy, in code, of the measured-minutes table of docs/time-equation.md, and the duration distribution the
/// sample draws logged durations from. The expected measured minutes of a touch are computed from both, exactly, so
/// the generator can hit the time equation in expectation.
/// </summary>
public static class TouchpointCatalog
{
    /// <summary>Ticket minutes of an escalated ticket without logged csm_minutes.</summary>
    public const int EscalatedTicketMinutes = 30;

    /// <summary>The onboarding window: the first 90 days after contract_start.</summary>
    public const int OnboardingWindowDays = 90;

    /// <summary>Share of activities logged without a duration (measured at standard minutes).</summary>
    public const double BlankDurationShare = 0.08;

    public static IReadOnlyList<Touchpoint> All { get; } =
    [
        new("kickoff", ActivityClass.Proactive, 90, 60, 45, 30),
        new("onboarding_session", ActivityClass.Proactive, 60, 60, 45, 15),
        new("training", ActivityClass.Proactive, 60, 45, 30, 15),
        new("check_in", ActivityClass.Proactive, 30, 30, 20, 0),
        new("success_plan_review", ActivityClass.Proactive, 60, 45, 30, 30),
        new("qbr", ActivityClass.Proactive, 60, 45, 30, 60),
        new("ebr", ActivityClass.Proactive, 90, 60, 45, 90),
        new("health_review", ActivityClass.Proactive, 30, 20, 15, 0),
        new("renewal_meeting", ActivityClass.Proactive, 45, 30, 30, 30),
        new("expansion_meeting", ActivityClass.Proactive, 45, 30, 30, 15),
        new("email", ActivityClass.Proactive, 10, 10, 10, 0),
        new("call", ActivityClass.Proactive, 20, 15, 15, 0),
        new("escalation", ActivityClass.Reactive, 60, 45, 30, 0),
        new("support_coordination", ActivityClass.Reactive, 20, 15, 15, 0),
        new("internal_meeting", ActivityClass.Internal, 30, 30, 30, 0),
        new("admin", ActivityClass.Internal, 30, 30, 30, 0),
    ];

    /// <summary>Logged duration = standard minutes x factor, rounded to 5 minutes (at least 5), with these weights.</summary>
    private static readonly (double Factor, double Weight)[] DurationFactors =
    [
        (0.5, 0.10), (0.75, 0.20), (1.0, 0.40), (1.25, 0.15), (1.5, 0.10), (2.0, 0.05),
    ];

    private static readonly Dictionary<string, Touchpoint> ByType = All.ToDictionary(t => t.Type, StringComparer.Ordinal);

    static TouchpointCatalog()
    {
        var unknown = All.Select(t => t.Type).Except(InputContract.ActivityTypes, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException("Touchpoints outside the contract: " + string.Join(", ", unknown));
        }
    }

    public static Touchpoint Get(string type) => ByType[type];

    /// <summary>A logged duration drawn for a touch of this standard length; null = left blank.</summary>
    public static int? DrawDuration(SampleRandom random, int standardMinutes)
    {
        if (random.Chance(BlankDurationShare))
        {
            return null;
        }
        var u = random.NextDouble();
        foreach (var (factor, weight) in DurationFactors)
        {
            u -= weight;
            if (u < 0)
            {
                return Rounded(standardMinutes * factor);
            }
        }
        return Rounded(standardMinutes * DurationFactors[^1].Factor);
    }

    /// <summary>Expected measured minutes (duration or standard, plus prep) of one touch, exactly.</summary>
    public static double ExpectedMinutes(Touchpoint touchpoint, Segment segment)
    {
        var standard = touchpoint.StandardMinutes(segment);
        var logged = DurationFactors.Sum(f => f.Weight * Rounded(standard * f.Factor));
        return BlankDurationShare * standard + (1 - BlankDurationShare) * logged + touchpoint.PrepMinutes;
    }

    /// <summary>Measured minutes of one logged touch, as docs/time-equation.md defines them.</summary>
    public static int MeasuredMinutes(Touchpoint touchpoint, Segment segment, int? durationMinutes) =>
        (durationMinutes ?? touchpoint.StandardMinutes(segment)) + touchpoint.PrepMinutes;

    private static int Rounded(double minutes) => Math.Max(5, (int)Math.Round(minutes / 5, MidpointRounding.AwayFromZero) * 5);
}
