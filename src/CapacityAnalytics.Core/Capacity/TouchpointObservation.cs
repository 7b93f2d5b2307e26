namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// Observed totals of one touchpoint type in one segment: touches, their minutes (prep included, docs/time-equation.md)
/// and the account-months they were observed over. Type "inbound" is the reactive inbound volume.
/// </summary>
public sealed record TouchpointObservation(string Segment, string Type, double Touches, double Minutes, double AccountMonths)
{
    public const string Inbound = "inbound";

    public double PerAccountMonth => AccountMonths > 0 ? Touches / AccountMonths : 0;
    public double MinutesPerTouch => Touches > 0 ? Minutes / Touches : 0;
    public double HoursPerAccountMonth => AccountMonths > 0 ? Minutes / 60 / AccountMonths : 0;
}
