using System.Globalization;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Stages.Transform;
using CapacityAnalytics.Pipeline.Tests.Operations;
using CapacityAnalytics.Pipeline.Tests.Support;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Transform;

public class IncrementalTransformTests
{
    private static readonly string[] Stages = ["ingest", "transform"];

    [Fact]
    public void An_append_with_a_new_day_back_filled_and_corrected_rows_builds_the_same_tables_as_a_full_rebuild()
    {
        // Given the sample company, with a usage_events export of its first usage day, ingested and transformed
        using var incremental = new PipelineHarness();
        WriteFirstUsageEvents(incremental.Extracts);
        incremental.Run(Stages);
        var last = DateOnly.Parse(incremental.Strings("select max(cast(timezone('UTC', occurred_at) as date))::varchar from raw_activities")[0], CultureInfo.InvariantCulture);

        // When new files bring a new day, back-filled rows (new ids, weeks in the past) and corrected rows (loaded ids
        // with another account, CSM, duration or date), for activities, tickets, usage and health scores, and the new
        // day's usage events
        AddChanges(incremental.Extracts, last);
        var second = incremental.Run(Stages);

        // Then the files were appended and the transform rebuilt only partitions of its incremental models
        var ingest = second.Stages.Single(s => s.Stage == "ingest");
        Assert.Contains(ingest.Details, d => d.StartsWith("appended 5 new files", StringComparison.Ordinal));
        var build = second.Stage<TransformStageResult>()!.Build;
        Assert.Null(build.FullReason);
        var how = build.Models.ToDictionary(m => m.Name, m => (m.How, m.Partitions));
        // activity days: the new day, two back-filled days, the corrected rows' days (old and new), plus the as-of day
        Assert.Equal(ModelBuild.Partitions, how["stg_activities"].How);
        Assert.Equal(ModelBuild.Partitions, how["fct_activity"].How);
        Assert.Equal(ModelBuild.Partitions, how["stg_tickets"].How);
        Assert.Equal(ModelBuild.Partitions, how["int_tickets_timed"].How);
        Assert.Equal(ModelBuild.Partitions, how["stg_usage_daily"].How);
        Assert.Equal(ModelBuild.Partitions, how["stg_health_scores"].How);
        // (ownership reads accounts and account history, which no file changed: kept without a rebuild)
        Assert.Equal(ModelBuild.Kept, how["int_account_ownership"].How);
        // account weeks: from the earliest back-filled week onward (the new as-of date moved the calendar's last week too)
        Assert.Equal(ModelBuild.Partitions, how["int_account_weeks"].How);
        Assert.Equal(ModelBuild.Full, how["int_calendar_weeks"].How);
        // and the weekly roll-ups: the weeks of those changes
        Assert.Equal(ModelBuild.Partitions, how["int_rollup_book"].How);
        Assert.Equal(ModelBuild.Partitions, how["int_rollup_hours"].How);
        Assert.Equal(ModelBuild.Partitions, how["int_rollup_tickets"].How);
        // and the account-months from the earliest changed month on
        Assert.Equal(ModelBuild.Partitions, how["fct_account_month"].How);
        // and the early-warning walk from the earliest week whose indicator values changed on, each series starting
        // from the state its last kept week carries
        Assert.Equal(ModelBuild.Partitions, how["int_ew_signal"].How);
        Assert.Contains(second.Stage<TransformStageResult>()!.Details, d => d.StartsWith("incremental: 12 models over ", StringComparison.Ordinal));

        // and a fresh warehouse built from scratch on the same files holds exactly the same rows in every model table
        using var connection = AssertSameAsFullBuild(incremental);
        // (the changes did reach the marts: the corrected duration and the new day)
        Assert.Equal(999.0, Number(connection, "select duration_minutes from fct_activity where activity_id = 'ACT-00000030'"));
        Assert.Equal(3.0, Number(connection, $"select count(*) from fct_activity where activity_date = date '{last.AddDays(1):yyyy-MM-dd}'"));
        // (and the usage events of the day after: no usage_daily row that day, so their 2 users and 3 events show)
        Assert.Equal(3.0, Number(connection, $"select events from stg_usage_daily where account_id = 'ACC-00002' and usage_date = date '{last.AddDays(2):yyyy-MM-dd}'"));
    }

    [Fact]
    public void A_moved_as_of_date_rebuilds_the_days_its_filter_now_keeps_and_gives_the_same_tables_as_a_full_rebuild()
    {
        // Given the sample company transformed as of 12 days before its last activity
        using var incremental = new PipelineHarness();
        WriteFirstUsageEvents(incremental.Extracts);
        var last = DateOnly.Parse(LastActivityDay(incremental.Extracts), CultureInfo.InvariantCulture);
        SetAsOf(incremental, last.AddDays(-12));
        incremental.Run(Stages);

        // When changes are appended and the as-of date moves 10 days on: rows already loaded in those days enter the
        // marts although ingest did not change them
        AddChanges(incremental.Extracts, last);
        SetAsOf(incremental, last.AddDays(-2));
        var second = incremental.Run(Stages);

        // Then the build was incremental and equals a full build as of the same date
        var build = second.Stage<TransformStageResult>()!.Build;
        Assert.Null(build.FullReason);
        Assert.Equal(ModelBuild.Partitions, build.Models.Single(m => m.Name == "fct_activity").How);
        using var connection = AssertSameAsFullBuild(incremental);
        Assert.Equal(0.0, Number(connection, $"select count(*) from fct_activity where activity_date > date '{last.AddDays(-2):yyyy-MM-dd}'"));
    }

    [Fact]
    public void The_weeks_rebuilt_from_a_new_day_carry_forward_a_health_score_and_touches_older_than_the_weeks_they_read()
    {
        // Given the sample company where ACC-00003's last health score and last activities are more than 90 days old
        // (a partial build of int_account_weeks reads the 8 weeks before the first week it rebuilds; what is older comes
        // from what it carries in)
        using var incremental = new PipelineHarness();
        WriteFirstUsageEvents(incremental.Extracts);
        var last = DateOnly.Parse(LastActivityDay(incremental.Extracts), CultureInfo.InvariantCulture);
        var cutoff = last.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool Recent(string line, int dateColumn) =>
            line.StartsWith("ACC-00003,", StringComparison.Ordinal) || line.Split(',')[1] == "ACC-00003"
                ? string.CompareOrdinal(line.Split(',')[dateColumn][..10], cutoff) >= 0
                : false;
        var scores = Path.Combine(incremental.Extracts, "health_scores.csv");
        File.WriteAllLines(scores, File.ReadAllLines(scores).Where((l, i) => i == 0 || !Recent(l, 1)));
        var activities = Path.Combine(incremental.Extracts, "activities.csv");
        File.WriteAllLines(activities, File.ReadAllLines(activities).Where((l, i) => i == 0 || !Recent(l, 4)));
        incremental.Run(Stages);
        var carried = incremental.Strings("select count(*)::varchar from int_account_weeks where account_id = 'ACC-00003' and health_score is not null and last_contact_date is not null")[0];

        // When one new day arrives (an activity of another account)
        File.WriteAllLines(Path.Combine(incremental.Extracts, $"activities_{last.AddDays(1):yyyy-MM-dd}.csv"),
        [
            File.ReadLines(activities).First(),
            $"ACT-N0000001,ACC-00001,CSM-001,email,{last.AddDays(1):yyyy-MM-dd}T09:00:00Z,15,outbound,New day",
        ]);
        var second = incremental.Run(Stages);

        // Then int_account_weeks was rebuilt from the new day's week on, and equals a full build: ACC-00003 keeps its
        // old score and last contact in the rebuilt weeks
        var build = second.Stage<TransformStageResult>()!.Build;
        Assert.Equal(ModelBuild.Partitions, build.Models.Single(m => m.Name == "int_account_weeks").How);
        Assert.NotEqual("0", carried);
        using var connection = AssertSameAsFullBuild(incremental);
        Assert.Equal(0.0, Number(connection, $"""
            select count(*) from int_account_weeks
            where account_id = 'ACC-00003' and week_start >= date '{last.AddDays(-30):yyyy-MM-dd}' and (health_score is null or last_contact_date is null)
            """));
    }

    /// <summary>A usage_events export of the company's first usage day (two events), so a later one can be appended.</summary>
    private static void WriteFirstUsageEvents(string extracts)
    {
        var day = File.ReadLines(Path.Combine(extracts, "usage_daily.csv")).Skip(1).First().Split(',')[1];
        File.WriteAllLines(Path.Combine(extracts, "usage_events.csv"),
            ["account_id,user_id,occurred_at,event", $"ACC-00003,U-1,{day}T09:00:00Z,login", $"ACC-00003,U-2,{day}T10:00:00Z,login"]);
    }

    private static void SetAsOf(PipelineHarness harness, DateOnly asOf)
    {
        harness.Config.AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        harness.Config.AsOfSource = "the test";
    }

    /// <summary>The last UTC day of the sample company's activities.</summary>
    private static string LastActivityDay(string extracts) =>
        File.ReadLines(Path.Combine(extracts, "activities.csv")).Skip(1).Select(l => l.Split(',')[4][..10]).Max(StringComparer.Ordinal)!;

    /// <summary>
    /// Builds the same files from scratch in a fresh warehouse (same as-of setting) and asserts that every model table
    /// holds the same rows; returns a connection to the incremental warehouse with the fresh one attached as scratch.
    /// </summary>
    private static DuckDBConnection AssertSameAsFullBuild(PipelineHarness incremental)
    {
        using var scratch = new PipelineHarness();
        foreach (var file in Directory.GetFiles(incremental.Extracts))
        {
            File.Copy(file, Path.Combine(scratch.Extracts, Path.GetFileName(file)), overwrite: true);
        }
        scratch.Config.AsOf = incremental.Config.AsOf;
        scratch.Config.AsOfSource = incremental.Config.AsOfSource;
        var fresh = scratch.Run(Stages);
        Assert.Equal("full build: no earlier build to start from", fresh.Stage<TransformStageResult>()!.Details[1]);
        var models = SqlModelCatalog.Discover(TestFiles.RepoFile("sql")).Select(m => m.Name).ToList();
        Assert.Equal(38, models.Count);
        var connection = incremental.Open();
        var columns = models.ToDictionary(m => m, m => connection.ColumnTypes(m));
        connection.Execute($"attach '{scratch.Config.WarehousePath}' as scratch (read_only)");
        var differences = models.Select(m => Difference(connection, m, columns[m])).Where(d => d is not null).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        connection.Execute("detach scratch");
        return connection;
    }

    [Fact]
    public void Another_transform_with_nothing_appended_keeps_the_incremental_tables_and_skips_their_tests()
    {
        // Given a transformed warehouse
        using var harness = new PipelineHarness();
        var first = harness.Run(Stages);
        Assert.Equal("full build: no earlier build to start from", first.Stage<TransformStageResult>()!.Details[1]);
        var before = harness.Checksums("transform_state");

        // When the transform runs again with no ingest in between
        var again = harness.Run("transform");

        // Then nothing any model reads changed: every table was kept as it was, none rebuilt
        var build = again.Stage<TransformStageResult>()!.Build;
        Assert.Equal(38, build.Models.Count(m => m.How == ModelBuild.Kept));
        Assert.Equal(0, build.Models.Count(m => m.How == ModelBuild.Partitions));
        Assert.StartsWith("incremental: 0 models over 0 partitions (), 38 kept", again.Stage<TransformStageResult>()!.Details[1], StringComparison.Ordinal);
        Assert.True(build.TestsPassed < first.Stage<TransformStageResult>()!.Build.TestsPassed);
        Assert.Equal(before, harness.Checksums("transform_state"));
    }

    /// <summary>
    /// Null when both warehouses hold the same rows (as multisets, except all both ways) in <paramref name="table"/>, else
    /// what differs. Doubles are compared rounded to 1e-6: a sum over rows stored in another order (the rebuilt
    /// partitions are appended at the table's end) may differ in its last bit, as two parallel full builds may; every
    /// other column is compared exactly.
    /// </summary>
    private static string? Difference(DuckDBConnection connection, string table, IReadOnlyList<(string Name, string Type)> types)
    {
        // Doubles (and lists of them, the early-warning walk's state) to 6 places: sums of an incremental build may
        // add in another order than a full one's and differ in the last bits.
        var columns = types.Select(c => c.Type switch
        {
            "DOUBLE" or "FLOAT" => $"round({Sql.Identifier(c.Name)}, 6) as {Sql.Identifier(c.Name)}",
            "DOUBLE[]" or "FLOAT[]" => $"list_transform({Sql.Identifier(c.Name)}, x -> round(x, 6)) as {Sql.Identifier(c.Name)}",
            _ => Sql.Identifier(c.Name),
        });
        var select = $"select {string.Join(", ", columns)} from";
        var here = $"{select} main.{table}";
        var there = $"{select} scratch.main.{table}";
        var onlyHere = Number(connection, $"select count(*) from ({here} except all {there})");
        var onlyThere = Number(connection, $"select count(*) from ({there} except all {here})");
        if (onlyHere == 0 && onlyThere == 0) return null;
        var example = connection.Scalar<string>($"select t::varchar from ({here} except all {there}) t order by all limit 1");
        return $"{table}: {onlyHere} rows only in the incremental build, {onlyThere} only in the full one, e.g. {example}";
    }

    private static double Number(DuckDBConnection connection, string sql) =>
        Convert.ToDouble(connection.Scalar<object>(sql), CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes activities_, tickets_, usage_daily_, usage_events_ and health_scores_ files named after the new day, which sort after
    /// the loaded files: a new day's rows, back-filled rows weeks in the past and corrected versions of loaded rows.
    /// </summary>
    private static void AddChanges(string extracts, DateOnly last)
    {
        var next = last.AddDays(1);
        var day = next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Back(int days) => last.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var activities = File.ReadAllLines(Path.Combine(extracts, "activities.csv"));
        string Activity(string id) => activities.First(l => l.StartsWith(id + ",", StringComparison.Ordinal));
        string[] Cells(string line) => line.Split(',');
        var movedAccount = Cells(Activity("ACT-00000010"));
        movedAccount[1] = movedAccount[1] == "ACC-00002" ? "ACC-00003" : "ACC-00002";
        var movedCsm = Cells(Activity("ACT-00000020"));
        movedCsm[2] = movedCsm[2] == "CSM-001" ? "CSM-002" : "CSM-001";
        var longer = Cells(Activity("ACT-00000030"));
        longer[5] = "999";
        var earlier = Cells(Activity("ACT-00000040"));
        earlier[4] = DateTimeOffset.Parse(earlier[4], CultureInfo.InvariantCulture).AddDays(-20).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        File.WriteAllLines(Path.Combine(extracts, $"activities_{day}.csv"),
        [
            activities[0],
            $"ACT-N0000001,ACC-00001,CSM-001,email,{day}T09:00:00Z,15,outbound,New day",
            $"ACT-N0000002,ACC-00050,CSM-002,qbr,{day}T10:00:00Z,,,New day",
            $"ACT-N0000003,,CSM-003,internal_meeting,{day}T11:00:00Z,30,,New day",
            $"ACT-B0000001,ACC-00007,CSM-001,call,{Back(30)}T12:00:00Z,20,outbound,Back-filled",
            $"ACT-B0000002,ACC-00090,CSM-004,check_in,{Back(45)}T13:00:00Z,,,Back-filled",
            string.Join(',', movedAccount),
            string.Join(',', movedCsm),
            string.Join(',', longer),
            string.Join(',', earlier),
        ]);

        var tickets = File.ReadAllLines(Path.Combine(extracts, "tickets.csv"));
        var reassigned = Cells(tickets[5]);
        reassigned[1] = reassigned[1] == "ACC-00004" ? "ACC-00005" : "ACC-00004";
        var opened = DateTimeOffset.Parse(Cells(tickets[9])[2], CultureInfo.InvariantCulture).AddDays(-10);
        var reopened = Cells(tickets[9]);
        reopened[2] = opened.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        File.WriteAllLines(Path.Combine(extracts, $"tickets_{day}.csv"),
        [
            tickets[0],
            $"TKT-N000001,ACC-00001,{day}T08:00:00Z,{day}T09:00:00Z,,high,open,email,true,",
            $"TKT-B000001,ACC-00011,{Back(21)}T08:00:00Z,{Back(21)}T10:00:00Z,{Back(20)}T10:00:00Z,low,closed,email,false,40",
            string.Join(',', reassigned),
            string.Join(',', reopened),
        ]);

        var usage = File.ReadAllLines(Path.Combine(extracts, "usage_daily.csv"));
        var corrected = Cells(usage[100]);
        corrected[2] = "77";
        File.WriteAllLines(Path.Combine(extracts, $"usage_daily_{day}.csv"),
        [
            usage[0],
            $"ACC-00001,{day},5,50,5",
            $"ACC-00002,{Back(14)},3,30,3",
            string.Join(',', corrected),
        ]);

        // usage events of the day after: no other change touches that day, so only their own change rows rebuild it
        var after = next.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        File.WriteAllLines(Path.Combine(extracts, $"usage_events_{day}.csv"),
        [
            "account_id,user_id,occurred_at,event",
            $"ACC-00002,U-1,{after}T09:00:00Z,login",
            $"ACC-00002,U-1,{after}T09:30:00Z,report_run",
            $"ACC-00002,U-2,{after}T10:00:00Z,login",
        ]);

        var scores = File.ReadAllLines(Path.Combine(extracts, "health_scores.csv"));
        var rescored = Cells(scores[50]);
        rescored[2] = "12.5";
        File.WriteAllLines(Path.Combine(extracts, $"health_scores_{day}.csv"),
        [
            scores[0],
            $"ACC-00001,{day},40",
            string.Join(',', rescored),
        ]);
    }
}
