using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Marts;

public class SmokeTests
{
    [Fact]
    public void Every_model_builds_and_passes_its_yaml_tests_on_a_small_book()
    {
        // Given one CSM, two accounts and a few activities and tickets
        using var w = new TestWarehouse();
        w.Add("csms", new { csm_id = "c1", team = "east", fte = 1.0, weekly_hours = 40.0 });
        w.Add("accounts", new { account_id = "a1", csm_id = "c1", arr = 60000.0, contract_start = new DateOnly(2024, 1, 1), renewal_date = new DateOnly(2025, 3, 1) });
        w.Add("accounts", new { account_id = "a2", csm_id = "c1", arr = 5000.0, contract_start = new DateOnly(2024, 12, 1) });
        w.Add("activities", new { activity_id = "x1", account_id = "a1", csm_id = "c1", type = "qbr", occurred_at = new DateTime(2025, 1, 6, 10, 0, 0), duration_minutes = 30.0 });
        w.Add("activities", new { activity_id = "x2", account_id = "a2", csm_id = "c1", type = "Email", occurred_at = new DateTime(2025, 1, 7, 10, 0, 0), direction = "inbound" });
        w.Add("activities", new { activity_id = "x3", csm_id = "c1", type = "admin", occurred_at = new DateTime(2025, 1, 8, 10, 0, 0) });
        w.Add("activities", new { activity_id = "x4", account_id = "a1", csm_id = "c1", type = "Smoke Signal", occurred_at = new DateTime(2025, 1, 9, 10, 0, 0), duration_minutes = 5.0 });
        w.Add("tickets", new { ticket_id = "t1", account_id = "a1", created_at = new DateTime(2025, 1, 6, 8, 0, 0), first_response_at = new DateTime(2025, 1, 6, 10, 0, 0), escalated = true });

        // When the models are built
        var result = w.Build();

        // Then every model has rows where data exists and the unmapped type is reported
        Assert.Equal(new DateOnly(2025, 1, 9), result.AsOf);
        Assert.True(result.TestsPassed > 50);
        Assert.Contains(result.Models, m => m.Name == "fct_csm_week" && m.Rows == 1);
        var unmapped = Assert.Single(result.UnmappedTypes);
        Assert.Equal(("Smoke Signal", 1L), (unmapped.VendorType, unmapped.Activities));
    }
}
