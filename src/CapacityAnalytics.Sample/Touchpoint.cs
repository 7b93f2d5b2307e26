namespace CapacityAnalytics.Sample;

public enum ActivityClass
{
    Proactive,
    Reactive,
    Internal,
}

/// <summary>One activity type with its standard minutes per segment and its prep minutes (docs/time-equation.md).</summary>
public sealed record Touchpoint(string Type, ActivityClass Class, int Enterprise, int MidMarket, int Smb, int PrepMinutes)
{
    public int StandardMinutes(Segment segment) => segment switch
    {
        Segment.Enterprise => Enterprise,
        Segment.MidMarket => MidMarket,
        _ => Smb,
    };

    /// <summary>Email and call take their class from their direction (outbound proactive, inbound reactive).</summary>
    public bool HasDirection => Type is "email" or "call";
}
