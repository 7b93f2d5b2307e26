using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.GroundTruth;

public class StoredOrderTests
{
    [Fact]
    public void The_marts_the_dashboards_measures_sum_are_stored_in_the_order_of_their_key()
    {
        // Given a generated company through ingest and the models on two threads, where joins hand rows on in any order
        using var run = new SampleCompanyRun(seed: 11, accounts: 300, csms: 8, months: 12);
        var models = SqlModelCatalog.Discover(TestFiles.RepoFile("sql")).ToDictionary(m => m.Name, StringComparer.Ordinal);

        // When the marts the measures catalog sums are read in the order they are stored
        var homes = MeasureCatalog.LoadDefault().Measures.Select(m => m.Table).Distinct(StringComparer.Ordinal)
            .Where(models.ContainsKey).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["fct_account_health", "fct_alert_backtest", "fct_csm_week", "fct_early_warning"], homes);

        // Then each holds its rows in the order of its key: a sum of doubles over them adds up the same way every run, so
        // the same inputs give the same dashboard
        foreach (var table in homes)
        {
            var key = $"concat_ws('|', {string.Join(", ", models[table].Spec.Key.Select(Sql.Identifier))})";
            var stored = run.Connection.Strings($"select {key} from {table} order by rowid");
            Assert.True(stored.Count > 0, table);
            Assert.Equal(run.Connection.Strings($"select {key} from {table} order by {string.Join(", ", models[table].Spec.Key.Select(Sql.Identifier))}"), stored);
        }
    }
}
