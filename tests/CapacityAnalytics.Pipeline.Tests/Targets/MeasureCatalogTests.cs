using CapacityAnalytics.Pipeline.Targets.Measures;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

public sealed class MeasureCatalogTests : IClassFixture<MeasureCatalogTests.Warehouse>
{
    public sealed class Warehouse : IDisposable
    {
        public BiWarehouse W { get; } = new();
        public void Dispose() => W.Dispose();
    }

    private readonly BiWarehouse w;

    public MeasureCatalogTests(Warehouse fixture) => w = fixture.W;

    public static TheoryData<string> MeasureNames => [.. MeasureCatalog.LoadDefault().Measures.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(MeasureNames))]
    public void Every_measure_computes_a_number_through_its_sql_on_the_marts(string name)
    {
        // Given the fixture warehouse, When the measure's SQL runs over its home table
        var value = w.Measure(name);

        // Then it is a finite number
        Assert.NotNull(value);
        Assert.True(double.IsFinite(value!.Value), $"{name} = {value}");
    }

    [Theory]
    [InlineData("Customer Hours", 404.0)]
    [InlineData("Proactive Share", 228.0 / 404.0)]
    [InlineData("Capacity Utilization", 404.0 / (896.0 * 2.0 / 3.0))]
    [InlineData("Customer Capacity Hours", 896.0 * 2.0 / 3.0)]
    [InlineData("Coverage 30d", 144.0 / 192.0)]
    [InlineData("Accounts Gone Dark", 2.0)]
    [InlineData("ARR at Risk", 480000.0)]
    [InlineData("Renewals in 90 Days", 3.0)]
    [InlineData("Renewal ARR in 90 Days", 400000.0)]
    [InlineData("Open Alerts", 3.0)]
    [InlineData("Open Decline Alerts", 2.0)]
    [InlineData("Open Overload Alerts", 1.0)]
    [InlineData("Flagged CSMs", 1.0)]
    [InlineData("Exposed ARR at Risk", 150000.0)]
    [InlineData("Closed Alerts", 1.0)]
    [InlineData("Avg Weeks Open (Closed)", 3.0)]
    [InlineData("Backtest MAPE", 0.15)]
    [InlineData("Backtest MAPE Planned", 0.35)]
    [InlineData("Backtest MAPE Naive", 0.2)]
    [InlineData("Backtest Range Coverage", 0.5)]
    [InlineData("Parameters Moved Beyond Range", 1.0)]
    [InlineData("Exposed ARR", 200000.0)]
    [InlineData("Exposed Renewals", 2.0)]
    [InlineData("Flagged NRR", 0.95)]
    [InlineData("Unflagged NRR", 1.01)]
    [InlineData("Flagged Renewal Rate", 0.75)]
    [InlineData("Unflagged Renewal Rate", 0.85)]
    [InlineData("Planned Touchpoint Hours", 7.5)]
    [InlineData("Observed vs Planned Hours", 9.0 / 7.5)]
    [InlineData("Fit Pseudo R2", 0.525)]
    [InlineData("Headcount Now", 4.0)]
    [InlineData("Forward Headcount", 5.0)]
    public void Measures_match_the_hand_worked_fixture(string name, double expected)
    {
        Assert.Equal(expected, w.Measure(name)!.Value, 9);
    }

    [Fact]
    public void Measures_respect_the_filter_the_dashboard_adds()
    {
        // c2 slides: proactive 12 - i over 8 weeks (68 h) against 8 reactive hours a week (64 h)
        Assert.Equal(68.0 / 132.0, w.Measure("Proactive Share", "csm_id = 'c2'")!.Value, 9);
        Assert.Equal(200000.0, w.Measure("Book ARR", "csm_id = 'c2' and week_start = date '2025-02-24'")!.Value, 9);
        Assert.Equal((10.0 + 32.0) / 2, w.Measure("Recommended Accounts per CSM Low", "segment <> 'smb'")!.Value, 9);
    }

    [Fact]
    public void Snapshot_measures_read_the_latest_week_in_the_filter_not_the_sum_of_weeks()
    {
        // Books at 2025-02-24, the last of 8 weeks: c1 10, c2 8, c3 6 accounts (the sum over weeks would be 192)
        Assert.Equal(24.0, w.Measure("Book Accounts")!.Value, 9);
        Assert.Equal(780000.0, w.Measure("Book ARR")!.Value, 9);
        // A filter ending earlier moves the snapshot with it; per CSM, each CSM's latest week counts
        Assert.Equal(8.0, w.Measure("Book Accounts", "csm_id = 'c2' and week_start <= date '2025-01-20'")!.Value, 9);
        var rows = MeasureQuery.Run(w.Connection, [w.Catalog["Book Accounts"], w.Catalog["Customer Hours"]], ["csm_id"]);
        Assert.Equal([10.0, 8.0, 6.0], rows.Select(r => (double)r["Book Accounts"]!));
        // Measures over all weeks in the same query keep all weeks: c1 18 h a week for 8 weeks
        Assert.Equal(144.0, (double)rows[0]["Customer Hours"]!, 9);
    }

    [Fact]
    public void Trend_measures_compare_the_latest_week_with_the_week_before_and_the_last_four()
    {
        // c2 slides: proactive 12 - i in week i (0..7) against 8 reactive hours a week
        // last 4 weeks (i = 4..7): proactive 8 + 7 + 6 + 5 = 26, reactive 32
        Assert.Equal(26.0 / 58.0, w.Measure("Proactive Share Last 4 Weeks", "csm_id = 'c2'")!.Value, 9);
        // latest week 5 / 13 minus the week before 6 / 14
        Assert.Equal((5.0 / 13.0) - (6.0 / 14.0), w.Measure("Proactive Share WoW", "csm_id = 'c2'")!.Value, 9);
        // all CSMs, last 4 weeks: customer hours c1 72 + c2 58 + c3 64 = 194 over (40 + 40 + 32) x 4 x 2/3
        Assert.Equal(194.0 / (448.0 * 2.0 / 3.0), w.Measure("Capacity Utilization Last 4 Weeks")!.Value, 9);
        // books do not change in the fixture: no week-over-week movement
        Assert.Equal(0.0, w.Measure("Coverage 30d WoW")!.Value, 9);
        Assert.Equal(0.0, w.Measure("Accounts Gone Dark WoW")!.Value, 9);
    }

    [Fact]
    public void Headcount_measures_sum_segments_and_leave_the_total_row_out()
    {
        // enterprise 2.5 + mid-market 1.0 + smb 0.5 = 4.0; the total row (4.0) would double it
        Assert.Equal(4.0, w.Measure("Headcount Now")!.Value, 9);
        Assert.Equal(5.0, w.Measure("Forward Headcount")!.Value, 9);
        // at the calibrated model: 3.5 + 1.5 + 0.5 = 5.5 now, 4.0 + 2.0 + 0.5 = 6.5 forward
        Assert.Equal(5.5, w.Measure("Headcount Now (Calibrated)")!.Value, 9);
        Assert.Equal(6.5, w.Measure("Forward Headcount (Calibrated)")!.Value, 9);
        // deal_size_up_20: enterprise 2.2 + mid-market 0.9 = 3.1, delta -0.3 - 0.1 = -0.4 (its total row says the same)
        Assert.Equal(3.1, w.Measure("Scenario Headcount", "scenario = 'deal_size_up_20'")!.Value, 9);
        Assert.Equal(-0.4, w.Measure("Scenario Headcount Delta", "scenario = 'deal_size_up_20'")!.Value, 9);
    }

    [Fact]
    public void Grouped_measures_give_one_row_per_group_in_group_order()
    {
        var rows = MeasureQuery.Run(w.Connection, [w.Catalog["Accounts Gone Dark"], w.Catalog["Customers"]], ["csm_id"]);

        Assert.Equal(["c1", "c2", "c3"], rows.Select(r => (string)r["csm_id"]!));
        Assert.Equal([1.0, 1.0, 0.0], rows.Select(r => (double)r["Accounts Gone Dark"]!));
        Assert.Equal([2.0, 2.0, 1.0], rows.Select(r => (double)r["Customers"]!));
    }

    [Fact]
    public void Dax_and_sql_of_every_measure_read_the_same_columns_of_its_home_table()
    {
        foreach (var measure in w.Catalog.Measures)
        {
            var dax = ColumnReferences.Dax(measure.Dax);
            var sql = ColumnReferences.Sql(measure.Sql);

            Assert.All(dax, r => Assert.True(r.Table == measure.Table, $"{measure.Name}: DAX reads {r.Table}[{r.Column}] outside its home table {measure.Table}"));
            Assert.True(
                dax.Select(r => r.Column).Order(StringComparer.Ordinal).SequenceEqual(sql.Order(StringComparer.Ordinal)),
                $"{measure.Name}: DAX reads [{string.Join(", ", dax.Select(r => r.Column))}] but SQL reads [{string.Join(", ", sql)}]");
            Assert.Equal([measure.Table], ColumnReferences.DaxTables(measure.Dax, w.Catalog.Measures.Select(m => m.Table).Distinct()));
        }
    }

    [Fact]
    public void Every_column_a_measure_reads_exists_in_its_home_table()
    {
        foreach (var measure in w.Catalog.Measures)
        {
            var columns = w.Columns(measure.Table);
            Assert.All(ColumnReferences.Sql(measure.Sql), c => Assert.True(columns.Contains(c), $"{measure.Name}: {measure.Table}.{c} does not exist"));
        }
    }

    [Fact]
    public void Column_references_skip_literals_functions_and_keywords()
    {
        Assert.Equal(["exposed_arr", "status", "level"], ColumnReferences.Sql("coalesce(sum(exposed_arr) filter (where status = 'open' and level = 'csm'), 0)"));
        Assert.Equal([("fct_early_warning", "status"), ("My 'T'", "x y")], ColumnReferences.Dax("CALCULATE(COUNTROWS(fct_early_warning), fct_early_warning[status] = \"a[b]\", 'My ''T'''[x y])"));
    }

    [Fact]
    public void A_placeholder_without_a_value_is_an_error_naming_the_measure()
    {
        var ex = Assert.Throws<MeasureCatalogException>(() => MeasureCatalog.LoadDefault().Resolve(new Dictionary<string, double>(StringComparer.Ordinal)));

        Assert.Contains("customer_facing_share", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_without_dax_is_rejected_with_file_and_name()
    {
        var yaml = "measures:\n  - name: X\n    table: fct_csm_week\n    sql: sum(a)\n";

        var ex = Assert.Throws<MeasureCatalogException>(() => MeasureCatalog.Load(new StringReader(yaml), "m.yaml"));

        Assert.Equal("m.yaml: measure 'X': both 'sql' and 'dax' are required.", ex.Message);
    }
}
