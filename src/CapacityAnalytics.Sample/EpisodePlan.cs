namespace CapacityAnalytics.Sample;

/// <summary>A planted overload episode: from <see cref="Onset"/> to <see cref="End"/> (inclusive) the CSM's book grew
/// and their proactive work collapses.</summary>
public sealed class EpisodePlan(CsmPlan csm, DateOnly onset, DateOnly end, bool untilEndOfExtract)
{
    public const string OverloadKind = "book_growth_overload";

    /// <summary>A CSM whose book is overloaded from the first week of the extract to its end.</summary>
    public const string AlwaysOverloadedKind = "always_overloaded";

    /// <summary>Share of the proactive touches an overloaded CSM still holds.</summary>
    public const double ProactiveKept = 0.3;

    /// <summary>Share of the proactive touches an always-overloaded CSM holds: they work long weeks and skip some.</summary>
    public const double AlwaysOverloadedProactiveKept = 0.8;

    public double Kept => Csm.Part == CsmPart.AlwaysOverloaded ? AlwaysOverloadedProactiveKept : ProactiveKept;

    /// <summary>Extra reactive work of an overloaded book, as a share of its normal reactive touches.</summary>
    public const double ReactiveExtra = 0.4;

    public CsmPlan Csm { get; } = csm;

    public DateOnly Onset { get; } = onset;

    public DateOnly End { get; } = end;

    public bool UntilEndOfExtract { get; } = untilEndOfExtract;

    public string Kind => Csm.Part == CsmPart.AlwaysOverloaded ? AlwaysOverloadedKind : OverloadKind;

    public int BookBefore { get; set; }

    public List<AccountPlan> Added { get; } = [];

    public bool Covers(DateOnly date) => date >= Onset && date <= End;
}
