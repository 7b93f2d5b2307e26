using CapacityAnalytics.Pipeline.Stages.Ingest.Presets;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

public class MappingFileTests
{
    private const string EventLog =
        "ticket,state,changed,org,prio\n" +
        "T1,new,03/04/2025 09:00,A1,P2\n" +
        "T1,active,03/04/2025 10:30,A1,P2\n" +
        "T1,resolved,04/04/2025 08:00,A1,P1\n" +
        "T1,active,05/04/2025 12:00,A1,P1\n" +
        "T1,resolved,05/04/2025 13:15,A1,P1\n" +
        "T2,new,3/4/2025 9:05,?,N/A\n" +
        "T2,closed,45755.5,A2,-\n";

    private const string EventLogMapping = """
        mapping: events
        sources:
          events:
            files: [events]
            null_tokens: ["?", "n/a", "-"]
            columns:
              changed: { type: timestamp, order: dmy }
            collapse:
              key: ticket
              order_by: changed
              first:
                opened: { column: changed }
                worked: { column: changed, where: { column: state, in: [active] } }
              last:
                solved: { column: changed, where: { column: state, in: [resolved, closed] } }
              count:
                reopens: { where: { column: state, not_in: [resolved, closed] }, after: { column: state, in: [resolved, closed] } }
                updates: {}
        maps:
          priority:
            values: { P1: urgent, P2: high }
        entities:
          tickets:
            from: events
            columns:
              ticket_id: ticket
              account_id: org
              created_at: opened
              first_response_at: worked
              solved_at: solved
              status: state
              priority: { column: prio, map: priority }
              csm_minutes: reopens
              channel: updates
        """;

    [Fact]
    public void An_event_log_collapses_to_one_ticket_with_first_last_and_reopen_counts()
    {
        // Given five updates of T1 (resolved, reopened, resolved again) and two of T2, day-first dates
        using var extract = new TempExtract().With("events.csv", EventLog);

        // When mapped
        using var run = PresetRun.Mapping(extract, EventLogMapping);
        var t1 = run.Row("tickets", "ticket_id", "T1");

        // Then T1 is one row: opened at its first update, first worked at its first 'active', solved at its last
        // 'resolved' (05/04 13:15, the 3 April reading of 04/04 would be wrong), status and priority of the latest row
        Assert.Equal(2, run.Report.Rows["tickets"]);
        Assert.Equal("2025-04-03T09:00:00", t1["created_at"]);
        Assert.Equal("2025-04-03T10:30:00", t1["first_response_at"]);
        Assert.Equal("2025-04-05T13:15:00", t1["solved_at"]);
        Assert.Equal("resolved", t1["status"]);
        Assert.Equal("urgent", t1["priority"]);
        // one reopen: the 'active' on 05/04 follows a 'resolved'; the first 'active' follows 'new' and does not count
        Assert.Equal("1", t1["csm_minutes"]);
        Assert.Equal("5", t1["channel"]);
        // file and line are those of the latest update (header = line 1, T1's fifth row = line 6)
        Assert.Equal("6", t1["_line"]);
        Assert.Equal(7, run.Report.QuirkCount(PresetQuirks.EventLogCollapsed, "events"));
    }

    [Fact]
    public void Null_tokens_single_digit_dates_and_excel_serials_are_read()
    {
        // Given T2: '?' and 'N/A' as the org and priority of its first row, '3/4/2025 9:05' and the Excel serial 45755.5
        using var extract = new TempExtract().With("events.csv", EventLog);

        // When mapped
        using var run = PresetRun.Mapping(extract, EventLogMapping);
        var t2 = run.Row("tickets", "ticket_id", "T2");

        // Then the null tokens are NULL, 3/4/2025 is 3 April (day first),
        // and 45755.5 days after 1899-12-30 is 2025-04-08 12:00 (45755 days = 2025-04-08, .5 day = 12:00)
        Assert.Equal("2025-04-03T09:05:00", t2["created_at"]);
        Assert.Equal("2025-04-08T12:00:00", t2["solved_at"]);
        Assert.Equal("A2", t2["account_id"]);
        Assert.Null(t2["priority"]); // '-' on the latest row
        Assert.Null(t2["first_response_at"]);
        Assert.Equal("0", t2["csm_minutes"]);
        Assert.Equal(1, run.Report.QuirkCount(PresetQuirks.ExcelSerial, "events.changed"));
        Assert.Equal(1, run.Report.QuirkCount(PresetQuirks.NullToken, "events.org"));
        Assert.Equal(2, run.Report.QuirkCount(PresetQuirks.NullToken, "events.prio"));
    }

    [Fact]
    public void Columns_are_renamed_combined_computed_mapped_and_filtered()
    {
        // Given a meetings export with month-first dates, names in two columns, MRR, and a cancelled row
        using var extract = new TempExtract().With("meetings.csv",
            "Meeting Id,Owner First,Owner Last,Cust,Alt Cust,Start,End,Kind,MRR,Status\n" +
            "m1,Ann,Lee,,C9,12/31/2025 14:00,12/31/2025 15:30,Quarterly Review,250.5,done\n" +
            "m2,Bo,,C2,C8,1/2/2026 9:00,1/2/2026 9:20,Check-in,100,done\n" +
            "m3,Cy,Ng,C3,,1/3/2026 9:00,1/3/2026 10:00,Check-in,100,cancelled\n");
        const string yaml = """
            mapping: meetings
            sources:
              meetings:
                files: [meetings]
                columns:
                  Start: { type: timestamp, format: ["%m/%d/%Y %H:%M"] }
                  End: { type: timestamp, format: "%m/%d/%Y %H:%M" }
            maps:
              kind:
                match: contains
                values: { review: qbr, check: check_in }
            entities:
              activities:
                from: meetings
                where: { column: Status, not_in: [cancelled] }
                columns:
                  activity_id: Meeting Id
                  account_id: { coalesce: [Cust, Alt Cust] }
                  csm_id: { concat: [Owner First, Owner Last], separator: "." }
                  type: { column: Kind, map: kind }
                  occurred_at: Start
                  duration_minutes: { minutes_between: [Start, End] }
                  subject: { column: MRR, multiply: 12 }
                  direction: { value: outbound }
            """;

        // When mapped
        using var run = PresetRun.Mapping(extract, yaml);
        var m1 = run.Row("activities", "activity_id", "m1");
        var m2 = run.Row("activities", "activity_id", "m2");

        // Then
        Assert.Equal(2, run.Report.Rows["activities"]); // m3 is cancelled
        Assert.Equal("C9", m1["account_id"]);           // Cust empty -> Alt Cust
        Assert.Equal("C2", m2["account_id"]);
        Assert.Equal("Ann.Lee", m1["csm_id"]);
        Assert.Equal("Bo", m2["csm_id"]);               // an empty part adds no separator
        Assert.Equal("qbr", m1["type"]);
        Assert.Equal("check_in", m2["type"]);
        Assert.Equal("2025-12-31T14:00:00", m1["occurred_at"]);
        Assert.Equal("2026-01-02T09:00:00", m2["occurred_at"]); // month first: 1/2 is 2 January
        Assert.Equal("90", m1["duration_minutes"]);     // 14:00 -> 15:30
        Assert.Equal("20", m2["duration_minutes"]);     // 9:00 -> 9:20
        Assert.Equal("3006", m1["subject"]);            // 250.5 x 12 = 3006
        Assert.Equal("outbound", m1["direction"]);
    }

    [Fact]
    public void An_unknown_key_in_a_mapping_file_names_the_file_and_line()
    {
        // Given a field expression with a misspelt key on line 9
        using var extract = new TempExtract().With("t.csv", "id\n1\n");
        const string yaml = "mapping: t\nsources:\n  t:\n    files: [t]\nentities:\n  tickets:\n    from: t\n    columns:\n      ticket_id: { colum: id }\n";

        // When loaded
        var error = Assert.Throws<PresetFormatException>(() => PresetRun.Mapping(extract, yaml));

        // Then one line: file, line 9, the key, what to use
        Assert.Matches(@"mapping\.yaml\.txt:9: unknown key 'colum'; use column, ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unknown_key_in_a_source_is_a_yaml_error_naming_the_line()
    {
        // Given 'null_token' (singular) on line 5
        using var extract = new TempExtract().With("t.csv", "id\n1\n");
        const string yaml = "mapping: t\nsources:\n  t:\n    files: [t]\n    null_token: ['?']\nentities:\n  tickets:\n    from: t\n    columns: { ticket_id: id }\n";

        // When loaded / Then
        var error = Assert.Throws<PresetFormatException>(() => PresetRun.Mapping(extract, yaml));
        Assert.Contains("mapping.yaml.txt(5,", error.Message, StringComparison.Ordinal);
        Assert.Contains("null_token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_the_export_lacks_names_mapping_line_file_and_a_near_name()
    {
        // Given a mapping reading 'opened' from a file whose header has 'opened_at'
        using var extract = new TempExtract().With("t.csv", "id,opened_at\n1,2025-01-01\n");
        const string yaml = "mapping: t\nsources:\n  t:\n    files: [t]\nentities:\n  tickets:\n    from: t\n    columns:\n      ticket_id: id\n      created_at: opened\n";

        // When mapped
        var error = Assert.Throws<PresetMappingException>(() => PresetRun.Mapping(extract, yaml));

        // Then: mapping file and line of the entity column, the export file and its header line, the column, the fix
        Assert.Contains("mapping.yaml.txt:10: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("t.csv:1: source 't' reads column 'opened'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("change the name in the mapping (did you mean opened_at?).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      created_at: { column: opened, map: nope }\n", ":10: no map 'nope' under 'maps'")]
    [InlineData("      created_at: { column: opened, divide: 0 }\n", ":10: cannot divide by 0.")]
    [InlineData("      arr_x: opened\n", ":10: 'arr_x' is not a column of tickets")]
    [InlineData("      escalated: { when: { column: opened, in: [a], equals: b } }\n", ":10: a condition on 'opened' needs exactly one of")]
    public void A_bad_field_expression_is_one_line_naming_file_and_line(string line, string expected)
    {
        // Given a mapping whose line 10 is wrong
        using var extract = new TempExtract().With("t.csv", "id,opened\n1,2025-01-01\n");
        var yaml = "mapping: t\nsources:\n  t:\n    files: [t]\nentities:\n  tickets:\n    from: t\n    columns:\n      ticket_id: id\n" + line;

        // When loaded / Then
        var error = Assert.Throws<PresetFormatException>(() => PresetRun.Mapping(extract, yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Hourly_usage_collapses_to_account_days_with_sums_and_distinct_users()
    {
        // Given hourly usage rows (Pendo's shape): account a1 has three hours on 2025-06-02 by users u1, u2, u1
        // and one on 06-03; a2 one hour on 06-02
        using var extract = new TempExtract().With("usage.csv",
            "account_id,visitor_id,timestamp,num_events,num_minutes\n" +
            "a1,u1,2025-06-02 09:00:00,10,4\n" +
            "a1,u2,2025-06-02 10:00:00,5,2\n" +
            "a1,u1,2025-06-02 15:00:00,7,3\n" +
            "a1,u1,2025-06-03 09:00:00,1,1\n" +
            "a2,u9,2025-06-02 11:00:00,4,4\n");
        const string yaml = """
            mapping: usage
            sources:
              usage:
                files: [usage]
                columns:
                  timestamp: date            # the hour's day
                  num_events: number
                collapse:
                  key: [account_id, timestamp]
                  order_by: num_events
                  sum: { events: num_events }
                  count_distinct: { users: visitor_id }
            entities:
              usage_daily:
                from: usage
                columns:
                  account_id: account_id
                  date: timestamp
                  active_users: users
                  events: events
            """;

        // When mapped
        using var run = PresetRun.Mapping(extract, yaml);
        var rows = LandedTable.Rows(run.Connection, "select account_id, date, active_users, events from land_usage_daily order by 1, 2");

        // Then a1 2025-06-02: users {u1, u2} = 2, events 10 + 5 + 7 = 22; a1 06-03: 1 user, 1 event; a2: 1 user, 4 events
        Assert.Equal(3, rows.Count);
        Assert.Equal(("a1", "2025-06-02", "2", "22"), (rows[0]["account_id"], rows[0]["date"], rows[0]["active_users"], rows[0]["events"]));
        Assert.Equal(("a1", "2025-06-03", "1", "1"), (rows[1]["account_id"], rows[1]["date"], rows[1]["active_users"], rows[1]["events"]));
        Assert.Equal(("a2", "2025-06-02", "1", "4"), (rows[2]["account_id"], rows[2]["date"], rows[2]["active_users"], rows[2]["events"]));
    }
}
