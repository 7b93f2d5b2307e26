namespace CapacityAnalytics.Sample;

/// <summary>
/// Writes weekly health scores (Mondays) of an account: high with steady usage, lower with falling usage, recent
/// escalations and no proactive contact for over 45 days, and sliding before churn.
/// </summary>
public sealed class HealthGenerator(CompanyPlan plan)
{
    public void Write(AccountPlan account, SampleRandom random, AccountWork work, UsageTrace usage, CsvRowWriter writer)
    {
        var first = SampleCalendar.WeekStart(SampleCalendar.Max(account.ContractStart, plan.PeriodStart).AddDays(6));
        var last = account.LastLiveDay(plan.End);
        var proactive = 0;
        var escalations = 0;
        for (var monday = first; monday <= last; monday = monday.AddDays(7))
        {
            var today = monday.DayNumber;
            while (proactive < work.ProactiveDays.Count && work.ProactiveDays[proactive] < today)
            {
                proactive++;
            }
            var lastTouch = proactive > 0 ? work.ProactiveDays[proactive - 1] : account.ContractStart.DayNumber;
            var recentEscalations = 0;
            while (escalations < work.EscalationDays.Count && work.EscalationDays[escalations] < today)
            {
                escalations++;
            }
            for (var i = escalations - 1; i >= 0 && work.EscalationDays[i] >= today - 30; i--)
            {
                recentEscalations++;
            }
            var usageRatio = usage.WeekdayMean(monday.AddDays(-28), monday.AddDays(-1));
            var score = 74
                + 20 * Math.Clamp(usageRatio - 1, -1, 0.5)
                - 5 * recentEscalations
                - (today - lastTouch > 45 ? 8 : 0)
                - (account.ChurnedOn is { } churned && churned.DayNumber - today < 120 ? 20 * (1 - (churned.DayNumber - today) / 120.0) : 0)
                + 4 * random.Normal();
            writer.Plain(account.Id).Date(monday).Amount(Math.Clamp(score, 0, 100), 1).EndRow();
        }
    }
}
