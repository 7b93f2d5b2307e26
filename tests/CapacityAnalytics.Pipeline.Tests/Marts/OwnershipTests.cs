using System.Globalization;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

public class OwnershipTests
{
    [Fact]
    public void A_transfer_splits_time_and_book_between_the_two_csms_at_valid_from()
    {
        // Given a1 owned by c1 from 2025-01-01 and by c2 from Monday 2025-02-03, and a2 with no history (static, c1):
        //   y1 2025-01-27 check_in 60 min logged by c1 -> c1, week 2025-01-27
        //   y2 2025-02-04 check_in 30 min logged by c2 -> c2, week 2025-02-03
        //   y3 2025-02-05 check_in 15 min logged by c1 after the transfer -> the owner c2
        using var w = new TestWarehouse();
        w.Add("csms", new { csm_id = "c1", team = "east" });
        w.Add("csms", new { csm_id = "c2", team = "west" });
        w.Add("accounts", new { account_id = "a1", csm_id = "c2", arr = 30_000.0, contract_start = new DateOnly(2024, 1, 1) });
        w.Add("accounts", new { account_id = "a2", csm_id = "c1", arr = 5_000.0, contract_start = new DateOnly(2024, 1, 1) });
        w.Add("account_history", new { account_id = "a1", valid_from = new DateOnly(2025, 1, 1), csm_id = "c1", arr = 30_000.0 });
        w.Add("account_history", new { account_id = "a1", valid_from = new DateOnly(2025, 2, 3), csm_id = "c2", arr = 30_000.0 });
        w.Add("activities", new { activity_id = "y1", account_id = "a1", csm_id = "c1", type = "check_in", occurred_at = new DateTime(2025, 1, 27, 10, 0, 0), duration_minutes = 60.0 });
        w.Add("activities", new { activity_id = "y2", account_id = "a1", csm_id = "c2", type = "check_in", occurred_at = new DateTime(2025, 2, 4, 10, 0, 0), duration_minutes = 30.0 });
        w.Add("activities", new { activity_id = "y3", account_id = "a1", csm_id = "c1", type = "check_in", occurred_at = new DateTime(2025, 2, 5, 10, 0, 0), duration_minutes = 15.0 });

        // When built
        w.Build();

        // Then hours and books follow the owner at each date
        var weeks = w.Rows("select csm_id, cast(week_start as varchar) as week, proactive_hours, book_accounts, book_arr from fct_csm_week order by csm_id, week_start")
            .Select(r => ((string)r["csm_id"]!, (string)r["week"]!, Convert.ToDouble(r["proactive_hours"], CultureInfo.InvariantCulture), (long)r["book_accounts"]!, Convert.ToDouble(r["book_arr"], CultureInfo.InvariantCulture)));
        Assert.Equal(
        [
            ("c1", "2025-01-27", 1.0, 2L, 35_000.0),
            ("c1", "2025-02-03", 0.0, 1L, 5_000.0),
            ("c2", "2025-01-27", 0.0, 0L, 0.0),
            ("c2", "2025-02-03", 0.75, 1L, 30_000.0),
        ], weeks);
        // and the account-month belongs to the owner at month end: January c1 (1 h), February c2 (0.75 h)
        var months = w.Rows("select cast(month_start as varchar) as month, csm_id, customer_hours from fct_account_month where account_id = 'a1' and month_start >= date '2025-01-01' order by month_start")
            .Select(r => ((string)r["month"]!, (string)r["csm_id"]!, (double)r["customer_hours"]!));
        Assert.Equal([("2025-01-01", "c1", 1.0), ("2025-02-01", "c2", 0.75)], months);
        Assert.Equal("c1", w.Scalar("select logged_by_csm_id from fct_activity where activity_id = 'y3'"));
        Assert.Equal("c2", w.Scalar("select csm_id from dim_account where account_id = 'a1'"));
    }
}
