using System.Globalization;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

/// <summary>Classification, measured minutes, ticket time and the CSM-week time facts on one hand-built week.</summary>
public sealed class ActivityTimeTests(ActivityTimeTests.Week fixture) : IClassFixture<ActivityTimeTests.Week>
{
    private readonly TestWarehouse w = fixture.Warehouse;

    [Fact]
    public void Vendor_types_map_case_insensitively_and_direction_overrides_the_class()
    {
        // Given the week above, When built, Then each activity has the class and minutes worked out above
        var rows = w.Rows("select activity_id, activity_type, activity_class, minutes from fct_activity order by activity_id")
            .Select(r => ((string)r["activity_id"]!, (string?)r["activity_type"], (string)r["activity_class"]!, Convert.ToDouble(r["minutes"], CultureInfo.InvariantCulture)));
        Assert.Equal(
        [
            ("x1", "qbr", "proactive", 120.0), ("x2", "qbr", "proactive", 90.0), ("x3", "email", "reactive", 10.0),
            ("x4", "call", "proactive", 12.0), ("x5", "qbr", "proactive", 90.0), ("x6", "admin", "internal", 30.0),
            ("x7", null, "unmapped", 20.0),
        ], rows);
        Assert.Equal(1.0, w.Number("select activities from int_unmapped_activity_types where vendor_type = 'Webinar'"));
    }

    [Fact]
    public void Csm_week_hours_split_by_class_with_tickets_as_reactive_time()
    {
        // Given the week above
        // When the CSM-week is read
        var week = w.Rows("select * from fct_csm_week where csm_id = 'c1' and week_start = date '2025-03-03'").Single();
        double N(string c) => Convert.ToDouble(week[c], CultureInfo.InvariantCulture);

        // Then proactive = 120 + 90 + 12 + 90 = 312 min; reactive = 10 + tickets (25 + 30) = 65 min; unmapped 20 min
        Assert.Equal(312 / 60.0, N("proactive_hours"), 9);
        Assert.Equal(65 / 60.0, N("reactive_hours"), 9);
        Assert.Equal(55 / 60.0, N("ticket_hours"), 9);
        Assert.Equal(20 / 60.0, N("unmapped_hours"), 9);
        Assert.Equal(397 / 60.0, N("customer_hours"), 9);
        Assert.Equal(0.5, N("internal_hours"), 9);
        // proactive share = 312 / (312 + 65)
        Assert.Equal(312 / 377.0, N("proactive_share"), 9);
        // available = 40 x 0.5 - 8 = 12; utilization = customer / (12 x customer_facing_share 0.6667)
        Assert.Equal(12.0, N("available_hours"), 9);
        Assert.Equal(397 / 60.0 / (12 * 0.6667), N("utilization"), 9);
        Assert.Equal(2.0, N("book_accounts"));
        Assert.Equal(4.0, N("tickets_created"));
    }

    [Fact]
    public void Time_to_first_response_is_the_median_and_p90_of_the_trailing_four_weeks()
    {
        // Given responses after 1, 2, 3 and 10 hours
        // When the CSM-week is read
        var week = w.Rows("select ttfr_median_hours, ttfr_p90_hours from fct_csm_week where csm_id = 'c1'").Single();

        // Then median = (2 + 3) / 2 = 2.5; p90 (linear) = 3 + 0.7 x (10 - 3) = 7.9
        Assert.Equal(2.5, (double)week["ttfr_median_hours"]!, 9);
        Assert.Equal(7.9, (double)week["ttfr_p90_hours"]!, 9);
    }

    [Fact]
    public void Account_month_customer_hours_include_ticket_minutes_but_never_internal_work()
    {
        // Given the week above (all in March 2025)
        // When the account-months are read
        var march = w.Rows("select account_id, customer_hours, proactive_hours, tickets, ticket_minutes, segment from fct_account_month where month_start = date '2025-03-01' order by account_id");

        // Then a1 = (120 + 12 proactive + 10 reactive + 20 unmapped + 55 ticket minutes) / 60 = 217 / 60
        //      a2 = (90 + 90) / 60 = 3 hours, two tickets with 0 minutes
        Assert.Equal(217 / 60.0, (double)march[0]["customer_hours"]!, 9);
        Assert.Equal(132 / 60.0, (double)march[0]["proactive_hours"]!, 9);
        Assert.Equal("enterprise", march[0]["segment"]);
        Assert.Equal(3.0, (double)march[1]["customer_hours"]!, 9);
        Assert.Equal(2L, march[1]["tickets"]);
        Assert.Equal(0.0, Convert.ToDouble(march[1]["ticket_minutes"], CultureInfo.InvariantCulture));
        Assert.Equal("smb", march[1]["segment"]);
    }

    /// <summary>The hand-built week, built once for the class.</summary>
    public sealed class Week : IDisposable
    {
        public TestWarehouse Warehouse { get; } = new();

        public Week()
        {
            var w = Warehouse;
            // One half-time CSM (40 h x 0.5 = 20 h, minus 8 h off = 12 h available), an enterprise and an SMB account.
            w.Add("csms", new { csm_id = "c1", team = "east", fte = 0.5, weekly_hours = 40.0 });
            w.Add("accounts", new { account_id = "a1", csm_id = "c1", arr = 60000.0, contract_start = new DateOnly(2024, 1, 1) });
            w.Add("accounts", new { account_id = "a2", csm_id = "c1", arr = 5000.0, contract_start = new DateOnly(2024, 1, 1) });
            // Week of Monday 2025-03-03:
            //   x1 a1 "QBR" no duration      -> enterprise qbr 60 + prep 60 = 120 proactive
            //   x2 a2 "qbr" 30 min           -> 30 + prep 60               =  90 proactive
            //   x3 a1 inbound email          -> 10                         =  10 reactive (direction override)
            //   x4 a1 outbound "Call" 12 min -> 12                         =  12 proactive
            //   x5 a2 "Quarterly Business Review" (type_map -> qbr), smb 30 + 60 = 90 proactive
            //   x6 no account "admin"        -> 30 internal
            //   x7 a1 "Webinar" 20 min       -> unmapped 20 (no standard or prep minutes)
            Activity("x1", "a1", "QBR", new DateTime(2025, 3, 3, 9, 0, 0), null, null);
            Activity("x2", "a2", "qbr", new DateTime(2025, 3, 3, 14, 0, 0), 30.0, null);
            Activity("x3", "a1", "email", new DateTime(2025, 3, 4, 9, 0, 0), null, "inbound");
            Activity("x4", "a1", "Call", new DateTime(2025, 3, 4, 10, 0, 0), 12.0, "outbound");
            Activity("x5", "a2", "Quarterly Business Review", new DateTime(2025, 3, 5, 9, 0, 0), null, null);
            Activity("x6", null, "admin", new DateTime(2025, 3, 5, 11, 0, 0), null, null);
            Activity("x7", "a1", "Webinar", new DateTime(2025, 3, 6, 9, 0, 0), 20.0, null);
            w.Add("time_off", new { csm_id = "c1", date = new DateOnly(2025, 3, 7), hours = 8.0 });
            // Tickets: t1 logged 25 min; t2 escalated, no minutes -> 30; t3, t4 not escalated -> 0.
            // First response after 1, 2, 3 and 10 hours.
            Ticket("t1", "a1", new DateTime(2025, 3, 3, 8, 0, 0), 1, 25.0, false);
            Ticket("t2", "a1", new DateTime(2025, 3, 4, 8, 0, 0), 2, null, true);
            Ticket("t3", "a2", new DateTime(2025, 3, 5, 8, 0, 0), 3, null, false);
            Ticket("t4", "a2", new DateTime(2025, 3, 6, 8, 0, 0), 10, null, false);
            w.Build();
        }

        private void Activity(string id, string? account, string type, DateTime at, double? duration, string? direction) =>
            Warehouse.Add("activities", new { activity_id = id, account_id = account, csm_id = "c1", type, occurred_at = at, duration_minutes = duration, direction });

        private void Ticket(string id, string account, DateTime created, int responseHours, double? minutes, bool escalated) =>
            Warehouse.Add("tickets", new { ticket_id = id, account_id = account, created_at = created, first_response_at = created.AddHours(responseHours), csm_minutes = minutes, escalated });

        public void Dispose() => Warehouse.Dispose();
    }
}
