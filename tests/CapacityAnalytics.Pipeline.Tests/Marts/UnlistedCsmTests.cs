using CapacityAnalytics.Pipeline.Tests.Support;
using static CapacityAnalytics.Pipeline.Tests.Marts.EarlyWarningTests;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

public class UnlistedCsmTests
{
    [Fact]
    public void A_csm_id_missing_from_the_roster_keeps_its_hours_gets_no_capacity_and_is_listed()
    {
        // Given c1 on the roster (40 h), and 'ghost' logging an hour a week on c1's account and owning another account
        using var w = new TestWarehouse();
        w.Add("csms", new { csm_id = "c1", team = "east" });
        w.Add("accounts", new { account_id = "a1", csm_id = "c1", arr = 100_000.0, contract_start = new DateOnly(2020, 1, 1) });
        w.Add("accounts", new { account_id = "a2", csm_id = "ghost", arr = 20_000.0, contract_start = new DateOnly(2020, 1, 1) });
        for (var k = 1; k <= 4; k++)
        {
            var monday = Week(k).ToDateTime(new TimeOnly(10, 0));
            w.Add("activities", new { activity_id = $"c1-{k}", account_id = "a1", csm_id = "c1", type = "check_in", occurred_at = monday, duration_minutes = 60.0 });
            w.Add("activities", new { activity_id = $"g-{k}", account_id = "a2", csm_id = "ghost", type = "check_in", occurred_at = monday, duration_minutes = 60.0 });
        }

        // When built
        w.Build();

        // Then ghost's hours count on its account, it has no available hours, the company's capacity is c1's alone,
        // and it is listed with its 4 activities and 1 account
        Assert.Equal(0.0, w.Number("select sum(available_hours) from fct_csm_week where csm_id = 'ghost'"));
        Assert.Equal(4.0, w.Number("select sum(customer_hours) from fct_csm_week where csm_id = 'ghost'"), 9);
        Assert.Equal(40.0, w.Number($"select available_hours from fct_indicator_rollup where level = 'company' and week_start = date '{Week(2):yyyy-MM-dd}'"), 9);
        var row = Assert.Single(w.Rows("select * from int_unlisted_csms"));
        Assert.Equal(("ghost", 4L, 1L), (row["csm_id"], row["activities"], row["accounts_owned"]));
    }
}
