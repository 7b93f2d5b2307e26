using CapacityAnalytics.Pipeline.Stages.Transform;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

/// <summary>
/// The shipped rule: proactive_share, 4-week window vs the 12 weeks before, drop >= 0.15, persisting 2 weeks.
/// Weeks are numbered from 1 = Monday 2025-01-06. A steady week has a 60-minute check-in and a 20-minute support
/// coordination on the CSM's one account: proactive share 60 / 80 = 0.75.
/// </summary>
public class EarlyWarningTests
{
    internal static readonly DateOnly Week1 = new(2025, 1, 6);

    internal static DateOnly Week(int k) => Week1.AddDays(7 * (k - 1));

    /// <summary>A CSM with one account; <paramref name="minutes"/> gives (proactive, reactive) minutes of week k.</summary>
    internal static void Csm(TestWarehouse w, string csm, string account, double arr, int weeks, Func<int, (double Proactive, double Reactive)> minutes)
    {
        w.Add("csms", new { csm_id = csm, team = "east" });
        w.Add("accounts", new { account_id = account, csm_id = csm, arr, contract_start = new DateOnly(2020, 1, 1) });
        for (var k = 1; k <= weeks; k++)
        {
            var (proactive, reactive) = minutes(k);
            var monday = Week(k).ToDateTime(new TimeOnly(10, 0));
            if (proactive > 0) w.Add("activities", new { activity_id = $"{csm}-p{k}", account_id = account, csm_id = csm, type = "check_in", occurred_at = monday, duration_minutes = proactive });
            if (reactive > 0) w.Add("activities", new { activity_id = $"{csm}-r{k}", account_id = account, csm_id = csm, type = "support_coordination", occurred_at = monday.AddDays(1), duration_minutes = reactive });
        }
    }

    /// <summary>Weeks 17-22 drop to 20 proactive / 60 reactive minutes (share 0.25), then recover.</summary>
    internal static (double, double) PlantedDecline(int k) => k is >= 17 and <= 22 ? (20, 60) : (60, 20);

    [Fact]
    public void A_planted_decline_raises_one_alert_opened_in_the_right_week_and_closed_after_recovery()
    {
        // Given 30 weeks with the decline in weeks 17-22. Worked by hand (window mean vs the 12-week baseline before it):
        //   week 17: window 14-17 = (3 x 0.75 + 0.25) / 4 = 0.625, baseline 0.75, drop 0.125 < 0.15: no breach
        //   week 18: window 0.5, drop 0.25: breach (first)       week 19: window 0.375: breach -> opens (2nd week)
        //   weeks 20-22: breach                                   week 23: window 20-23 = 0.375 vs baseline 8-19 = 0.625: breach
        //   week 24: window 21-24 = 0.5 vs baseline 9-20 = 7/12 = 0.583, drop 0.083: no breach -> closes
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 30, PlantedDecline);

        // When built
        w.Build();

        // Then exactly one CSM-level alert (team, segment and company hold the same single book and alert alike)
        var alerts = w.Rows("select * from fct_early_warning where level = 'csm'");
        var alert = Assert.Single(alerts);
        Assert.Equal("c1", alert["key"]);
        Assert.Equal("proactive_share", alert["indicator"]);
        Assert.Equal(Week(18), alert["breach_started_week"]);
        Assert.Equal(Week(19), alert["opened_week"]);
        Assert.Equal(Week(23), alert["last_week"]);
        Assert.Equal(Week(24), alert["closed_week"]);
        Assert.Equal("closed", alert["status"]);
        Assert.Equal(0.75, (double)alert["baseline_value"]!, 9);   // weeks 4-15
        Assert.Equal(0.375, (double)alert["current_value"]!, 9);   // window 20-23
        Assert.Equal(100_000.0, (double)alert["exposed_arr"]!, 9);
        Assert.Null(alert["likely_cause"]);
        Assert.Equal(4.0, w.Number("select count(*) from fct_early_warning"));
        Assert.Empty(OpenAlerts.Read(w.Connection));
    }

    [Fact]
    public void An_alert_still_breaching_at_the_as_of_date_is_open_and_listed()
    {
        // Given the same decline, seen as of Wednesday of week 21 (2025-05-28)
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 30, PlantedDecline);

        // When built as of that date
        w.Build(new DateOnly(2025, 5, 28));

        // Then the CSM alert is open since week 19 with its last week 21
        var open = OpenAlerts.Read(w.Connection);
        var alert = Assert.Single(open, a => a.Level == "csm");
        Assert.Equal((Week(19), Week(21), "c1"), (alert.OpenedWeek, alert.LastWeek, alert.Key));
        Assert.Equal(0.75, alert.BaselineValue, 9);
        Assert.Equal(0.25, alert.CurrentValue, 9); // window 18-21 all at 0.25
        Assert.Equal(4, open.Count);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 4)]
    public void A_csm_whose_only_change_is_a_week_off_raises_no_alert(bool timeOffRecorded, int expectedAlerts)
    {
        // Given a steady CSM who in week 18 logs only one inbound email (proactive share 0 that week) and, when
        // recorded, takes the whole week off (5 x 8 h). Without the week off the window 15-18 would be
        // (3 x 0.75 + 0) / 4 = 0.5625, a drop of 0.1875, breaching weeks 18-21; with it the week carries no value.
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 30, k => k == 18 ? (0, 0) : (60, 20));
        w.Add("activities", new { activity_id = "c1-mail", account_id = "a1", csm_id = "c1", type = "email", direction = "inbound", occurred_at = Week(18).ToDateTime(new TimeOnly(9, 0)) });
        if (timeOffRecorded)
        {
            for (var d = 0; d < 5; d++) w.Add("time_off", new { csm_id = "c1", date = Week(18).AddDays(d), hours = 8.0 });
        }

        // When built
        w.Build();

        // Then no alert at any level when the week off is recorded (and one per level when it is not)
        Assert.Equal(expectedAlerts, (int)w.Number("select count(*) from fct_early_warning"));
    }
}
