namespace CapacityAnalytics.Sample;

/// <summary>Date helpers of the sample: calendar months, ISO weeks (Monday start), working days.</summary>
public static class SampleCalendar
{
    public static DateOnly MonthStart(DateOnly date) => new(date.Year, date.Month, 1);

    public static DateOnly MonthEnd(DateOnly date) => MonthStart(date).AddMonths(1).AddDays(-1);

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static string MonthKey(DateOnly monthStart) => monthStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static DateTime At(DateOnly date, int secondOfDay) =>
        date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(secondOfDay);

    /// <summary>A uniformly drawn day in [from, to].</summary>
    public static DateOnly DayBetween(SampleRandom random, DateOnly from, DateOnly to) =>
        from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
}
