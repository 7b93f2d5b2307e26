using System.Globalization;
using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// The dates and timestamps a row may hold: an event that happened (every timestamp, and the dates that record an
/// observation: usage and health days, opportunity creation) lies between <see cref="Earliest"/> and the run's clock
/// plus <see cref="Ahead"/>; a planned date (a renewal, a contract end, leave) between <see cref="Earliest"/> and
/// <see cref="PlannedYearsAhead"/> years after the clock. A value outside is rejected row by row with its reason,
/// like any bad cell, so one mistyped year cannot move the as-of date or blow up a date spine.
/// </summary>
public sealed record PlausibleWindow(DateTimeOffset Now, DateOnly Earliest, TimeSpan Ahead, int PlannedYearsAhead = 10)
{
    public static readonly DateOnly DefaultEarliest = new(2000, 1, 1);

    public static readonly TimeSpan DefaultAhead = TimeSpan.FromDays(1);

    /// <summary>The default window around <paramref name="clock"/>'s now: from 2000-01-01 to now plus one day.</summary>
    public static PlausibleWindow At(TimeProvider clock) => new(clock.GetUtcNow(), DefaultEarliest, DefaultAhead);

    /// <summary>The latest instant an event may have happened at.</summary>
    public DateTimeOffset LatestEvent => Now.ToUniversalTime() + Ahead;

    /// <summary>The latest planned date.</summary>
    public DateOnly LatestPlanned => DateOnly.FromDateTime(Now.UtcDateTime).AddYears(PlannedYearsAhead);

    private static readonly HashSet<(string Entity, string Column)> ObservedDates =
    [
        ("usage_daily", "date"),
        ("health_scores", "date"),
        ("opportunities", "created_on"),
    ];

    /// <summary>True when the column records something that happened (no later than the clock allows).</summary>
    public static bool IsEvent(EntitySpec entity, ColumnSpec column) =>
        column.Type == ColumnType.Timestamp || ObservedDates.Contains((entity.Name, column.Name));

    /// <summary>The bounds of a date or timestamp column as SQL literals, with the reasons a value outside them gets.</summary>
    public (string Low, string LowReason, string High, string HighReason)? Bounds(EntitySpec entity, ColumnSpec column)
    {
        var earliest = Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lowReason = $"implausible: before {earliest} (the earliest plausible date, plausible.earliest in the pipeline file)";
        switch (column.Type)
        {
            case ColumnType.Timestamp:
                var latest = LatestEvent.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                return ($"timestamptz '{earliest} 00:00:00+00'", lowReason,
                    $"timestamptz '{latest}+00'", $"implausible: in the future, after {latest}Z (the run's clock plus {Days(Ahead)})");
            case ColumnType.Date when IsEvent(entity, column):
                var day = DateOnly.FromDateTime(LatestEvent.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return ($"date '{earliest}'", lowReason, $"date '{day}'", $"implausible: in the future, after {day} (the run's clock plus {Days(Ahead)})");
            case ColumnType.Date:
                var planned = LatestPlanned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return ($"date '{earliest}'", lowReason, $"date '{planned}'",
                    $"implausible: after {planned} ({PlannedYearsAhead.ToString(CultureInfo.InvariantCulture)} years after the run's clock)");
            default:
                return null;
        }
    }

    private static string Days(TimeSpan span) => span.TotalDays == 1 ? "one day" : span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture) + " days";
}
