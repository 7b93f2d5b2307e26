using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

public class AlertBacktestTests
{
    [Fact]
    public void A_past_alert_compares_the_flagged_books_renewals_and_nrr_with_unflagged_books()
    {
        // Given c1 with the planted decline (alert opened week 19 = 2025-05-12, so followed from Sunday 2025-05-18),
        // whose account a1 (100k) loses its renewal on 2025-07-10 and churns 2025-07-15 (c1 logs nothing after week 27);
        // and a steady c2 whose account b1 (50k) renews, won, on 2025-07-01. As of = last activity 2025-07-29.
        using var w = new TestWarehouse();
        EarlyWarningTests.Csm(w, "c1", "a1", 100_000, 27, EarlyWarningTests.PlantedDecline);
        EarlyWarningTests.Csm(w, "c2", "b1", 50_000, 30, _ => (60, 20));
        w.Execute("update raw_accounts set churned_on = date '2025-07-15' where account_id = 'a1'");
        w.Add("opportunities", new { opportunity_id = "r1", account_id = "a1", type = "renewal", amount = 100_000.0, created_on = new DateOnly(2025, 5, 1), close_on = new DateOnly(2025, 7, 10), is_closed = true, is_won = false });
        w.Add("opportunities", new { opportunity_id = "r2", account_id = "b1", type = "renewal", amount = 50_000.0, created_on = new DateOnly(2025, 5, 1), close_on = new DateOnly(2025, 7, 1), is_closed = true, is_won = true });

        // When built
        w.Build();

        // Then the CSM alert is backtested over 2025-05-18 .. 2025-07-29 (72 days, at least the 60 required):
        //   flagged: a1, 100k -> 0 (churned), NRR 0, one renewal lost; unflagged: b1, 50k -> 50k, NRR 1, one won
        var row = w.Rows("select b.* from fct_alert_backtest as b inner join fct_early_warning as a using (alert_id) where a.level = 'csm'").Single();
        Assert.Equal("c1", row["key"]);
        Assert.Equal(new DateOnly(2025, 5, 18), row["start_date"]);
        Assert.Equal(new DateOnly(2025, 7, 29), row["end_date"]);
        Assert.Equal(72L, row["observed_days"]);
        Assert.Equal((1L, 100_000.0, 0.0, 0.0, 1L, 0L, 1L), ((long)row["flagged_accounts"]!, (double)row["flagged_start_arr"]!, (double)row["flagged_end_arr"]!, (double)row["flagged_nrr"]!, (long)row["flagged_churned_accounts"]!, (long)row["flagged_renewals_won"]!, (long)row["flagged_renewals_lost"]!));
        Assert.Equal((1L, 50_000.0, 50_000.0, 1.0, 0L, 1L, 0L), ((long)row["unflagged_accounts"]!, (double)row["unflagged_start_arr"]!, (double)row["unflagged_end_arr"]!, (double)row["unflagged_nrr"]!, (long)row["unflagged_churned_accounts"]!, (long)row["unflagged_renewals_won"]!, (long)row["unflagged_renewals_lost"]!));
    }
}
