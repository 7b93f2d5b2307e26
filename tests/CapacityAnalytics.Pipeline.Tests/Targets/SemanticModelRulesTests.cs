using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Targets.PowerBi;

namespace CapacityAnalytics.Pipeline.Tests.Targets;

/// <summary>The rules a BI developer expects of the semantic model, each checked on the TMDL written for the fixture.</summary>
public sealed class SemanticModelRulesTests : IDisposable
{
    private readonly BiWarehouse w = new();

    private SemanticModel Model() => SemanticModelReader.Read(w.Connection, w.Tables, w.Catalog);

    private string Table(string name)
    {
        var model = Model();
        var files = PowerBiProjectWriter.Files(model, "/srv/out/parquet/current");
        return files[$"{PowerBiProjectWriter.SemanticModelFolder}/definition/tables/{name}.tmdl"];
    }

    /// <summary>The indented lines under <c>column name</c> in a table's TMDL.</summary>
    private static List<string> ColumnLines(string tmdl, string column)
    {
        var lines = tmdl.Split('\n');
        var start = Array.FindIndex(lines, l => l == "\tcolumn " + column);
        Assert.True(start >= 0, $"column {column} not found");
        return [.. lines.Skip(start + 1).TakeWhile(l => l.StartsWith("\t\t", StringComparison.Ordinal)).Select(l => l.Trim())];
    }

    [Fact]
    public void Names_are_unique_across_measures_and_against_their_tables_columns_ignoring_case()
    {
        // Analysis Services compares names case-insensitively: 'Utilization' next to 'utilization' is refused on load
        var model = Model();
        var measureNames = model.Measures.Select(m => m.Name.ToUpperInvariant()).ToList();
        Assert.Equal(measureNames.Count, measureNames.Distinct(StringComparer.Ordinal).Count());
        var clashes = model.Measures
            .Where(m => model.Table(m.Table)!.Columns.Any(c => string.Equals(c.Name, m.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(m => $"{m.Table}[{m.Name}]")
            .ToList();
        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_measure_has_a_format_string_and_a_description()
    {
        var missing = MeasureCatalog.LoadDefault().Measures.Where(m => m.Format.Length == 0 || m.Description.Length == 0).Select(m => m.Name);
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("utilization", "none")]
    [InlineData("proactive_share", "none")]
    [InlineData("coverage_30d", "none")]
    [InlineData("book_accounts", "none")]
    [InlineData("book_arr", "none")]
    [InlineData("qbr_completion", "none")]
    [InlineData("proactive_hours", "sum")]
    [InlineData("customer_hours", "sum")]
    public void Ratios_and_weekly_snapshots_are_never_summed_by_default_hours_are(string column, string summarizeBy)
    {
        Assert.Contains("summarizeBy: " + summarizeBy, ColumnLines(Table("fct_csm_week"), column));
    }

    [Fact]
    public void Keys_a_relationship_uses_are_hidden_on_the_fact_side()
    {
        Assert.Contains("isHidden", ColumnLines(Table("fct_csm_week"), "csm_id"));
        Assert.DoesNotContain("isHidden", ColumnLines(Table("fct_csm_week"), "team"));
        Assert.DoesNotContain("isHidden", ColumnLines(Table("dim_csm"), "csm_id"));
    }

    [Fact]
    public void Dim_date_is_marked_as_the_date_table()
    {
        var tmdl = Table("dim_date");
        Assert.Contains("\tdataCategory: Time\n", tmdl, StringComparison.Ordinal);
        Assert.Contains("isKey", ColumnLines(tmdl, "date_day"));
    }

    [Theory]
    [InlineData("fct_csm_week", "dim_csm")]
    [InlineData("fct_csm_week", "dim_date")]
    [InlineData("fct_account_health", "dim_csm")]
    [InlineData("fct_account_health", "dim_account")]
    [InlineData("fct_early_warning", "dim_csm")]
    [InlineData("fct_alert_backtest", "dim_csm")]
    [InlineData("capacity_headcount_plan", "dim_segment")]
    public void Every_fact_relates_to_the_dimensions_it_carries(string fact, string dimension)
    {
        Assert.Contains(Model().Relationships, r => r.FromTable == fact && r.ToTable == dimension);
    }

    [Fact]
    public void No_dimension_relates_to_another_so_a_filter_has_one_path()
    {
        Assert.DoesNotContain(Model().Relationships, r => r.FromTable.StartsWith("dim_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_snapshot_measure_reads_the_latest_week_in_the_filter_context()
    {
        var tmdl = Table("fct_csm_week");

        Assert.Contains("VAR __latest = MAX(fct_csm_week[week_start])", tmdl, StringComparison.Ordinal);
        Assert.Contains("CALCULATE(SUM(fct_csm_week[book_accounts]), fct_csm_week[week_start] = __latest)", tmdl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refresh_on_a_machine_without_the_folder_names_the_parameter_to_set()
    {
        var tmdl = Table("dim_csm");

        Assert.Contains("otherwise error Error.Record(\"ParquetFolder not found\"", tmdl, StringComparison.Ordinal);
        Assert.Contains("Edit parameters", tmdl, StringComparison.Ordinal);
    }

    public void Dispose() => w.Dispose();
}
