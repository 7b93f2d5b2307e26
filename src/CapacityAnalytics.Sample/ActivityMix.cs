namespace CapacityAnalytics.Sample;

/// <summary>One kind of touch in a mix: a touchpoint, its direction (email and call only) and its weight by count.</summary>
public sealed record MixItem(Touchpoint Touchpoint, bool Inbound, double Weight)
{
    public ActivityClass Class => Touchpoint.HasDirection
        ? (Inbound ? ActivityClass.Reactive : ActivityClass.Proactive)
        : Touchpoint.Class;
}

/// <summary>
/// The proactive/reactive mix of touches of an account-month (by segment, lane, onboarding and expansion), with the
/// exact expected measured minutes of one touch drawn from it.
/// </summary>
public sealed class ActivityMix
{
    private static readonly Dictionary<(Segment, bool, bool, bool), ActivityMix> Cache = [];
    private static readonly Lock CacheLock = new();
    private readonly MixItem[] _items;
    private readonly double[] _cumulative;

    private ActivityMix(Segment segment, List<MixItem> items)
    {
        _items = [.. items];
        _cumulative = new double[_items.Length];
        var total = items.Sum(i => i.Weight);
        var running = 0.0;
        for (var i = 0; i < _items.Length; i++)
        {
            running += _items[i].Weight / total;
            _cumulative[i] = running;
        }
        MeanMinutes = items.Sum(i => i.Weight / total * TouchpointCatalog.ExpectedMinutes(i.Touchpoint, segment));
        ReactiveShare = items.Where(i => i.Class == ActivityClass.Reactive).Sum(i => i.Weight) / total;
    }

    /// <summary>Expected measured minutes (duration or standard, plus prep) of one touch drawn from this mix.</summary>
    public double MeanMinutes { get; }

    /// <summary>Share of touches (by count) that are reactive.</summary>
    public double ReactiveShare { get; }

    public static ActivityMix For(Segment segment, bool digitalLane, bool onboarding, bool expansionActive)
    {
        var key = (segment, digitalLane, onboarding, expansionActive);
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(key, out var mix))
            {
                mix = new ActivityMix(segment, Items(segment, digitalLane, onboarding, expansionActive));
                Cache[key] = mix;
            }
            return mix;
        }
    }

    public MixItem Draw(SampleRandom random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i])
            {
                return _items[i];
            }
        }
        return _items[^1];
    }

    public MixItem DrawReactive(SampleRandom random)
    {
        while (true)
        {
            var item = Draw(random);
            if (item.Class == ActivityClass.Reactive)
            {
                return item;
            }
        }
    }

    private static List<MixItem> Items(Segment segment, bool digitalLane, bool onboarding, bool expansionActive)
    {
        var w = (segment, digitalLane) switch
        {
            (Segment.Enterprise, _) => new Weights(14, 3, 5, 1, 2, 18, 6, 5, 2, 1.5, 3),
            (Segment.MidMarket, _) => new Weights(10, 2, 4, 0, 2, 22, 6, 6, 2, 1, 3),
            (_, false) => new Weights(5, 0, 3, 0, 1, 26, 5, 8, 2, 0.5, 2),
            _ => new Weights(1, 0, 3, 0, 1, 40, 0, 10, 1, 0.3, 2),
        };
        var items = new List<MixItem>
        {
            Item("check_in", w.CheckIn),
            Item("success_plan_review", w.SuccessPlan),
            Item("health_review", w.HealthReview),
            Item("ebr", w.Ebr),
            Item("training", w.Training + (onboarding ? 4 : 0)),
            Item("email", w.EmailOut),
            Item("call", w.CallOut),
            Item("email", w.EmailIn, inbound: true),
            Item("call", w.CallIn, inbound: true),
            Item("escalation", w.Escalation),
            Item("support_coordination", w.SupportCoordination),
        };
        if (onboarding)
        {
            items.Add(Item("onboarding_session", digitalLane ? 2 : 10));
        }
        if (expansionActive)
        {
            items.Add(Item("expansion_meeting", digitalLane ? 1 : 4));
        }
        return [.. items.Where(i => i.Weight > 0)];
    }

    private static MixItem Item(string type, double weight, bool inbound = false) =>
        new(TouchpointCatalog.Get(type), inbound, weight);

    private sealed record Weights(
        double CheckIn, double SuccessPlan, double HealthReview, double Ebr, double Training, double EmailOut,
        double CallOut, double EmailIn, double CallIn, double Escalation, double SupportCoordination);
}
