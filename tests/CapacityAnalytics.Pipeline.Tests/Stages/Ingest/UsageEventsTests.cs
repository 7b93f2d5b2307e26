using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

public sealed class UsageEventsTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    [Fact]
    public void Usage_events_are_aggregated_to_account_days_in_UTC_and_bad_events_are_rejected_at_their_lines()
    {
        // Given: 23:30 at UTC-2 is 01:30 the next day in UTC
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("usage_events.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u1,2025-01-01T10:00:00Z,\"view,\nreport\"",
            "a1,u2,2025-01-01T11:00:00Z,login",
            "a1,u3,2025-01-01T23:30:00-02:00,login",
            "a2,u9,nope,login",
            "a2,u9,2025-01-01T00:00:00Z,login");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { RejectThreshold = 1 }).For("usage_events")!;

        // Then
        Assert.Equal(
            [["a1", "2025-01-01", "2", "3", "NULL"], ["a1", "2025-01-02", "1", "1", "NULL"], ["a2", "2025-01-01", "1", "1", "NULL"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events, key_events from raw_usage_events_daily order by all"));
        Assert.Equal(["usage_events.csv:7:occurred_at:nope"], db.Connection.Rejects());
        Assert.Equal((6L, 5L, 1L, 3L), (result.RowsRead, result.RowsLoaded, result.RowsRejected, result.TableRows));
    }

    [Fact]
    public void Usage_events_landed_by_a_preset_are_aggregated_the_same_way()
    {
        // Given
        db.Connection.Execute("""
            create or replace table land_usage_events as
            select * from (values
                ('a1', 'u1', '2025-01-01T09:00:00Z', 'login', 'vendor.csv', 2::bigint, 1),
                ('a1', 'u2', '2025-01-01T10:00:00Z', 'login', 'vendor.csv', 3::bigint, 1),
                ('a1', '', '2025-01-01T10:00:00Z', 'login', 'vendor.csv', 4::bigint, 1))
                t(account_id, user_id, occurred_at, event, _file, _line, _file_order)
            """);
        RejectsTable.Recreate(db.Connection);

        // When
        var result = LandedEntityTyper.Type(db.Connection, "usage_events", IngestOptions.Default);
        PendingTables.Commit(db.Connection, [result.Table]);

        // Then
        Assert.Equal([["a1", "2025-01-01", "2", "2"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events from raw_usage_events_daily"));
        Assert.Equal(["vendor.csv:4:user_id:NULL"], db.Connection.Rejects());
        Assert.Equal((3L, 1L), (result.RowsTyped, result.RowsRejected));
    }

    [Fact]
    public void An_event_in_two_overlapping_exports_counts_once_and_a_double_click_in_one_export_twice()
    {
        // Given: export a spans 01-01..01-02, its re-export b spans 01-02..01-03, so they share 01-02.
        //   01-01 (a only): u1 twice in the same second of one export = 2 events, 1 user.
        //   01-02: a holds (u2 10:00 view) and (u3 11:00+01:00 view = 10:00Z); b holds both again (u3 written in Z)
        //          and (u1 12:00 view): 3 keys, each once = 3 events, 3 users.
        //   01-03 (b only): 1 event, 1 user.
        //   Good events read: 4 + 4 = 8; counted: 2 + 3 + 1 = 6; superseded: 2.
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("usage_events_a.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u2,2025-01-02T10:00:00Z,view",
            "a1,u3,2025-01-02T11:00:00+01:00,view");
        extract.WriteLines("usage_events_b.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u2,2025-01-02T10:00:00Z,view",
            "a1,u3,2025-01-02T10:00:00Z,view",
            "a1,u1,2025-01-02T12:00:00Z,view",
            "a1,u1,2025-01-03T08:00:00Z,login");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default).For("usage_events")!;

        // Then
        Assert.Equal(
            [["a1", "2025-01-01", "1", "2"], ["a1", "2025-01-02", "3", "3"], ["a1", "2025-01-03", "1", "1"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events from raw_usage_events_daily order by all"));
        Assert.Equal((8L, 8L, 2L), (result.RowsRead, result.RowsLoaded, result.DuplicatesSuperseded));
        Assert.Equal(
            [["usage_events_a.csv", "2025-01-01", "2025-01-02", "4"], ["usage_events_b.csv", "2025-01-02", "2025-01-03", "4"]],
            db.Connection.Rows("select parse_filename(file), first_day::varchar, last_day::varchar, events from raw_usage_events_file order by file"));
    }

    [Fact]
    public void Exports_that_share_no_day_are_added_up_without_a_second_read()
    {
        // Given: January and February exports; the same user on both first days is one user each day.
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("usage_events_2025-01.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-31T09:00:00Z,login",
            "a1,u1,2025-01-31T09:00:00Z,login",
            "a1,u2,2025-01-31T10:00:00Z,login");
        extract.WriteLines("usage_events_2025-02.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-02-01T09:00:00Z,login");

        // When
        var result = IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default).For("usage_events")!;

        // Then: 01-31 has 2 users and 3 events (the double click counts twice), 02-01 one of each
        Assert.Equal([["a1", "2025-01-31", "2", "3"], ["a1", "2025-02-01", "1", "1"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events from raw_usage_events_daily order by all"));
        Assert.Equal(0L, result.DuplicatesSuperseded);
    }

    [Theory]
    [InlineData("activities.csv", "activity_id,csm_id,type")]
    [InlineData("usage_events.csv", "account_id,user_id,event")]
    public void A_failure_on_either_side_of_the_events_load_beside_the_others_leaves_the_last_raw_tables_and_no_pending_one(string file, string header)
    {
        // Given a good ingest of one event
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("usage_events.csv", "account_id,user_id,occurred_at,event", "a1,u1,2025-01-01T09:00:00Z,login");
        IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default);

        // When the next ingest finds a required column missing, in the activities loaded on the run's connection or in
        // the events loaded beside them on a second one (the events' file has a second event either way)
        extract.WriteLines("usage_events.csv", "account_id,user_id,occurred_at,event", "a1,u1,2025-01-01T09:00:00Z,login", "a1,u2,2025-01-02T09:00:00Z,login");
        extract.WriteLines(file, header, file == "activities.csv" ? "x1,c1,qbr" : "a1,u1,login");
        var error = Assert.Throws<MissingColumnException>(() => IngestService.IngestFolder(db.Connection, extract.Folder, IngestOptions.Default));

        // Then the error names that file, the raw tables are those of the good ingest, and no pending table is left
        // (the events' load had finished before they were dropped)
        Assert.Equal(Path.Combine(extract.Folder, file), error.File);
        Assert.Equal([["a1", "2025-01-01", "1"]], db.Connection.Rows("select account_id, date::varchar, events from raw_usage_events_daily"));
        Assert.Equal(1L, db.Connection.RowCount("raw_activities"));
        Assert.Empty(db.Connection.Rows($"select table_name from duckdb_tables() where table_name like '{PendingTables.NameFor("")}%'"));
    }

    [Theory]
    [InlineData(UsageEventsStreamingLoad.UserKey)]
    [InlineData("length(user_id)")]
    public void Users_are_counted_exactly_even_when_two_users_of_an_account_share_a_grouping_key(string userKey)
    {
        // Given: with the key length(user_id), a1's u1 and u2 share a key (length 2) on 01-01 and so do a2's u3 and u4
        //   on 01-02 (one a day); u10 and u1 differ in length. Distinct users per account-day, worked out by hand:
        //   a1 01-01: u1 (twice), u2, u10 = 3 users, 4 events; a1 01-02: u1 = 1, 1; a2 01-02: u3, u4 = 2, 2.
        using var extract = new ExtractFolderBuilder();
        var path = extract.WriteLines("usage_events.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u1,2025-01-01T09:30:00Z,view",
            "a1,u2,2025-01-01T10:00:00Z,login",
            "a1,u10,2025-01-01T11:00:00Z,login",
            "a1,u1,2025-01-02T09:00:00Z,login",
            "a2,u3,2025-01-02T09:00:00Z,login",
            "a2,u4,2025-01-02T10:00:00Z,login");

        // When
        var (_, typing) = UsageEventsStreamingLoad.Load(db.Connection, [new ExtractFile(path, ExtractFormat.Csv, 1)], IngestOptions.Default, userKey);

        // Then: the same counts whichever key grouped the users (a shared key makes the aggregate count by the text)
        Assert.Equal([["a1", "2025-01-01", "3", "4"], ["a1", "2025-01-02", "1", "1"], ["a2", "2025-01-02", "2", "2"]],
            db.Connection.Rows($"select account_id, date::varchar, active_users, events from {PendingTables.NameFor(UsageEventsDaily.Table)} order by all"));
        Assert.Equal((7L, 0L, 3L), (typing.RowsTyped, typing.RowsRejected, typing.TableRows));
    }

    [Fact]
    public void Rows_off_the_canonical_form_take_the_full_checks_and_count_like_canonical_ones()
    {
        // Given: the pipeline's zone is New York (UTC-5 in January). Every row below but the first two is off the
        // canonical form, so none takes the fast path; each is still a good event:
        //   ' a1' trimmed; 'u4 ' trimmed with a space separator; fraction of a second; offset; no zone (14:00 New York = 19:00Z);
        //   22:00 New York on 01-01 = 03:00Z on 01-02.
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("usage_events.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            "a1,u2,2025-01-01T09:00:00Z,login",
            " a1,u3,2025-01-01T09:00:00Z,login",
            "a1,u4 ,2025-01-01 09:00:00Z,login",
            "a1,u5,2025-01-01T09:00:00.250Z,login",
            "a1,u7,2025-01-01T09:00:00+01:00,login",
            "a1,u8,2025-01-01T14:00:00, login",
            "a1,u9,2025-01-01T22:00:00,login");

        // When
        IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { Timezone = "America/New_York" });

        // Then: 01-01 UTC holds u1..u5, u7, u8 (7 users, 7 events), 01-02 UTC holds u9
        Assert.Equal([["a1", "2025-01-01", "7", "7"], ["a1", "2025-01-02", "1", "1"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events from raw_usage_events_daily order by all"));
        Assert.Empty(db.Connection.Rejects());
    }

    [Theory]
    [InlineData("2024-11-01T10:20:0xZ", "not an ISO-8601 timestamp")]
    [InlineData(" 024-11-01T10:20:04Z", "not an ISO-8601 timestamp")]
    [InlineData("+024-11-01T10:20:04Z", "not an ISO-8601 timestamp")]
    [InlineData("2024-02-30T10:00:00Z", "not an ISO-8601 timestamp")]
    [InlineData("2024-11-01T10:20:60Z", "not an ISO-8601 timestamp")]
    [InlineData("2024-11-01T-1:20:04Z", "not an ISO-8601 timestamp")]
    [InlineData("1999-12-31T23:59:59Z", "implausible: before 2000-01-01")]
    [InlineData("2026-11-29T00:00:00Z", "implausible: in the future")]
    public void A_timestamp_shaped_like_the_canonical_form_but_not_valid_or_plausible_is_rejected(string occurredAt, string reason)
    {
        // Given: the clock at 2026-11-27 12:00Z, so the latest plausible event is 2026-11-28 12:00Z
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory();
        extract.WriteLines("usage_events.csv",
            "account_id,user_id,occurred_at,event",
            "a1,u1,2025-01-01T09:00:00Z,login",
            $"a1,u2,{occurredAt},login");
        var window = new PlausibleWindow(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), PlausibleWindow.DefaultEarliest, PlausibleWindow.DefaultAhead);

        // When
        IngestService.IngestFolder(db.Connection, extract.Folder, new IngestOptions { RejectThreshold = 1, Plausible = window });

        // Then
        Assert.Equal([["a1", "2025-01-01", "1", "1"]],
            db.Connection.Rows("select account_id, date::varchar, active_users, events from raw_usage_events_daily"));
        var rejected = Assert.Single(db.Connection.Rows("select line, \"column\", reason from ingest_rejects"));
        Assert.Equal(["3", "occurred_at"], rejected.Take(2));
        Assert.StartsWith(reason, rejected[2], StringComparison.Ordinal);
    }
}
