using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

public class ZendeskPresetTests
{
    [Fact]
    public void A_ticket_gets_its_solved_time_from_the_latest_solve_in_the_status_history()
    {
        // Given the Zendesk samples, where ticket 11071 went solved on 2020-11-14 and closed a day later
        using var run = new PresetRun("zendesk", RepoPaths.RealFormats("zendesk"));

        // When it is read back
        var ticket = run.Row("tickets", "ticket_id", "11071");

        // Then
        Assert.Equal("2020-08-28T18:06:36Z", ticket["created_at"]);
        Assert.Equal("2020-11-14T11:01:27Z", ticket["solved_at"]);
        Assert.Equal("urgent", ticket["priority"]);
        Assert.Equal("true", ticket["escalated"]);
        Assert.Equal("email", ticket["channel"]);
        Assert.Equal("closed", ticket["status"]);
        Assert.Null(ticket["account_id"]);
        Assert.Equal("5", ticket["_line"]);
    }

    [Fact]
    public void A_ticket_links_to_its_organization_and_deleted_tickets_are_left_out()
    {
        // Given the Zendesk samples (10 tickets, 2 of them deleted; no comment belongs to a sampled ticket)
        using var run = new PresetRun("zendesk", RepoPaths.RealFormats("zendesk"));

        // When ticket 16988 is read back
        var ticket = run.Row("tickets", "ticket_id", "16988");

        // Then
        Assert.Equal("370469077513", ticket["account_id"]);
        Assert.Equal("2020-12-22T00:19:23Z", ticket["created_at"]);
        Assert.Null(ticket["first_response_at"]);
        Assert.Equal("false", ticket["escalated"]);
        Assert.Equal(8, run.Report.Rows["tickets"]);
        Assert.Equal(0, run.Count("select count(*) from land_tickets where ticket_id in ('1595', '11013')"));
        Assert.Equal(1, run.Report.QuirkCount("required_empty", "tickets.account_id"));
        Assert.False(run.Report.Rows.ContainsKey("accounts"));
    }

    [Fact]
    public void First_response_is_the_first_public_agent_comment_after_creation()
    {
        // Given a ticket with, in order: an agent comment before creation, a private agent note, a public
        // end-user comment, then two public agent comments; and a ticket solved before it was created
        using var extract = new TempExtract()
            .With("ticket.csv", "id,organization_id,created_at,status,priority,via_channel\n"
                + "1,900,2025-01-10 09:00:00,solved,high,web\n"
                + "2,901,2025-01-10 09:00:00,solved,,email\n")
            .With("users.csv", "id,role\n10,agent\n11,end-user\n12,admin\n")
            .With("ticket_comment.csv", "id,ticket_id,user_id,created,public\n"
                + "100,1,10,2025-01-10 08:00:00,TRUE\n"
                + "101,1,10,2025-01-10 09:05:00,FALSE\n"
                + "102,1,11,2025-01-10 09:10:00,TRUE\n"
                + "103,1,12,2025-01-10 09:30:00,true\n"
                + "104,1,10,2025-01-10 09:20:00,1\n")
            .With("ticket_field_history.csv", "ticket_id,field_name,value,updated\n"
                + "1,status,solved,2025-01-11 10:00:00\n"
                + "2,status,solved,2025-01-09 10:00:00\n")
            .With("ticket_tag.csv", "ticket_id,tag\n2,Escalated\n");

        // When translated
        using var run = new PresetRun("zendesk", extract.Folder);

        // Then the reply is agent comment 104 (09:20), the reversed ticket is kept and counted, the tag escalates
        var first = run.Row("tickets", "ticket_id", "1");
        Assert.Equal("2025-01-10T09:20:00Z", first["first_response_at"]);
        Assert.Equal("2025-01-11T10:00:00Z", first["solved_at"]);
        Assert.Equal("false", first["escalated"]);
        var reversed = run.Row("tickets", "ticket_id", "2");
        Assert.Equal("2025-01-09T10:00:00Z", reversed["solved_at"]);
        Assert.Equal("true", reversed["escalated"]);
        Assert.Equal(1, run.Report.QuirkCount("ends_before_start", "tickets.solved_at"));
        Assert.Equal(4, run.Report.QuirkCount("boolean_spelling", "ticket_comment.public")); // TRUE, FALSE, TRUE, 1
    }
}
