using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Tests.Stages.Ingest;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.SqlModels;

public class IncrementalBuildTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 31);

    [Fact]
    public void Only_the_affected_partitions_are_rebuilt_and_the_others_kept_as_they_were()
    {
        // Given a model doubling a value per day, declared incremental by day over the 'things' changes, built once
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_days.sql", "select day, value * 2 as doubled from things");
        WriteByDay(dir, "m_days");
        using var w = new TestWarehouse();
        var first = FirstBuild(w, dir.Path, "(date '2025-03-01', 10), (date '2025-03-02', 20), (date '2025-03-03', 30)");
        Assert.Equal("no earlier build to start from", first.FullReason);

        // When days 2 and 3 change in the source but ingest_change lists only day 2
        var second = Rebuild(w, dir.Path, "update things set value = value + 1 where day >= date '2025-03-02'", "2025-03-02");

        // Then one partition was rebuilt: day 2 is 21 * 2 = 42, day 3 keeps its old 30 * 2 = 60 (a full build gives 62),
        // day 1 stays 10 * 2 = 20; and the change log is empty
        Assert.Null(second.FullReason);
        Assert.Equal((ModelBuild.Partitions, 1L, 3L), second.Models.Select(m => (m.How, m.Partitions, m.Rows)).Single());
        Assert.Equal([20.0, 42.0, 60.0], w.Rows("select doubled from m_days order by day").Select(r => Convert.ToDouble(r["doubled"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0.0, w.Number("select count(*) from ingest_change"));

        // and with nothing changed the table is kept and its tests are not run again
        var third = SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);
        Assert.Equal(ModelBuild.Kept, third.Models.Single().How);
    }

    [Fact]
    public void A_partial_build_tests_the_rebuilt_partitions_alone_where_only_they_can_fail()
    {
        // Given a model of things per day with a not_null, a unique key holding the day, a unique column without it and
        // an expression, built once (every test passes)
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_days.sql", "select day, code, value from things");
        dir.Write("m_days.yaml", """
            grain: one row per day and code
            key: [day, code]
            incremental:
              partition_by: day
              affected: select day from ingest_change where entity = 'things'
            columns:
              - name: value
                tests: [not_null]
            tests:
              - unique: [day, code]
              - unique: [value]
              - expression: value > 0
            """);
        using var w = new TestWarehouse();
        w.Connection.Execute("create table things as select * from (values (date '2025-03-01', 'a', 1), (date '2025-03-02', 'a', 2)) t(day, code, value)");
        IngestChangeLog.EnsureExists(w.Connection);
        SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);

        // When bad rows appear in the table's kept day 1 (edited by hand, as no build could leave them: a null, two -5s)
        // and day 2 changes
        w.Connection.Execute("insert into m_days values (date '2025-03-01', 'b', null), (date '2025-03-01', 'c', -5), (date '2025-03-01', 'd', -5)");
        w.Connection.Execute("update things set value = 3 where day = date '2025-03-02'");
        w.Connection.Execute("insert into ingest_change values ('things', null, null, date '2025-03-02')");
        var partial = SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);

        // Then the tests that only rebuilt rows can fail looked at day 2 alone and passed; unique(value), which does not
        // hold the partition column, looked at the rows sharing the rebuilt row's value (3: itself alone) and passed too
        Assert.Equal(ModelBuild.Partitions, partial.Models.Single().How);
        Assert.Equal(4, partial.TestsPassed);

        // And a bad row in a rebuilt day still fails the build
        w.Connection.Execute("insert into things values (date '2025-03-02', 'b', null)");
        w.Connection.Execute("insert into ingest_change values ('things', null, null, date '2025-03-02')");
        var failed = Assert.Throws<SqlModelTestFailedException>(() => SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true));
        Assert.Contains(failed.Failures, f => f.Test == "not_null(value)" && f.FailingRows == 1);


        // while a full build sees the hand-made rows of day 1
        var full = Assert.Throws<SqlModelTestFailedException>(() => SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: false));
        Assert.Contains(full.Failures, f => f.Test == "not_null(value)");

        // And a rebuilt row whose value a kept row holds fails unique(value)
        w.Connection.Execute("delete from things where code = 'b'");
        w.Connection.Execute("update things set value = 1 where day = date '2025-03-02'");
        var duplicate = Assert.Throws<SqlModelTestFailedException>(() => SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true));
        Assert.Equal([("unique(value)", 1L, "(1)")], duplicate.Failures.Select(f => (f.Test, f.FailingRows, string.Join(" ", f.SampleKeys))));
    }

    [Fact]
    public void An_onward_model_rebuilds_every_partition_from_the_earliest_affected_one_and_reads_them_in_transform_partitions()
    {
        // Given a running maximum per day (a value carried forward), declared onward, built once over days 1 to 4
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_running.sql", """
            select day, running, (select count(*) from transform_partitions) as partitions_read
            from (select day, max(value) over (order by day) as running from things)
            """);
        dir.Write("m_running.yaml", """
            grain: one row per day
            incremental:
              partition_by: day
              onward: true
              affected: select day from ingest_change where entity = 'things'
            """);
        using var w = new TestWarehouse();
        FirstBuild(w, dir.Path, "(date '2025-03-01', 1), (date '2025-03-02', 2), (date '2025-03-03', 3), (date '2025-03-04', 4)");

        // When day 2 becomes 10
        var build = Rebuild(w, dir.Path, "update things set value = 10 where day = date '2025-03-02'", "2025-03-02");

        // Then days 2, 3 and 4 were rebuilt (their running maximum is 10 now), day 1 kept; the SQL saw the 3 partitions
        // it rebuilt, and a full build saw none
        Assert.Equal((ModelBuild.Partitions, 3L), build.Models.Select(m => (m.How, m.Partitions)).Single());
        Assert.Equal(["1 0", "10 3", "10 3", "10 3"], w.Rows("select running, partitions_read from m_running order by day")
            .Select(r => FormattableString.Invariant($"{r["running"]} {r["partitions_read"]}")));
    }

    [Fact]
    public void A_changed_upstream_table_with_the_partition_column_rebuilds_the_partitions_of_its_changed_rows()
    {
        // Given a calendar model (rebuilt in full) and a model partitioned by day that reads it, built once
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_calendar.sql", "select day, open from settings");
        dir.Write("m_calendar.yaml", "grain: one row per day\n");
        dir.Write("m_days.sql", "select things.day, things.value * m_calendar.open as counted from things join m_calendar using (day)");
        WriteByDay(dir, "m_days");
        using var w = new TestWarehouse();
        w.Connection.Execute("create table settings as select * from (values (date '2025-03-01', 1), (date '2025-03-02', 1), (date '2025-03-03', 1)) t(day, open)");
        FirstBuild(w, dir.Path, "(date '2025-03-01', 5), (date '2025-03-02', 6), (date '2025-03-03', 7)");

        // When the calendar closes day 3 and nothing is ingested
        var build = Rebuild(w, dir.Path, "update settings set open = 0 where day = date '2025-03-03'");

        // Then the calendar was rebuilt in full, and of m_days only day 3 (the day of the calendar's changed rows)
        var how = build.Models.ToDictionary(m => m.Name, m => (m.How, m.Partitions));
        Assert.Equal(ModelBuild.Full, how["m_calendar"].How);
        Assert.Equal((ModelBuild.Partitions, 1L), how["m_days"]);
        Assert.Equal([5.0, 6.0, 0.0], w.Rows("select counted from m_days order by day").Select(r => Convert.ToDouble(r["counted"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_model_partitioned_like_an_incremental_upstream_one_rebuilds_the_partitions_it_rebuilt()
    {
        // Given a per-day model over the changes, and a per-day total of it with no affected select of its own
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_days.sql", "select day, value * 2 as doubled from things");
        dir.Write("m_days.yaml", "grain: one row per day\nincremental:\n  partition_by: day\n  affected: select day from ingest_change\n");
        dir.Write("m_totals.sql", "select day, cast(sum(doubled) + 1 as double) as total from m_days group by day");
        dir.Write("m_totals.yaml", "grain: one row per day\nincremental:\n  partition_by: day\n  affected: select cast(null as date) where false\n");
        using var w = new TestWarehouse();
        FirstBuild(w, dir.Path, "(date '2025-03-01', 10), (date '2025-03-02', 20)");

        // When day 2 changes
        var build = Rebuild(w, dir.Path, "update things set value = 25 where day = date '2025-03-02'", "2025-03-02");

        // Then both rebuilt day 2 alone: 25 * 2 + 1 = 51, day 1 kept at 10 * 2 + 1 = 21
        Assert.Equal([(ModelBuild.Partitions, 1L), (ModelBuild.Partitions, 1L)], build.Models.Select(m => (m.How, m.Partitions)));
        Assert.Equal([21.0, 51.0], w.Rows("select total from m_totals order by day").Select(r => Convert.ToDouble(r["total"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_model_none_of_whose_tables_changed_is_kept_without_a_rebuild()
    {
        // Given models over two raw tables, one over another model, one over run_context and one over a plain table
        using var dir = new TestFiles.TempFolder();
        dir.Write("sources.yaml", "sources:\n  - name: raw_things\n    columns: [x]\n  - name: raw_other\n    columns: [x]\n");
        dir.Write("staging/m_things.sql", "select count(*) as n from raw_things");
        dir.Write("staging/m_other.sql", "select count(*) as n from raw_other");
        dir.Write("marts/m_over_other.sql", "select n + 1 as n from m_other");
        dir.Write("marts/m_context.sql", "select as_of from run_context");
        dir.Write("marts/m_settings.sql", "select count(*) as n from settings");
        foreach (var name in new[] { "staging/m_things", "staging/m_other", "marts/m_over_other", "marts/m_context", "marts/m_settings" })
        {
            dir.Write(name + ".yaml", "grain: one row\n");
        }
        using var w = new TestWarehouse();
        w.Connection.Execute("create table raw_things as select 1 as x");
        w.Connection.Execute("create table raw_other as select 1 as x");
        w.Connection.Execute("create table settings as select 1 as x");
        // an activity fixes the data start (without one it follows the as-of date, and a moved one rebuilds everything)
        w.Connection.Execute("insert into raw_activities (activity_id, occurred_at) values ('A-1', timestamptz '2025-01-06 10:00:00+00')");
        IngestChangeLog.EnsureExists(w.Connection);
        SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);

        // When ingest changed rows of 'things' only, at the same as-of date
        var build = Rebuild(w, dir.Path, "insert into raw_things values (2)", "2025-03-02");

        // Then what reads raw_things and the plain table (which ingest does not account for) is rebuilt, the rest kept
        var how = build.Models.ToDictionary(m => m.Name, m => m.How);
        Assert.Equal(ModelBuild.Full, how["m_things"]);
        Assert.Equal(ModelBuild.Full, how["m_settings"]);
        Assert.Equal(ModelBuild.Kept, how["m_other"]);
        Assert.Equal(ModelBuild.Kept, how["m_over_other"]);
        Assert.Equal(ModelBuild.Kept, how["m_context"]);
        Assert.Equal(2.0, w.Number("select n from m_things"));

        // and a moved as-of date rebuilds what reads run_context
        var moved = SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf.AddDays(1), incremental: true);
        Assert.Equal(ModelBuild.Full, moved.Models.Single(m => m.Name == "m_context").How);
        Assert.Equal(ModelBuild.Kept, moved.Models.Single(m => m.Name == "m_other").How);
    }

    [Theory]
    [InlineData(null, "the warehouse does not record ingest changes (ingest_change)")]
    [InlineData("*", "a full ingest")]
    public void Without_a_change_log_or_after_a_full_ingest_everything_is_rebuilt(string? entity, string reason)
    {
        // Given a model built once incrementally
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_days.sql", "select day from things");
        dir.Write("m_days.yaml", "grain: one row per day\nincremental:\n  partition_by: day\n  affected: select day from ingest_change\n");
        using var w = new TestWarehouse();
        w.Connection.Execute("create table things as select date '2025-03-01' as day");
        SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);

        // When there is no ingest_change table, or it says everything changed
        if (entity is not null)
        {
            IngestChangeLog.EnsureExists(w.Connection);
            w.Connection.Execute("insert into ingest_change values ($1, null, null, null)", entity);
        }
        var again = SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);

        // Then the build is full and says why
        Assert.Equal(reason, again.FullReason);
        Assert.Equal(ModelBuild.Full, again.Models.Single().How);
    }

    [Fact]
    public void Incremental_needs_a_partition_column_and_an_affected_select()
    {
        // Given a model whose incremental block has no affected select
        using var dir = new TestFiles.TempFolder();
        dir.Write("m_days.sql", "select 1 as day");
        var yaml = dir.Write("m_days.yaml", "grain: one row\nincremental:\n  partition_by: day\n");

        // When the catalog reads it, then the error names the file, the line and what to add
        var ex = Assert.Throws<SqlModelDefinitionException>(() => SqlModelCatalog.Discover(dir.Path));
        Assert.Equal($"{yaml}:3: incremental needs affected: a select of the partition values to rebuild.", ex.Message);
    }

    [Fact]
    public void The_early_warning_walk_of_a_new_week_starts_from_the_state_its_last_kept_week_carries()
    {
        // Given the repository's int_ew_signal over hand-built weekly values of one indicator (rule: a drop of 10 points),
        // with a window of 1 week, a baseline of the last 3 values (2 at least), 2 breaches to open and 2 recovered
        // weeks (drop <= 0.5 x 10) to close. Five weeks, worked out by hand:
        //   P 100 100 100 100  50: week 5 breaches (baseline 100) -> pending, 1 breach in a row
        //   R 100 100  50  50 100: week 3 pending, week 4 open (baseline frozen at 100), week 5 recovered once, still open
        //   E 100 100  50 100 100: week 3 pending (episode 1), week 4 no breach -> idle, week 5 idle
        using var dir = new TestFiles.TempFolder();
        foreach (var file in new[] { "int_ew_signal.sql", "int_ew_signal.yaml" })
        {
            dir.Write(file, File.ReadAllText(TestFiles.RepoFile(Path.Combine("sql", "intermediate", file))));
        }
        foreach (var macros in SqlModelCatalog.MacroFiles(TestFiles.RepoFile("sql")))
        {
            dir.Write(Path.Combine(SqlModelCatalog.MacroFolder, Path.GetFileName(macros)), File.ReadAllText(macros));
        }
        dir.Write("int_ew_series.sql", "select indicator, level, key, week_start, week_no, indicator_value from ew_values");
        dir.Write("int_ew_series.yaml", "grain: one row per indicator per level per key per ISO week\n");
        dir.Write("int_ew_rules.sql", "select 'x' as indicator, 10.0::double as drop_points, null::double as drop_sd");
        dir.Write("int_ew_rules.yaml", "grain: one row per indicator\n");
        using var w = new TestWarehouse();
        var rules = w.Model.EarlyWarning;
        (rules.WindowWeeks, rules.BaselineWeeks, rules.MinBaselineWeeks, rules.PersistWeeks, rules.RecoveryWeeks, rules.RecoveryBand) = (1, 3, 2, 2, 2, 0.5);
        var weeks = new Dictionary<string, double[]>
        {
            ["P"] = [100, 100, 100, 100, 50, 50],
            ["R"] = [100, 100, 50, 50, 100, 100],
            ["E"] = [100, 100, 50, 100, 100, 50],
        };
        string Values(int from, int to) => string.Join(", ", weeks.SelectMany(series => Enumerable.Range(from, to - from + 1).Select(week =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"('x', 'csm', '{series.Key}', date '2025-01-06' + {7 * (week - 1)}, {week}, {series.Value[week - 1]})"))));
        w.Connection.Execute($"create table ew_values as select * from (values {Values(1, 5)}) t(indicator, level, key, week_start, week_no, indicator_value)");
        IngestChangeLog.EnsureExists(w.Connection);
        SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);
        Assert.Equal([["E", "idle", "0", "0", "1"], ["P", "pending", "1", "0", "1"], ["R", "open", "0", "1", "1"]],
            w.Connection.Rows("select key, phase, walk_breach_run, walk_recovered_run, walk_episode_no from int_ew_signal where week_no = 5 order by key"));

        // When week 6 arrives (P 50, R 100, E 50)
        w.Connection.Execute($"insert into ew_values values {Values(6, 6)}");
        var build = SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf, incremental: true);

        // Then the walk covered week 6 alone, from the state of week 5: P breaches again against its frozen baseline ->
        // open; R recovers a second time -> closed; E breaches (baseline 100, 100, 100) -> pending, its second episode
        Assert.Equal((ModelBuild.Partitions, 1L), build.Models.Where(m => m.Name == "int_ew_signal").Select(m => (m.How, m.Partitions)).Single());
        Assert.Equal([["E", "pending", "2"], ["P", "open", "1"], ["R", "closed", "1"]],
            w.Connection.Rows("select key, phase, episode_no from int_ew_signal where week_no = 6 order by key"));
        // and the table is the one a full build of the six weeks gives
        w.Connection.Execute("create schema partial; create table partial.int_ew_signal as select * from int_ew_signal");
        SqlModelRunner.Build(w.Connection, dir.Path, w.Model, AsOf);
        Assert.True(SameTable.In(w.Connection, "main", "partial", "int_ew_signal"));
    }

    /// <summary>Fills <c>things(day, value)</c> with <paramref name="rows"/> and builds the folder's models once, incrementally.</summary>
    private static SqlModelBuildResult FirstBuild(TestWarehouse w, string folder, string rows)
    {
        w.Connection.Execute($"create table things as select * from (values {rows}) t(day, value)");
        IngestChangeLog.EnsureExists(w.Connection);
        return SqlModelRunner.Build(w.Connection, folder, w.Model, AsOf, incremental: true);
    }

    /// <summary>The YAML of a model incremental by day over the changes of <c>things</c>.</summary>
    private static void WriteByDay(TestFiles.TempFolder dir, string name) => dir.Write(name + ".yaml", """
        grain: one row per day
        incremental:
          partition_by: day
          affected: select day from ingest_change where entity = 'things'
        """);

    /// <summary>Changes <c>things</c>, records the changed days as ingest would, and builds again incrementally.</summary>
    private static SqlModelBuildResult Rebuild(TestWarehouse w, string folder, string change, params string[] changedDays)
    {
        if (change.Length > 0) w.Connection.Execute(change);
        foreach (var day in changedDays) w.Connection.Execute($"insert into ingest_change values ('things', null, null, date '{day}')");
        return SqlModelRunner.Build(w.Connection, folder, w.Model, AsOf, incremental: true);
    }
}
