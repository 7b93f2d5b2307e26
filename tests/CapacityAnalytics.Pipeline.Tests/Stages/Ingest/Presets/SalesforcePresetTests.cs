using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

public class SalesforcePresetTests
{
    [Fact]
    public void A_replica_task_lands_with_its_account_owner_type_and_date()
    {
        // Given the Fivetran-style snake_case replica in tests/fixtures/realformats/salesforce
        using var run = new PresetRun("salesforce", RepoPaths.RealFormats("salesforce"));

        // When the task 00T1G00003Ufap9UAB is read back (sf_task_data.csv, first record)
        var task = run.Row("activities", "activity_id", "00T1G00003Ufap9UAB");

        // Then its columns are the replica's account_id, owner_id, type and activity_date, in canonical form
        Assert.Equal("0011G00000jWVWoQAO", task["account_id"]);
        Assert.Equal("0051G000005Mun4QAC", task["csm_id"]);
        Assert.Equal("X", task["type"]);
        Assert.Equal("2019-11-11T17:23:34Z", task["occurred_at"]);
        Assert.Null(task["duration_minutes"]);
        Assert.EndsWith("sf_task_data.csv", task["_file"], StringComparison.Ordinal);
        Assert.Equal("2", task["_line"]);
        Assert.Equal("1", task["_file_order"]);
    }

    [Fact]
    public void A_replica_event_lands_as_a_call_with_its_duration()
    {
        // Given the replica
        using var run = new PresetRun("salesforce", RepoPaths.RealFormats("salesforce"));

        // When the event 00U1G00000DEaypUAD (type Call, 15 minutes) is read back
        var evt = run.Row("activities", "activity_id", "00U1G00000DEaypUAD");

        // Then
        Assert.Equal("0011G00000eLwuWQAS", evt["account_id"]);
        Assert.Equal("0051G000007Ez4XQAS", evt["csm_id"]);
        Assert.Equal("call", evt["type"]);
        Assert.Equal("2019-11-11T17:23:34Z", evt["occurred_at"]);
        Assert.Equal("15", evt["duration_minutes"]);
    }

    [Fact]
    public void The_replica_keeps_live_records_and_reports_its_orphans_and_hashes()
    {
        // Given the replica, where most accounts and every opportunity are soft-deleted and ids do not join
        using var run = new PresetRun("salesforce", RepoPaths.RealFormats("salesforce"));

        // When translated
        var report = run.Report;

        // Then deleted rows are left out, orphans are kept and counted, hashed picklists are counted
        Assert.Equal(20, report.Rows["activities"]);
        Assert.Equal(1, report.Rows["accounts"]);
        Assert.Equal("Eric's Test", run.Row("accounts", "account_id", "0015500000Xyy06AAB")["name"]);
        Assert.Equal(0, report.Rows["opportunities"]);
        Assert.Equal(19, report.OrphanCount("activities", "account_id"));
        Assert.Equal(20, report.OrphanCount("activities", "csm_id"));
        Assert.Equal(10, report.QuirkCount("hashed_value", "opportunity.type"));
        Assert.Equal(1, report.QuirkCount("required_empty", "accounts.arr"));
        Assert.Equal(1, report.QuirkCount("wide_file", "sf_task_data.csv"));
        Assert.Equal("Brandon Zinn", run.Row("csms", "csm_id", "0051G00000600MlQAI")["name"]);
    }

    [Fact]
    public void A_data_loader_export_with_pascal_case_headers_maps_the_same_way()
    {
        // Given a hand-written Data Loader export (PascalCase API names, __c custom fields, .000Z timestamps)
        using var run = new PresetRun("salesforce", RepoPaths.Fixtures("salesforce-dataloader"));

        // When the landed rows are read back
        var call = run.Row("activities", "activity_id", "00TA00000Task001");
        var other = run.Row("activities", "activity_id", "00TA00000Task002");
        var email = run.Row("activities", "activity_id", "00TA00000Task003");
        var qbr = run.Row("activities", "activity_id", "00UA0000Event001");
        var kickoff = run.Row("activities", "activity_id", "00UA0000Event002");

        // Then WhatId fills a missing AccountId, TaskSubtype/Type map to canonical types, seconds become minutes
        Assert.Equal("001A000001AcmeAAA", call["account_id"]);
        Assert.Equal("005A000000CsmOne", call["csm_id"]);
        Assert.Equal("call", call["type"]);
        Assert.Equal("2025-06-02T00:00:00Z", call["occurred_at"]);
        Assert.Equal("30", call["duration_minutes"]);
        Assert.Equal("outbound", call["direction"]);
        Assert.Equal("2", call["_line"]);
        // the first task's Description holds a quoted line break, so the second task starts on line 4
        Assert.Equal("4", other["_line"]);
        Assert.Equal("Other", other["type"]);
        Assert.Equal("email", email["type"]);
        Assert.Equal("5", email["_line"]);
        Assert.Equal("qbr", qbr["type"]);
        Assert.Equal("2025-06-10T14:00:00Z", qbr["occurred_at"]);
        Assert.Equal("60", qbr["duration_minutes"]);
        Assert.Equal("001A000001GlobxAA", kickoff["account_id"]);
        Assert.Equal("kickoff", kickoff["type"]);
        Assert.Equal("2025-06-11T07:30:00Z", kickoff["occurred_at"]);
    }

    [Fact]
    public void A_data_loader_export_takes_arr_from_the_arr_field_not_annual_revenue()
    {
        // Given the Data Loader fixture, whose accounts carry both AnnualRevenue and ARR__c
        using var run = new PresetRun("salesforce", RepoPaths.Fixtures("salesforce-dataloader"));

        // When accounts, CSMs and opportunities are read back
        var acme = run.Row("accounts", "account_id", "001A000001AcmeAAA");
        var globex = run.Row("accounts", "account_id", "001A000001GlobxAA");
        var renewal = run.Row("opportunities", "opportunity_id", "006A00000Opp0001");
        var upgrade = run.Row("opportunities", "opportunity_id", "006A00000Opp0002");

        // Then
        Assert.Equal("48000", acme["arr"]);
        Assert.Equal("005A000000CsmOne", acme["csm_id"]);
        Assert.Equal("2026-03-31", acme["renewal_date"]);
        Assert.Equal("125000.50", globex["arr"]);
        Assert.Equal(2, run.Report.Rows["accounts"]);
        Assert.Equal("Enterprise CSM", run.Row("csms", "csm_id", "005A000000CsmTwo")["team"]);
        Assert.Equal("renewal", renewal["type"]);
        Assert.Equal("2025-03-01", renewal["created_on"]);
        Assert.Equal("2025-12-15", renewal["close_on"]);
        Assert.Equal("expansion", upgrade["type"]);
        Assert.Equal("true", upgrade["is_won"]);
        Assert.DoesNotContain(run.Report.Orphans, o => o.Column == "account_id");
    }

    [Fact]
    public void The_arr_field_is_a_parameter_a_run_can_override()
    {
        // Given the Data Loader fixture and a run that names AnnualRevenue as the ARR field (deliberately)
        var options = new CapacityAnalytics.Pipeline.Stages.Ingest.Presets.PresetRunOptions(
            Parameters: new Dictionary<string, CapacityAnalytics.Pipeline.Stages.Ingest.Presets.PresetParameter>
            {
                ["arr_field"] = CapacityAnalytics.Pipeline.Stages.Ingest.Presets.PresetParameter.Scalar("AnnualRevenue"),
            });

        // When translated
        using var run = new PresetRun("salesforce", RepoPaths.Fixtures("salesforce-dataloader"), options);

        // Then ARR comes from that column
        Assert.Equal("90000000", run.Row("accounts", "account_id", "001A000001AcmeAAA")["arr"]);
    }
}
