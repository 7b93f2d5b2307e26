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
    public void A_planted_decline_stays_open_until_recovery_weeks_of_recovery_against_its_frozen_baseline()
    {
        // Given 34 weeks with the decline in weeks 17-22. Worked by hand (window mean of 4 weeks; baseline = the last 12
        // values that left the window and were not low; frozen from the first breach; recovered = drop <= 0.5 x 0.15):
        //   week 17: window 14-17 = (3 x 0.75 + 0.25) / 4 = 0.625, baseline 0.75 (weeks 2-13), drop 0.125: no breach
        //   week 18: window 0.5, drop 0.25: breach, pending; baseline frozen at 0.75 (weeks 3-14)
        //   week 19: 0.375: opens                        weeks 20-22: 0.25                  week 23: 0.375
        //   week 24: window 21-24 = 0.5, drop 0.25 against the frozen 0.75: still a breach (the last one)
        //   week 25: 0.625, drop 0.125: neither a breach nor recovered (> 0.075), stays open
        //   weeks 26-28: 0.75, drop 0: recovered three weeks in a row -> closes in week 28
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 34, PlantedDecline);

        // When built
        w.Build();

        // Then exactly one CSM-level alert (team, segment and company hold the same single book and alert alike)
        var alerts = w.Rows("select * from fct_early_warning where level = 'csm'");
        var alert = Assert.Single(alerts);
        Assert.Equal(("c1", "proactive_share", "decline"), (alert["key"], alert["indicator"], alert["family"]));
        Assert.Equal(Week(18), alert["breach_started_week"]);
        Assert.Equal(Week(19), alert["opened_week"]);
        Assert.Equal(Week(24), alert["last_week"]);
        Assert.Equal(Week(28), alert["closed_week"]);
        Assert.Equal("closed", alert["status"]);
        Assert.Equal(9L, alert["weeks_open"]);        // weeks 19-27
        Assert.Equal(7L, alert["weeks_breached"]);    // weeks 18-24
        Assert.Equal(0.75, (double)alert["baseline_value"]!, 9);
        Assert.Equal(0.375, (double)alert["opened_value"]!, 9);  // window 16-19
        Assert.Equal(0.25, (double)alert["worst_value"]!, 9);    // windows 17-20 .. 19-22
        Assert.Equal(0.75, (double)alert["current_value"]!, 9);  // window 25-28, the closing week
        Assert.Equal(100_000.0, (double)alert["exposed_arr"]!, 9); // book in week 24
        Assert.Null(alert["likely_cause"]);
        Assert.Equal("no cause in the data: ask the CSM in the next 1:1", alert["next_step"]);
        Assert.Equal(4.0, w.Number("select count(*) from fct_early_warning"));
        Assert.Empty(OpenAlerts.Read(w.Connection));

        // And the low weeks never fed a baseline: in week 29 the rolling baseline holds weeks 6-17 (18-25 were low),
        // (11 x 0.75 + 0.25) / 12; had they fed it, it would hold weeks 14-25 = (3 x 0.75 + 6 x 0.25 + 3 x 0.75) / 12 = 0.5.
        Assert.Equal(8.5 / 12, w.Number("select rolling_value from int_ew_signal where level = 'csm' and indicator = 'proactive_share' and week_start = " + Sql(Week(29))), 9);
    }

    /// <summary>From week 17 to the end the share sits at 0.5 (40 / 40 minutes); week 26 alone is a good week at 1.0.</summary>
    internal static (double, double) PersistentDeclineWithOneGoodWeek(int k) => k switch
    {
        < 17 => (60, 20),
        26 => (80, 0),
        _ => (40, 40),
    };

    [Fact]
    public void A_persistent_decline_stays_one_open_alert_and_a_single_good_week_does_not_split_it()
    {
        // Given 40 weeks: 0.75 until week 16, 0.5 from week 17, week 26 at 1.0. By hand, against the frozen 0.75:
        //   week 18: window (2 x 0.75 + 2 x 0.5) / 4 = 0.625, drop 0.125: no breach
        //   week 19: (0.75 + 3 x 0.5) / 4 = 0.5625, drop 0.1875: breach (pending)     week 20: 0.5: opens
        //   weeks 26-29: the window holds week 26: (3 x 0.5 + 1) / 4 = 0.625, drop 0.125: no breach, not recovered
        //   weeks 30-40: 0.5 again: breach. A rolling baseline would have sunk to 0.5 by week 35 and closed the alert.
        using var w = new TestWarehouse();
        Csm(w, "c1", "a1", 100_000, 40, PersistentDeclineWithOneGoodWeek);

        // When built
        w.Build();

        // Then one alert, open at the last week, still measured against 0.75
        var alert = Assert.Single(w.Rows("select * from fct_early_warning where level = 'csm'"));
        Assert.Equal((Week(19), Week(20), Week(40)), (alert["breach_started_week"], alert["opened_week"], alert["last_week"]));
        Assert.Equal("open", alert["status"]);
        Assert.Null(alert["closed_week"]);
        Assert.Equal(21L, alert["weeks_open"]);        // weeks 20-40
        Assert.Equal(18L, alert["weeks_breached"]);    // 19-25 and 30-40
        Assert.Equal(0.75, (double)alert["baseline_value"]!, 9);
        Assert.Equal(0.5, (double)alert["current_value"]!, 9);
        Assert.Equal(0.25, (double)alert["drop_value"]!, 9);
        var open = OpenAlerts.Read(w.Connection);
        Assert.Equal(4, open.Count);
        Assert.All(open, a => Assert.Equal(Week(20), a.OpenedWeek));
    }

    internal static string Sql(DateOnly d) => "date '" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "'";

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
        Assert.Equal((Week(19), (DateOnly?)Week(21), "c1", "decline"), (alert.OpenedWeek, alert.LastWeek, alert.Key, alert.Family));
        Assert.Equal(0.75, alert.BaselineValue!.Value, 9);
        Assert.Equal(3L, alert.WeeksOpen); // weeks 19-21
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
