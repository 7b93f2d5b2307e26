namespace CapacityAnalytics.Sample;

/// <summary>The ARR segments of docs/time-equation.md: enterprise >= 50k, mid_market 10k-50k, smb &lt; 10k.</summary>
public enum Segment
{
    Enterprise,
    MidMarket,
    Smb,
}

public static class SegmentBands
{
    public const double MidMarketFloor = 10_000;
    public const double EnterpriseFloor = 50_000;

    public static IReadOnlyList<Segment> All { get; } = [Segment.Enterprise, Segment.MidMarket, Segment.Smb];

    public static string Name(this Segment segment) => segment switch
    {
        Segment.Enterprise => "enterprise",
        Segment.MidMarket => "mid_market",
        _ => "smb",
    };

    public static Segment Of(double arr) =>
        arr >= EnterpriseFloor ? Segment.Enterprise : arr >= MidMarketFloor ? Segment.MidMarket : Segment.Smb;

    /// <summary>Keeps an ARR inside its segment's band, so an account's segment never changes in the sample.</summary>
    public static double ClampInto(this Segment segment, double arr) => segment switch
    {
        Segment.Enterprise => Math.Max(arr, EnterpriseFloor),
        Segment.MidMarket => Math.Clamp(arr, MidMarketFloor, EnterpriseFloor - 100),
        _ => Math.Clamp(arr, 1_000, MidMarketFloor - 100),
    };
}
