using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Stages.Ingest.Incremental;
using CapacityAnalytics.Pipeline.Targets.Parquet;
using CapacityAnalytics.Pipeline.Tests.Operations;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Incremental;

public class IncrementalRunTests
{
    private static readonly string[] Stages = ["ingest", "transform", "publish"];

    [Fact]
    public void Adding_one_day_of_extracts_loads_only_that_file_and_never_double_counts()
    {
        // Given a warehouse loaded from the company's extracts
        using var harness = new PipelineHarness();
        var first = harness.Run(Stages);
        var before = harness.Scalar<long>("select count(*) from raw_activities");
        var reExported = harness.Strings("select activity_id from raw_activities order by activity_id desc limit 1")[0];

        // When one more day arrives as a new file: three new activities and a corrected re-export of a loaded one
        var lines = File.ReadAllLines(Path.Combine(harness.Extracts, "activities.csv"));
        var header = lines[0];
        var last = lines.Last(l => l.StartsWith(reExported + ",", StringComparison.Ordinal)).Split(',');
        last[5] = "999";
        File.WriteAllLines(Path.Combine(harness.Extracts, "activities_2026-11-01.csv"),
        [
            header,
            "ACT-D0000001,ACC-00001,CSM-001,email,2026-11-01T09:00:00Z,15,outbound,Day one",
            "ACT-D0000002,ACC-00002,CSM-001,call,2026-11-01T10:00:00Z,30,outbound,Day one",
            "ACT-D0000003,ACC-00003,CSM-002,email,2026-11-01T11:00:00Z,10,inbound,Day one",
            string.Join(',', last),
        ]);
        var second = harness.Run(Stages);

        // Then ingest read only the new file's four rows, and loaded_file says which run loaded what
        var ingest = second.Stages.Single(s => s.Stage == "ingest");
        Assert.Equal(4, ingest.RowsIn);
        Assert.Contains(ingest.Details, d => d.Contains("appended 1 new files", StringComparison.Ordinal));
        Assert.Equal([second.RunId], harness.Strings("select run_id from loaded_file where path like '%activities_2026-11-01.csv'"));
        Assert.Equal([first.RunId], harness.Strings("select distinct run_id from loaded_file where path not like '%activities_2026-11-01.csv'"));
        // old + new rows, the re-exported key once, with its corrected value
        Assert.Equal(before + 3, harness.Scalar<long>("select count(*) from raw_activities"));
        Assert.Equal(0, harness.Scalar<long>("select count(*) - count(distinct activity_id) from raw_activities"));
        Assert.Equal(999, harness.Scalar<double>($"select duration_minutes from raw_activities where activity_id = '{reExported}'"));
        // and the appended table holds exactly what a full ingest of the folder gives
        using var full = new DuckDBConnection("DataSource=:memory:");
        full.Open();
        IngestService.IngestFolder(full, harness.Extracts, new IngestOptions { Timezone = "UTC", RejectThreshold = 0.01 });
        Assert.Equal(Checksum(full, "raw_activities"), Checksum(harness, "raw_activities"));
        // and the marts were rebuilt on it
        Assert.Equal(3, harness.Scalar<long>("select count(*) from stg_activities where activity_id like 'ACT-D%'"));
    }

    [Fact]
    public void A_new_file_with_a_column_the_loaded_ones_lack_widens_the_raw_table_as_a_full_ingest_does()
    {
        using var harness = new PipelineHarness();
        harness.Run(Stages);
        var header = File.ReadLines(Path.Combine(harness.Extracts, "activities.csv")).First();

        // a daily export that gained a column (extra columns are kept on the raw table)
        File.WriteAllLines(Path.Combine(harness.Extracts, "activities_2026-11-01.csv"),
        [
            header + ",meeting_room",
            "ACT-D0000001,ACC-00001,CSM-001,email,2026-11-01T09:00:00Z,15,outbound,Day one,",
            "ACT-D0000002,ACC-00002,CSM-001,call,2026-11-01T10:00:00Z,30,outbound,Day one,Oslo",
        ]);
        var second = harness.Run(Stages);

        Assert.Contains(second.Stages.Single(s => s.Stage == "ingest").Details, d => d.Contains("appended 1 new files", StringComparison.Ordinal));
        Assert.Equal(["Oslo"], harness.Strings("select meeting_room from raw_activities where meeting_room is not null"));
        using var full = new DuckDBConnection("DataSource=:memory:");
        full.Open();
        IngestService.IngestFolder(full, harness.Extracts, new IngestOptions { Timezone = "UTC", RejectThreshold = 0.01 });
        Assert.Equal(Checksum(full, "raw_activities"), Checksum(harness, "raw_activities"));
    }

    [Fact]
    public void An_unchanged_input_is_nothing_to_do_and_changes_nothing()
    {
        // Given a pipeline that ran and published
        using var harness = new PipelineHarness();
        harness.Run(Stages);
        // (loaded_file is bookkeeping: a touched file keeps its row and hash, with its new time)
        var tables = harness.Checksums("loaded_file");
        const string Loaded = "select string_agg(path || ' ' || content_hash || ' ' || run_id, '; ' order by path) from loaded_file";
        var loaded = harness.Strings(Loaded);
        var current = File.ReadAllText(Path.Combine(harness.ParquetRoot, CurrentPointer.FileName));
        var manifest = File.ReadAllBytes(Path.Combine(harness.ParquetRoot, CurrentPointer.LinkName, Manifest.FileName));
        var runs = Directory.GetDirectories(Path.Combine(harness.ParquetRoot, "runs"));

        // When it runs again on the same files (one of them touched, its content unchanged)
        File.SetLastWriteTimeUtc(Path.Combine(harness.Extracts, "accounts.csv"), DateTime.UtcNow.AddMinutes(1));
        var again = harness.Run(Stages);

        // Then the run says there is nothing to do, runs no stage, and the warehouse and the publish are as they were
        Assert.True(again.NothingToDo);
        Assert.Empty(again.Stages);
        Assert.Equal("skipped", harness.Strings($"select status from pipeline_run where run_id = '{again.RunId}'")[0]);
        Assert.Equal(tables, harness.Checksums("loaded_file"));
        Assert.Equal(loaded, harness.Strings(Loaded));
        Assert.Equal(current, File.ReadAllText(Path.Combine(harness.ParquetRoot, CurrentPointer.FileName)));
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(harness.ParquetRoot, CurrentPointer.LinkName, Manifest.FileName)));
        Assert.Equal(runs, Directory.GetDirectories(Path.Combine(harness.ParquetRoot, "runs")));
    }

    [Fact]
    public void Files_another_build_of_the_app_loaded_are_loaded_again_and_every_model_rebuilt()
    {
        // Given a pipeline that ran: loaded_file says which build typed the rows
        using var harness = new PipelineHarness();
        var first = harness.Run(Stages);
        Assert.Equal([AppBuild.Id], harness.Strings("select distinct app_build from loaded_file"));
        var tables = harness.Checksums("loaded_file", "pipeline_run", "run_input", "ingest_change", "transform_state", "publish_log");

        // When the same files meet a new build of the app (the warehouse as an older build left it)
        using (var connection = harness.Open())
        {
            connection.Execute("update loaded_file set app_build = '0123456789abcdef'");
        }
        var again = harness.Run(Stages);

        // Then it is not "no new input": every file is loaded again by this build and the transform rebuilds everything
        Assert.False(again.NothingToDo);
        var ingest = again.Stages.Single(s => s.Stage == "ingest");
        Assert.Contains("the input files were loaded by another build of the app: full ingest", ingest.Details);
        Assert.Equal(first.Stages.Single(s => s.Stage == "ingest").RowsIn, ingest.RowsIn);
        Assert.Equal([again.RunId], harness.Strings("select distinct run_id from loaded_file"));
        Assert.Equal([AppBuild.Id], harness.Strings("select distinct app_build from loaded_file"));
        Assert.Contains(again.Stages.Single(s => s.Stage == "transform").Details, d => d.StartsWith("full build: ", StringComparison.Ordinal));
        // with the same results (this build loaded them the first time too)
        Assert.Equal(tables, harness.Checksums("loaded_file", "pipeline_run", "run_input", "ingest_change", "transform_state", "publish_log"));
        // and the run after it has nothing to do
        Assert.True(harness.Run(Stages).NothingToDo);
    }

    [Fact]
    public void A_changed_file_is_reloaded_whole()
    {
        // Given a loaded warehouse
        using var harness = new PipelineHarness();
        harness.Run("ingest");
        var accounts = Path.Combine(harness.Extracts, "accounts.csv");
        var account = harness.Strings("select account_id from raw_accounts order by account_id limit 1")[0];

        // When one account's ARR is corrected in place
        var lines = File.ReadAllLines(accounts);
        var header = lines[0].Split(',');
        var arr = Array.IndexOf(header, "arr");
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells[0] != account) continue;
            cells[arr] = "123456";
            lines[i] = string.Join(',', cells);
        }
        File.WriteAllLines(accounts, lines);
        var second = harness.Run("ingest");

        // Then everything is ingested again (not appended), the run says why, and the new value is in
        var ingest = second.Stages.Single(s => s.Stage == "ingest");
        Assert.DoesNotContain(ingest.Details, d => d.Contains("appended", StringComparison.Ordinal));
        Assert.Contains("1 changed, 0 removed, 0 added input files: full ingest", ingest.Details);
        Assert.Equal(123456, harness.Scalar<double>($"select arr from raw_accounts where account_id = '{account}'"));
        Assert.Equal([second.RunId], harness.Strings("select distinct run_id from loaded_file"));
        Assert.Equal(FileHashOf(accounts), harness.Strings("select content_hash from loaded_file where path like '%/accounts.csv'")[0]);
    }

    [Fact]
    public void A_new_file_that_sorts_among_loaded_ones_is_a_full_ingest()
    {
        // Given loaded files activities.csv and activities_2026-11.csv
        using var harness = new PipelineHarness();
        var header = File.ReadLines(Path.Combine(harness.Extracts, "activities.csv")).First();
        File.WriteAllLines(Path.Combine(harness.Extracts, "activities_2026-11.csv"), [header, "ACT-D0000001,ACC-00001,CSM-001,email,2026-11-01T09:00:00Z,15,outbound,x"]);
        harness.Run("ingest");

        // When a file arrives that sorts before the newest loaded one (a back-filled October)
        File.WriteAllLines(Path.Combine(harness.Extracts, "activities_2026-10.csv"), [header, "ACT-D0000001,ACC-00001,CSM-001,email,2026-11-01T09:00:00Z,45,outbound,x"]);
        var second = harness.Run("ingest");

        // Then it is not appended (it would wrongly win over the newer file): the whole folder is reloaded
        Assert.DoesNotContain(second.Stages[0].Details, d => d.Contains("appended", StringComparison.Ordinal));
        Assert.Equal(15, harness.Scalar<double>("select duration_minutes from raw_activities where activity_id = 'ACT-D0000001'"));
    }

    [Fact]
    public void A_new_day_of_usage_events_is_appended_without_reading_the_loaded_events_again()
    {
        // Given a warehouse loaded from the company's extracts and a usage_events export up to 2026-10-02
        using var harness = new PipelineHarness();
        WriteUsageEvents(harness);
        harness.Run(Stages);
        const string day = "2026-10-03";
        var before = harness.Scalar<long>("select sum(events)::bigint from raw_usage_events_daily");

        // When the next day's events arrive in a file of their own: ACC-00001 has 2 users and 3 events, ACC-00002 1 and 1
        File.WriteAllLines(Path.Combine(harness.Extracts, $"usage_events_{day}.csv"),
        [
            "account_id,user_id,occurred_at,event",
            $"ACC-00001,U-1,{day}T09:00:00Z,login",
            $"ACC-00001,U-1,{day}T09:05:00Z,report_run",
            $"ACC-00001,U-2,{day}T10:00:00Z,login",
            $"ACC-00002,U-3,{day}T11:00:00Z,login",
        ]);
        var second = harness.Run(Stages);

        // Then ingest read only the new file's four events and added its two account-days
        var ingest = second.Stages.Single(s => s.Stage == "ingest");
        Assert.Equal(4, ingest.RowsIn);
        Assert.Contains(ingest.Details, d => d.Contains("appended 1 new files", StringComparison.Ordinal));
        Assert.Equal(["ACC-00001 2 3", "ACC-00002 1 1"],
            harness.Strings($"select concat_ws(' ', account_id, active_users, events) from raw_usage_events_daily where date = date '{day}' order by 1"));
        Assert.Equal(before + 4, harness.Scalar<long>("select sum(events)::bigint from raw_usage_events_daily"));
        // and the tables hold exactly what a full ingest of the folder gives
        using var full = new DuckDBConnection("DataSource=:memory:");
        full.Open();
        IngestService.IngestFolder(full, harness.Extracts, new IngestOptions { Timezone = "UTC", RejectThreshold = 0.01 });
        Assert.Equal(Checksum(full, "raw_usage_events_daily"), Checksum(harness, "raw_usage_events_daily"));
        Assert.Equal(Checksum(full, "raw_usage_events_file"), Checksum(harness, "raw_usage_events_file"));
    }

    [Fact]
    public void A_usage_events_file_that_shares_a_day_with_a_loaded_one_is_a_full_ingest_that_counts_shared_events_once()
    {
        // Given a warehouse loaded from the company's extracts and a usage_events export up to 2026-10-02
        using var harness = new PipelineHarness();
        WriteUsageEvents(harness);
        harness.Run("ingest");

        // When a re-export of 2026-10-02 arrives: that day's two loaded events again, and one new event
        File.WriteAllLines(Path.Combine(harness.Extracts, "usage_events_reexport.csv"),
        [
            "account_id,user_id,occurred_at,event",
            "ACC-00001,U-2,2026-10-02T09:00:00Z,login",
            "ACC-00002,U-3,2026-10-02T10:00:00Z,login",
            "ACC-00002,U-4,2026-10-02T23:59:59Z,login",
        ]);
        var second = harness.Run("ingest");

        // Then the run reads every file again, says why, and counts the re-exported events once: 2 + 1 on 10-02
        Assert.Contains(second.Stages[0].Details, d => d.Contains("full ingest: usage_events: usage_events_reexport.csv", StringComparison.Ordinal));
        Assert.Equal(["2026-10-01 1", "2026-10-02 3"],
            harness.Strings("select date || ' ' || sum(events) from raw_usage_events_daily group by date order by date"));
    }

    // Three events: ACC-00001 on 2026-10-01 and 10-02, ACC-00002 on 10-02.
    private static void WriteUsageEvents(PipelineHarness harness) =>
        File.WriteAllLines(Path.Combine(harness.Extracts, "usage_events.csv"),
        [
            "account_id,user_id,occurred_at,event",
            "ACC-00001,U-1,2026-10-01T09:00:00Z,login",
            "ACC-00001,U-2,2026-10-02T09:00:00Z,login",
            "ACC-00002,U-3,2026-10-02T10:00:00Z,login",
        ]);

    private static string FileHashOf(string path) => FileHash.Content(path);

    private static string Checksum(PipelineHarness harness, string table)
    {
        using var connection = harness.Open();
        return Checksum(connection, table);
    }

    private static string Checksum(DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"select count(*)::varchar || ' ' || sum(hash(t))::varchar from {table} t";
        return (string)command.ExecuteScalar()!;
    }
}
