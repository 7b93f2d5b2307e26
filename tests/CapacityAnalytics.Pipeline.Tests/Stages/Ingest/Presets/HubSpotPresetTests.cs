using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

public class HubSpotPresetTests
{
    [Fact]
    public void A_meeting_is_a_check_in_with_its_duration_from_start_and_end()
    {
        // Given the HubSpot samples; meeting 3416212491 runs 13:00-14:30 on 2019-09-26 with a hashed title
        using var run = new PresetRun("hubspot", RepoPaths.RealFormats("hubspot"));

        // When it is read back
        var meeting = run.Row("activities", "activity_id", "3416212491");

        // Then
        Assert.Equal("check_in", meeting["type"]);
        Assert.Equal("2019-09-26T13:00:00Z", meeting["occurred_at"]);
        Assert.Equal("90", meeting["duration_minutes"]);
        Assert.Equal("2", meeting["_line"]);
    }

    [Fact]
    public void Meetings_stored_as_1970_timestamps_are_rescaled_and_counted()
    {
        // Given meeting 5611564213, stored as 1970-01-19 07:51:57.600 - 07:52:03 (epoch seconds read as ms upstream)
        using var run = new PresetRun("hubspot", RepoPaths.RealFormats("hubspot"));

        // When it is read back
        var meeting = run.Row("activities", "activity_id", "5611564213");

        // Then 1,583,517,600 "ms" are taken as seconds: 2020-03-06 18:00 to 19:30 UTC
        Assert.Equal("2020-03-06T18:00:00Z", meeting["occurred_at"]);
        Assert.Equal("90", meeting["duration_minutes"]);
        Assert.Equal(7, run.Report.QuirkCount("rescaled_1970_timestamp", "engagement_meeting.start_time"));
    }

    [Fact]
    public void Calls_emails_notes_and_tasks_land_with_their_types()
    {
        // Given the per-type engagement tables of the samples
        using var run = new PresetRun("hubspot", RepoPaths.RealFormats("hubspot"));

        // When they are read back
        var call = run.Row("activities", "activity_id", "19732910159");
        var email = run.Row("activities", "activity_id", "19732367783");
        var note = run.Row("activities", "activity_id", "19732728857");
        var tasks = LandedTable.Rows(run.Connection, "select * from land_activities where activity_id = '32034933897'");

        // Then
        Assert.Equal("call", call["type"]);
        Assert.Equal("2014-08-27T20:50:44Z", call["occurred_at"]);
        Assert.Equal("email", email["type"]);
        Assert.Equal("outbound", email["direction"]);
        Assert.Equal("This is the subject of the email", email["subject"]);
        Assert.Equal("NOTE", note["type"]);
        Assert.Equal("TASK", tasks[0]["type"]);
        Assert.Equal("32779820", tasks[0]["csm_id"]);
        Assert.Equal(105, run.Report.Rows["activities"]);
        Assert.Equal(2, run.Report.OrphanCount("activities", "csm_id"));
    }

    [Fact]
    public void Companies_owners_and_deals_land_as_accounts_csms_and_opportunities()
    {
        // Given the samples (company properties hashed, no ARR property, deals without type or amount)
        using var run = new PresetRun("hubspot", RepoPaths.RealFormats("hubspot"));

        // When read back
        var company = run.Row("accounts", "account_id", "2182162682");
        var deal = run.Row("opportunities", "opportunity_id", "1244495215");

        // Then
        Assert.Equal("4b2c13cca3eb58ee49bbddcf00417130", company["name"]);
        Assert.Null(company["arr"]);
        Assert.Equal("2019-12-04", deal["created_on"]);
        Assert.Equal(24, run.Report.Rows["accounts"]);
        Assert.Equal(100, run.Report.Rows["csms"]);
        Assert.Equal(44, run.Report.QuirkCount("required_empty", "opportunities.type"));
        Assert.Equal(24, run.Report.QuirkCount("hashed_value", "company.property_name"));
    }

    [Fact]
    public void Epoch_millisecond_api_timestamps_and_company_links_are_resolved()
    {
        // Given an API-style export: epoch-millisecond timestamps, a call linked to a company, an inbound email
        using var extract = new TempExtract()
            .With("company.csv", "id,property_name,property_arr,property_hubspot_owner_id\n77,Initech,36000,5\n")
            .With("owner.csv", "owner_id,first_name,last_name,email\n5,Pat,Lee,pat@example.com\n")
            .With("engagement_call.csv", "engagement_id,property_hs_timestamp,property_hubspot_owner_id,property_hs_call_direction,property_hs_call_duration\n"
                + "500,1735725600000,5,INBOUND,450000\n")
            .With("engagement_email.csv", "engagement_id,type,property_hs_timestamp,property_hubspot_owner_id\n501,INCOMING_EMAIL,1735729200000,5\n")
            .With("engagement_company.csv", "engagement_id,company_id\n500,77\n501,78\n");

        // When translated
        using var run = new PresetRun("hubspot", extract.Folder);

        // Then
        var call = run.Row("activities", "activity_id", "500");
        Assert.Equal("2025-01-01T10:00:00Z", call["occurred_at"]);
        Assert.Equal("77", call["account_id"]);
        Assert.Equal("call", call["type"]);
        Assert.Equal("inbound", call["direction"]);
        Assert.Equal("7.5", call["duration_minutes"]);
        var email = run.Row("activities", "activity_id", "501");
        Assert.Equal("inbound", email["direction"]);
        Assert.Equal("2025-01-01T11:00:00Z", email["occurred_at"]);
        Assert.Equal("36000", run.Row("accounts", "account_id", "77")["arr"]);
        Assert.Equal("Pat Lee", run.Row("csms", "csm_id", "5")["name"]);
        Assert.Equal(2, run.Report.QuirkCount("epoch_milliseconds"));
        var orphan = Assert.Single(run.Report.Orphans);
        Assert.Equal(("activities", "account_id", 1L), (orphan.Entity, orphan.Column, orphan.Rows));
        Assert.Equal("78", Assert.Single(orphan.Examples));
    }
}
