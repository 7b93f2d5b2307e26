namespace CapacityAnalytics.Sample;

/// <summary>
/// Plans time off: company holidays for everyone, and per CSM about two PTO weeks a year plus a few single days.
/// The control CSM takes exactly one PTO week (and the holidays), mid-period, so it is their only change.
/// </summary>
public static class TimeOffPlanner
{
    /// <summary>Plans everyone's days off; returns the control CSM's PTO week start (a Monday), if there is one.</summary>
    public static DateOnly? Plan(IReadOnlyList<CsmPlan> csms, SampleOptions options, SampleRandom random)
    {
        var start = options.PeriodStart;
        var end = options.ResolvedEndDate;
        var holidays = Holidays(start.Year, end.Year).Where(d => d >= start && d <= end).ToList();
        DateOnly? controlWeek = null;
        foreach (var csm in csms)
        {
            foreach (var holiday in holidays)
            {
                csm.TakeOff(holiday);
            }
            if (csm.Part == CsmPart.Control)
            {
                var span = end.DayNumber - start.DayNumber;
                var monday = SampleCalendar.WeekStart(start.AddDays(span / 2 + random.Next(Math.Max(1, span / 8))));
                controlWeek = monday;
                TakeWeek(csm, monday);
                continue;
            }
            var years = (end.DayNumber - start.DayNumber) / 365.0;
            var weeks = random.Poisson(2 * years);
            for (var w = 0; w < weeks; w++)
            {
                TakeWeek(csm, SampleCalendar.WeekStart(SampleCalendar.DayBetween(random, start, end)));
            }
            var days = random.Poisson(4 * years);
            for (var d = 0; d < days; d++)
            {
                csm.TakeOff(SampleCalendar.DayBetween(random, start, end));
            }
        }
        return controlWeek;
    }

    private static void TakeWeek(CsmPlan csm, DateOnly monday)
    {
        for (var d = 0; d < 5; d++)
        {
            csm.TakeOff(monday.AddDays(d));
        }
    }

    /// <summary>A fixed set of (US) company holidays; weekend dates are not taken as time off.</summary>
    private static IEnumerable<DateOnly> Holidays(int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            yield return new DateOnly(year, 1, 1);
            yield return LastWeekday(year, 5, DayOfWeek.Monday);
            yield return new DateOnly(year, 7, 4);
            yield return NthWeekday(year, 9, DayOfWeek.Monday, 1);
            var thanksgiving = NthWeekday(year, 11, DayOfWeek.Thursday, 4);
            yield return thanksgiving;
            yield return thanksgiving.AddDays(1);
            yield return new DateOnly(year, 12, 24);
            yield return new DateOnly(year, 12, 25);
        }
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}
