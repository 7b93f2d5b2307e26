namespace CapacityAnalytics.Sample;

/// <summary>
/// Writes an account's product usage: daily active users out of its seats (weekday rhythm, a ramp through
/// onboarding, a slow per-account trend, a decline over the 90 days before churn), and, when asked, the raw events
/// behind each account-day (usage_daily then counts exactly those events).
/// </summary>
public sealed class UsageGenerator(CompanyPlan plan)
{
    private static readonly string[] EventNames =
    [
        "login", "page_view", "search", "record_update", "report_run", "export", "integration_sync", "workflow_completed",
    ];

    private static readonly double[] EventCumulative = Cumulative([0.15, 0.35, 0.12, 0.18, 0.08, 0.04, 0.04, 0.04]);
    private static readonly bool[] IsKeyEvent = [false, false, false, false, true, false, false, true];
    private const double KeyEventShare = 0.12;
    private const int FirstEventSecond = 6 * 3600;
    private const int EventSecondsSpan = 16 * 3600;

    /// <summary>Expected active users of a live account-day across the company (seats x mean share x weekday mix).</summary>
    private readonly double _meanActiveUsers = plan.Accounts.Count == 0 ? 1 : plan.Accounts.Average(a => a.Seats) * 0.525 * (5 + 2 * 0.12) / 7;
    private long[] _events = new long[256];
    private char[] _line = new char[128];
    private int[] _users = [];
    private string[] _userIds = [];

    /// <summary>Writes the account's usage rows and fills <paramref name="trace"/> with active users / typical per day.</summary>
    public void Write(AccountPlan account, SampleRandom random, CsvRowWriter daily, CsvRowWriter? events, UsageTrace trace)
    {
        var from = SampleCalendar.Max(account.ContractStart, plan.PeriodStart);
        var to = account.LastLiveDay(plan.End);
        trace.Reset(from, to);
        if (to < from)
        {
            return;
        }
        var baseShare = random.Uniform(0.35, 0.7);
        var trendPerYear = random.Uniform(-0.15, 0.25);
        var eventsPerUser = random.Uniform(5, 15);
        var typical = account.Seats * baseShare;
        if (events is not null)
        {
            PrepareUsers(account);
        }
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var age = day.DayNumber - account.ContractStart.DayNumber;
            var share = baseShare
                * (1 + trendPerYear * (day.DayNumber - from.DayNumber) / 365.0)
                * (age < TouchpointCatalog.OnboardingWindowDays ? 0.25 + 0.75 * age / TouchpointCatalog.OnboardingWindowDays : 1)
                * (account.ChurnedOn is { } churned && churned.DayNumber - day.DayNumber < 90
                    ? 0.3 + 0.7 * (churned.DayNumber - day.DayNumber) / 90.0
                    : 1)
                * (SampleCalendar.IsWeekend(day) ? 0.12 : 1);
            var active = Math.Min(account.Seats, random.Count(account.Seats * Math.Max(0, share)));
            trace.Set(day, active / typical);
            if (active == 0)
            {
                continue;
            }
            long count;
            long keys;
            if (events is null)
            {
                count = Math.Max(active, random.Count(active * eventsPerUser));
                keys = Math.Min(count, random.Count(count * KeyEventShare));
            }
            else
            {
                // Raw volume follows the option (events per account-day on average), spread by active users; the
                // day's active users are then those with an event.
                var wanted = plan.Options.UsageEventsPerAccountDay * active / _meanActiveUsers;
                var drawn = Math.Max(1, random.Count(wanted));
                active = Math.Min(active, drawn);
                (count, keys) = WriteEvents(account, day, active, drawn, random, events);
            }
            daily.Plain(account.Id).Date(day).Number(active).Number(count).Number(keys).EndRow();
        }
    }

    private void PrepareUsers(AccountPlan account)
    {
        if (_users.Length < account.Seats)
        {
            _users = new int[account.Seats];
        }
        _userIds = new string[account.Seats];
        for (var i = 0; i < account.Seats; i++)
        {
            _users[i] = i;
            _userIds[i] = $"{account.Id}-U{i + 1:D3}";
        }
    }

    private (long Count, long Keys) WriteEvents(AccountPlan account, DateOnly day, int active, int count, SampleRandom random, CsvRowWriter writer)
    {
        // The day's active users: a partial shuffle of the seats; each has at least one event.
        for (var i = 0; i < active; i++)
        {
            var j = i + random.Next(account.Seats - i);
            (_users[i], _users[j]) = (_users[j], _users[i]);
        }
        if (_events.Length < count)
        {
            _events = new long[Math.Max(count, _events.Length * 2)];
        }
        long keys = 0;
        for (var e = 0; e < count; e++)
        {
            var user = _users[e < active ? e : random.Next(active)];
            var kind = Pick(random.NextDouble());
            keys += IsKeyEvent[kind] ? 1 : 0;
            var second = FirstEventSecond + random.Next(EventSecondsSpan);
            _events[e] = ((long)second << 24) | ((long)user << 8) | (long)kind;
        }
        Array.Sort(_events, 0, count);
        // The hot path of a large sample: each line is formatted once into a buffer, as account_id, user_id,
        // occurred_at, event (the contract's order), none of which needs quoting.
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var e = 0; e < count; e++)
        {
            var packed = _events[e];
            var user = _userIds[(int)((packed >> 8) & 0xFFFF)];
            var name = EventNames[(int)(packed & 0xFF)];
            var needed = account.Id.Length + user.Length + name.Length + 24;
            if (_line.Length < needed)
            {
                _line = new char[needed * 2];
            }
            var line = _line.AsSpan();
            var at = 0;
            Append(line, ref at, account.Id, ',');
            Append(line, ref at, user, ',');
            Append(line, ref at, date, 'T');
            var second = (int)(packed >> 24);
            Two(line, ref at, second / 3600, ':');
            Two(line, ref at, second / 60 % 60, ':');
            Two(line, ref at, second % 60, 'Z');
            line[at++] = ',';
            Append(line, ref at, name, '\n');
            writer.Line(line[..at]);
        }
        return (count, keys);
    }

    private static void Append(Span<char> line, ref int at, string text, char after)
    {
        text.AsSpan().CopyTo(line[at..]);
        at += text.Length;
        line[at++] = after;
    }

    private static void Two(Span<char> line, ref int at, int value, char after)
    {
        line[at++] = (char)('0' + value / 10);
        line[at++] = (char)('0' + value % 10);
        line[at++] = after;
    }

    private static int Pick(double u)
    {
        for (var i = 0; i < EventCumulative.Length - 1; i++)
        {
            if (u < EventCumulative[i])
            {
                return i;
            }
        }
        return EventCumulative.Length - 1;
    }

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            result[i] = running;
        }
        return result;
    }
}

/// <summary>Per day of an account's live range: active users relative to its typical weekday (for health scores).</summary>
public sealed class UsageTrace
{
    private double[] _ratio = new double[1024];

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public void Reset(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
        var days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        if (_ratio.Length < days)
        {
            _ratio = new double[days];
        }
        Array.Clear(_ratio, 0, days);
    }

    public void Set(DateOnly day, double ratio) => _ratio[day.DayNumber - From.DayNumber] = ratio;

    /// <summary>Mean weekday ratio over [from, to] clipped to the live range; 1 when there is no weekday in it.</summary>
    public double WeekdayMean(DateOnly from, DateOnly to)
    {
        from = SampleCalendar.Max(from, From);
        to = SampleCalendar.Min(to, To);
        double sum = 0;
        var n = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!SampleCalendar.IsWeekend(day))
            {
                sum += _ratio[day.DayNumber - From.DayNumber];
                n++;
            }
        }
        return n == 0 ? 1 : sum / n;
    }
}
