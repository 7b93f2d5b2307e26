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
}
