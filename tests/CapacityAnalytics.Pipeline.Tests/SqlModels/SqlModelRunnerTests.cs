using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.SqlModels;

public class SqlModelRunnerTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 31);

    [Fact]
    public void Models_are_built_as_tables_with_row_counts_in_dependency_order()
    {
        // Given two models, the second reading the first
        using var dir = new TestFiles.TempFolder();
        dir.Write("b_source.sql", "select * from (values ('k1'), ('k2')) as t(id)");
        dir.Write("b_source.yaml", "grain: one row per id\nkey: [id]\ncolumns:\n  - name: id\n    description: Id.\n    tests: [unique, not_null]\n");
        dir.Write("a_reader.sql", "select id, (select as_of from run_context) as as_of from b_source;");
        dir.Write("a_reader.yaml", "grain: one row per id\ntests:\n  - expression: as_of = date '2025-03-31'\n");
        using var w = new TestWarehouse();

        // When they are built
        var result = w.Build(AsOf, dir.Path);

        // Then both are tables, built in order, and their three tests passed
        Assert.Equal([("b_source", 2L), ("a_reader", 2L)], result.Models.Select(m => (m.Name, m.Rows)));
        Assert.Equal(3, result.TestsPassed);
        Assert.Equal(AsOf, result.AsOf);
        Assert.Equal(2.0, w.Number("select count(*) from a_reader"));
    }

    [Theory]
    [InlineData("tests: [unique]", "m_keys: unique(id) fails on 1 row(s), e.g. (k2)")]
    [InlineData("tests: [not_null]", "m_keys: not_null(id) fails on 1 row(s), e.g. (null)")]
    [InlineData("tests: [{ accepted_values: { values: [k1, k2] } }]", "m_keys: accepted_values(id in [k1, k2]) fails on 1 row(s), e.g. (k3)")]
    [InlineData("tests: [{ relationships: { to: m_parent, field: id } }]", "m_keys: relationships(id -> m_parent.id) fails on 3 row(s), e.g. (k2); (k2); (k3)")]
    public void A_failing_column_test_names_the_model_the_test_and_a_sample_of_failing_keys(string tests, string expected)
    {
        // Given a model with ids k1, k2, k2, k3 and null, and a parent holding only k1
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_parent.sql", "select 'k1' as id");
        dir.Write("m_parent.yaml", "grain: one row\n");
        dir.Write("m_keys.sql", "select * from (values ('k1'), ('k2'), ('k2'), ('k3'), (null)) as t(id)");
        dir.Write("m_keys.yaml", $"grain: one row per id\ncolumns:\n  - name: id\n    description: Id.\n    {tests}\n");
        using var w = new TestWarehouse();

        // When the models are built
        var ex = Assert.Throws<SqlModelTestFailedException>(() => w.Build(AsOf, dir.Path));

        // Then the one-line message names the model, the test and failing keys
        Assert.Equal("Model test failed: " + expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_failing_invariant_names_the_keys_and_rolls_the_build_back()
    {
        // Given a model whose hours do not add up for one key
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_hours.sql", "select * from (values ('c1', 1.0, 2.0, 3.0), ('c2', 1.0, 1.0, 3.0)) as t(csm_id, proactive_hours, reactive_hours, customer_hours)");
        dir.Write("m_hours.yaml", "grain: one row per CSM\nkey: [csm_id]\ntests:\n  - expression: abs(proactive_hours + reactive_hours - customer_hours) < 1e-9\n");
        using var w = new TestWarehouse();

        // When it is built
        var ex = Assert.Throws<SqlModelTestFailedException>(() => w.Build(AsOf, dir.Path));

        // Then the message names model, invariant and key, and no table of the failed build remains
        Assert.Equal("Model test failed: m_hours: expression 'abs(proactive_hours + reactive_hours - customer_hours) < 1e-9' fails on 1 row(s), e.g. (c2)", ex.Message);
        Assert.Equal(0.0, w.Number("select count(*) from duckdb_tables() where table_name in ('m_hours', 'run_context')"));
    }

    [Fact]
    public void Tests_counted_together_report_each_failure_under_its_own_test_and_one_that_cannot_run_is_named()
    {
        // Given a model of the values 1, 2 and 3 with 60 tests "value <> i" for i = 1..60: the tests of 1, 2 and 3 fail
        // once each, whichever batch they are counted in
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_values.sql", "select * from (values (1), (2), (3)) as t(value)");
        var tests = string.Concat(Enumerable.Range(1, 60).Select(i => $"  - expression: value <> {i}\n"));
        dir.Write("m_values.yaml", "grain: one row per value\ntests:\n" + tests);
        using var w = new TestWarehouse();

        // When it is built
        var failed = Assert.Throws<SqlModelTestFailedException>(() => w.Build(AsOf, dir.Path));

        // Then exactly those three tests fail, one row each
        Assert.Equal(["expression 'value <> 1': 1", "expression 'value <> 2': 1", "expression 'value <> 3': 1"],
            failed.Failures.Select(f => $"{f.Test}: {f.FailingRows}"));

        // And a test that cannot run (among the 60, in the second batch) is an error naming its file and the test
        dir.Write("m_values.yaml", "grain: one row per value\ntests:\n" + tests + "  - expression: no_such_column > 0\n");
        var broken = Assert.Throws<SqlModelDefinitionException>(() => w.Build(AsOf, dir.Path));
        Assert.StartsWith(Path.Combine(dir.Path, "m_values.sql") + ": test expression 'no_such_column > 0' of m_values cannot run: ", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_does_not_compile_is_an_error_naming_its_file()
    {
        // Given a model reading a column that does not exist
        using var dir = new TestFiles.TempFolder();
        var sql = dir.Write("m_broken.sql", "select no_such_column from run_context");
        dir.Write("m_broken.yaml", "grain: one row\n");
        using var w = new TestWarehouse();

        // When it is built
        var ex = Assert.Throws<SqlModelDefinitionException>(() => w.Build(AsOf, dir.Path));

        // Then the error names the file and the model
        Assert.StartsWith($"{sql}: model m_broken failed to build:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_file_is_loaded_into_parameter_tables_and_the_as_of_date_defaults_to_the_latest_activity()
    {
        // Given activities on two dates and no as-of date
        using var dir = new TestFiles.TempFolder();
        using var w = new TestWarehouse();
        w.Add("activities", new { activity_id = "x1", csm_id = "c1", type = "admin", occurred_at = new DateTime(2025, 2, 3, 23, 30, 0) });
        w.Add("activities", new { activity_id = "x2", csm_id = "c1", type = "admin", occurred_at = new DateTime(2025, 1, 6, 9, 0, 0) });

        // When an empty model folder is built
        var result = w.Build(null, dir.Path);

        // Then as_of is the latest activity's UTC date and the catalog is in tables (qbr, enterprise: 60 + 60 prep)
        Assert.Equal(new DateOnly(2025, 2, 3), result.AsOf);
        Assert.Equal(new DateOnly(2025, 1, 6), w.Scalar("select data_start from run_context"));
        Assert.Equal(120.0, w.Number("select standard_minutes + prep_minutes from model_activity_type where type = 'qbr' and segment = 'enterprise'"));
        Assert.Equal("reactive", w.Scalar("select inbound_class from model_activity_type where type = 'email' and segment = 'smb'"));
        Assert.Equal("qbr", w.Scalar("select type from model_type_map where vendor_type = 'quarterly business review'"));
        Assert.Equal(90.0, w.Number("select renewal_horizon_days from model_workload"));
        Assert.Equal(2.0, w.Number("select count(*) from model_ew_rule"));
        Assert.Equal(3.0, w.Number("select qbr_every_months from model_segment where name = 'enterprise'"));
    }
}
