namespace CapacityAnalytics.Sample;

/// <summary>
/// Generates an account's activities and tickets month by month so that, outside overload episodes, the month's
/// expected measured minutes equal the time equation with the true parameters exactly:
/// tickets are drawn at a rate proportional to the expected hours and carry their exact expected minutes; the rest
/// (times a gamma account effect and a gamma month effect, both of mean 1) is spent on anchored touches (kickoff,
/// QBR, renewal meeting; each held with a chance so its expected minutes are known) and a compound Poisson number of
/// touches drawn from the month's mix. Small accounts thus get many zero months.
/// In an overload episode proactive touches are mostly dropped and reactive ones added.
/// </summary>
public sealed class AccountWorkGenerator(CompanyPlan plan)
{
    private const double AnchorShare = 0.45;

    public void Generate(AccountPlan account, SampleRandom random, AccountWork work)
    {
        work.Clear();
        var segment = account.Segment;
        var accountEffect = random.Gamma(AccountEffectShape(segment), 1);
        var firstMonth = SampleCalendar.Max(plan.PeriodStart, SampleCalendar.MonthStart(account.ContractStart));
        var lastMonth = account.ChurnedOn is { } churned
            ? SampleCalendar.MonthStart(churned).AddMonths(-1)
            : SampleCalendar.MonthStart(plan.End);
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var from = SampleCalendar.Max(month, account.ContractStart);
            var to = SampleCalendar.Min(SampleCalendar.MonthEnd(month), plan.End);
            var onboarding = account.Onboarding(month);
            var expansion = account.ExpansionActive(month);
            var expectedHours = plan.Parameters.ExpectedHours(segment, account.Complexity, account.Stakeholders, onboarding, expansion);
            var ticketRate = TicketModel.TicketsPerHour(segment) * expectedHours;
            var touchMinutes = (expectedHours * 60 - ticketRate * TicketModel.ExpectedMinutes)
                * accountEffect * random.Gamma(MonthNoiseShape(segment), 1);
            var mix = ActivityMix.For(segment, account.DigitalLane, onboarding, expansion);
            var month0 = new MonthContext(account, from, to, random, work);

            foreach (var (type, window) in Anchors(account, month, from, to))
            {
                var touchpoint = TouchpointCatalog.Get(type);
                var expected = TouchpointCatalog.ExpectedMinutes(touchpoint, segment);
                var chance = Math.Min(1, AnchorShare * touchMinutes / expected);
                touchMinutes -= chance * expected;
                if (random.Chance(chance))
                {
                    Emit(month0, new MixItem(touchpoint, false, 1), window);
                }
            }
            var touches = random.Poisson(touchMinutes / mix.MeanMinutes);
            for (var i = 0; i < touches; i++)
            {
                Emit(month0, mix.Draw(random), (from, to));
            }
            AddOverloadReactiveWork(month0, mix, touches);

            var tickets = random.Poisson(ticketRate);
            for (var i = 0; i < tickets; i++)
            {
                var day = SampleCalendar.DayBetween(random, from, to);
                var ticket = TicketModel.Draw(random, SampleCalendar.At(day, random.Next(86_400)), EpisodePlanner.At(plan.Episodes, account, day) is not null);
                work.Tickets.Add(ticket);
                if (ticket.Escalated)
                {
                    work.EscalationDays.Add(day.DayNumber);
                }
            }
        }
        work.Sort();
    }

    /// <summary>Month-to-month spread: small accounts have lumpy months, many of them with no CSM time at all.</summary>
    private static double MonthNoiseShape(Segment segment) => segment switch
    {
        Segment.Enterprise => 6,
        Segment.MidMarket => 3,
        _ => 0.7,
    };

    /// <summary>Account-to-account spread; enterprise books are few accounts, so theirs is kept narrow (CV 0.16).</summary>
    private static double AccountEffectShape(Segment segment) => segment switch
    {
        Segment.Enterprise => 40,
        Segment.MidMarket => 10,
        _ => 4,
    };

    /// <summary>Touches tied to a date: kickoff in the first two weeks, QBRs each quarter, a meeting before each renewal.</summary>
    private static IEnumerable<(string Type, (DateOnly From, DateOnly To) Window)> Anchors(
        AccountPlan account, DateOnly month, DateOnly from, DateOnly to)
    {
        if (month == SampleCalendar.MonthStart(account.ContractStart))
        {
            yield return ("kickoff", (from, SampleCalendar.Min(to, account.ContractStart.AddDays(14))));
        }
        var monthsIn = (month.Year - account.ContractStart.Year) * 12 + month.Month - account.ContractStart.Month;
        if (account.Segment != Segment.Smb && monthsIn > 0 && monthsIn % 3 == 0)
        {
            yield return ("qbr", (from, to));
        }
        foreach (var renewal in account.Renewals)
        {
            if (SampleCalendar.MonthStart(renewal.Date.AddDays(-30)) == month)
            {
                yield return ("renewal_meeting", (from, to));
            }
        }
    }

    private void Emit(MonthContext m, MixItem item, (DateOnly From, DateOnly To) window)
    {
        var random = m.Random;
        var day = PickWorkingDay(m.Account, window.From, window.To, random);
        var csm = m.Account.OwnerAt(day);
        var proactive = item.Class == ActivityClass.Proactive;
        if (proactive && EpisodePlanner.At(plan.Episodes, m.Account, day) is { } episode && !random.Chance(episode.Kept))
        {
            return;
        }
        Add(m, item, day, csm);
    }

    private static void Add(MonthContext m, MixItem item, DateOnly day, int csm)
    {
        var random = m.Random;
        var meeting = !item.Touchpoint.HasDirection;
        var second = meeting
            ? 8 * 3600 + 900 * random.Next(37)
            : 7 * 3600 + random.Next(12 * 3600);
        var standard = item.Touchpoint.StandardMinutes(m.Account.Segment);
        var duration = TouchpointCatalog.DrawDuration(random, standard);
        var subject = ActivitySubjects.Draw(random, item.Touchpoint.Type);
        m.Work.Activities.Add(new ActivityDraw(SampleCalendar.At(day, second), item, duration, csm, m.Work.Activities.Count, subject));
        if (item.Class == ActivityClass.Proactive)
        {
            m.Work.ProactiveDays.Add(day.DayNumber);
        }
    }

    /// <summary>Overloaded books generate extra reactive work on the episode's days.</summary>
    private void AddOverloadReactiveWork(MonthContext m, ActivityMix mix, int touches)
    {
        if (!plan.Episodes.Any(e => e.Onset <= m.To && e.End >= m.From))
        {
            return;
        }
        List<DateOnly>? days = null;
        for (var day = m.From; day <= m.To; day = day.AddDays(1))
        {
            if (EpisodePlanner.At(plan.Episodes, m.Account, day) is not null && !SampleCalendar.IsWeekend(day))
            {
                (days ??= []).Add(day);
            }
        }
        if (days is null)
        {
            return;
        }
        var share = (double)days.Count / (m.To.DayNumber - m.From.DayNumber + 1);
        var extra = m.Random.Poisson(EpisodePlan.ReactiveExtra * Math.Max(touches, 1) * mix.ReactiveShare * share);
        for (var i = 0; i < extra; i++)
        {
            var day = days[m.Random.Next(days.Count)];
            Add(m, mix.DrawReactive(m.Random), day, m.Account.OwnerAt(day));
        }
    }

    /// <summary>A day in the window on which the account's owner works; after a few misses, any day of the window.</summary>
    private DateOnly PickWorkingDay(AccountPlan account, DateOnly from, DateOnly to, SampleRandom random)
    {
        var day = from;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            day = SampleCalendar.DayBetween(random, from, to);
            if (plan.Csms[account.OwnerAt(day)].IsWorking(day))
            {
                return day;
            }
        }
        return day;
    }

    private readonly record struct MonthContext(AccountPlan Account, DateOnly From, DateOnly To, SampleRandom Random, AccountWork Work);
}
