using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Stages.Publish;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.SqlModels;

/// <summary>
/// The SQL layer is the one source of truth for what is read and published: raw tables are declared in
/// sql/sources.yaml and read by staging alone; a YAML's <c>publish:</c> says whether and how a table is published.
/// </summary>
public sealed class SqlLayerRulesTests
{
    private const string Sources = "sources:\n  - name: raw_things\n    columns: [id]\n";
    private const string Yaml = "grain: one row\n";

    [Fact]
    public void The_declared_sources_are_the_raw_tables_ingest_writes_column_for_column()
    {
        // Given the shipped declaration and the input contract ingest types against
        var declared = SqlSourceReader.ReadFolder(TestFiles.RepoFile("sql")).ToDictionary(s => s.Name, s => s.Columns);

        // Then every entity's raw table is declared with the contract's columns in order; usage_events arrive per account-day
        foreach (var entity in InputContract.Entities.Where(e => e != InputContract.UsageEvents))
        {
            Assert.Equal(entity.Columns.Select(c => c.Name), declared[entity.StagingTable]);
        }
        Assert.Equal(InputContract.UsageDaily.Columns.Select(c => c.Name), declared["raw_usage_events_daily"]);
        Assert.Equal(InputContract.Entities.Count, declared.Count);
    }

    [Fact]
    public void A_model_outside_staging_that_reads_a_raw_table_is_refused()
    {
        // Given an intermediate model reading a declared raw table directly
        using var dir = new TestFiles.TempFolder();
        dir.Write("sources.yaml", Sources);
        dir.Write("staging/stg_things.sql", "select id from raw_things");
        dir.Write("staging/stg_things.yaml", Yaml);
        var path = dir.Write("intermediate/int_things.sql", "select id from raw_things");
        dir.Write("intermediate/int_things.yaml", Yaml);

        // When the folder is discovered
        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Discover(dir.Path));

        // Then the one-line message names the file and says to read the staging model
        Assert.StartsWith($"{path}: model int_things reads raw_things; only staging models read raw tables", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staging_model_may_read_only_declared_raw_tables()
    {
        // Given a staging model reading a raw table sources.yaml does not declare
        using var dir = new TestFiles.TempFolder();
        dir.Write("sources.yaml", Sources);
        dir.Write("staging/stg_other.sql", "-- raw_things in a comment is no read\nselect id from raw_other");
        dir.Write("staging/stg_other.yaml", Yaml);

        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Discover(dir.Path));

        Assert.Contains("reads raw_other, not declared in sources.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_settings_come_from_the_yaml_and_unpublished_models_stay_in_the_warehouse()
    {
        // Given a published fact with order and partitions, a published dimension, an unpublished intermediate model
        // and a table a stage writes, declared by YAML alone
        using var dir = new TestFiles.TempFolder();
        dir.Write("marts/fct_events.sql", "select 1 as event_id, date '2025-01-01' as event_date");
        dir.Write("marts/fct_events.yaml", "grain: one row per event\npublish:\n  order_by: [event_id]\n  partition_by: year(event_date)\n  file_by: month(event_date)\n");
        dir.Write("marts/dim_things.sql", "select 1 as id");
        dir.Write("marts/dim_things.yaml", "grain: one row per thing\npublish: true\n");
        dir.Write("intermediate/int_hidden.sql", "select 1 as id");
        dir.Write("intermediate/int_hidden.yaml", Yaml);
        dir.Write("calibration/capacity_things.yaml", "grain: one row per thing\nwritten_by: calibrate\npublish: true\n");

        // When the published tables are read from the folder
        var tables = PublishedTables.For(dir.Path);

        // Then they come in name order with their settings, the intermediate model left out
        Assert.Equal(["capacity_things", "dim_things", "fct_events"], tables.Select(t => t.Name));
        Assert.Equal(new PublishedTable("fct_events", "event_id", "year(event_date)", "month(event_date)"), tables[2] with { Spec = null });
        Assert.Equal("month(event_date)", tables[2].Unit);
        Assert.Equal("all", tables[1].OrderBy);
        Assert.Equal("calibrate", tables[0].Spec!.WrittenBy);
    }

    [Fact]
    public void Files_by_a_value_need_partition_folders_to_split()
    {
        using var dir = new TestFiles.TempFolder();
        dir.Write("marts/fct_events.sql", "select 1 as event_id, date '2025-01-01' as event_date");
        dir.Write("marts/fct_events.yaml", "grain: one row per event\npublish:\n  order_by: [event_id]\n  file_by: month(event_date)\n");

        var ex = Assert.Throws<SqlModelDefinitionException>(() => PublishedTables.For(dir.Path));

        Assert.Contains("fct_events.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("file_by splits a partition folder into files: it needs partition_by", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_without_sql_must_name_the_stage_that_writes_the_table()
    {
        using var dir = new TestFiles.TempFolder();
        var path = dir.Write("calibration/capacity_orphan.yaml", "grain: one row\npublish: true\n");

        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Declared(dir.Path));

        Assert.StartsWith($"{path}: no capacity_orphan.sql beside it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_sql_layer_publishes_the_star_schema_the_docs_list()
    {
        var names = PublishedTables.For(TestFiles.RepoFile("sql")).Select(t => t.Name).ToList();

        // The published names are the BI contract (docs/published-tables.md): a change here is a breaking change.
        Assert.Equal(
            ["capacity_backtest", "capacity_calibrated", "capacity_drift", "capacity_fit_quality", "capacity_headcount_plan", "capacity_hiring_plan",
             "capacity_hiring_projection", "capacity_lane_recommendation", "capacity_lane_summary", "capacity_planned", "capacity_rebalance",
             "capacity_rebalance_load", "capacity_recommendation",
             "capacity_scenario", "capacity_touchpoint", "dim_account", "dim_csm", "dim_date", "dim_segment", "fct_account_health",
             "fct_account_month", "fct_activity", "fct_alert_backtest", "fct_csm_week", "fct_early_warning", "fct_indicator_rollup",
             "pipeline_run"],
            names);
        foreach (var name in names)
        {
            Assert.Contains($"`{name}`", File.ReadAllText(TestFiles.RepoFile("docs/published-tables.md")), StringComparison.Ordinal);
        }
    }
}
