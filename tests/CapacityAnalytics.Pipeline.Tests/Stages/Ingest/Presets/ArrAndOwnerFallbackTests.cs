using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Tests.Support;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

public class ArrAndOwnerFallbackTests
{
    private const string Users = "Id,Name\n005A1,Casey\n";

    // An org without an ARR field: Acme has renewals won in 2024 and 2025 (the later one counts) and an expansion
    // won later still (not an ARR source); Globex has only an open renewal; Initech has a lost renewal.
    private static TempExtract OrgWithoutArrField() => new TempExtract()
        .With("Account.csv",
            "Id,Name,OwnerId,IsDeleted\n" +
            "001A1,Acme,005A1,false\n" +
            "001A2,Globex,005A1,false\n" +
            "001A3,Initech,005A1,false\n")
        .With("User.csv", Users)
        .With("Task.csv", "Id,AccountId,OwnerId,Type,ActivityDate\n00T1,001A1,005A1,Call,2025-06-02\n")
        .With("Event.csv", "Id,AccountId,OwnerId,Type,ActivityDateTime,DurationInMinutes\n00U1,001A1,005A1,Meeting,2025-06-03T10:00:00Z,30\n")
        .With("Opportunity.csv",
            "Id,AccountId,Type,Amount,CreatedDate,CloseDate,StageName,IsClosed,IsWon,IsDeleted\n" +
            "006A1,001A1,Renewal,24000,2024-01-05,2024-02-01,Closed Won,true,true,false\n" +
            "006A2,001A1,Renewal,36000,2025-01-05,2025-02-01,Closed Won,true,true,false\n" +
            "006A3,001A1,Upsell,90000,2025-04-01,2025-05-01,Closed Won,true,true,false\n" +
            "006A4,001A2,Renewal,50000,2025-03-01,2025-12-15,Negotiation,false,false,false\n" +
            "006A5,001A3,New Business,70000,2025-01-01,2025-02-01,Closed Lost,true,false,false\n");

    [Fact]
    public void Without_an_arr_field_arr_comes_from_the_latest_closed_won_renewal_and_the_report_says_so()
    {
        // Given the org above
        using var extract = OrgWithoutArrField();

        // When translated with the default parameters (renewal/new, 12 months)
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then Acme's ARR is its latest closed-won renewal, 36000 x 12 / 12 = 36000 (not the 2024 one, not the upsell)
        Assert.Equal("36000", run.Row("accounts", "account_id", "001A1")["arr"]);
        Assert.Null(run.Row("accounts", "account_id", "001A2")["arr"]); // open renewal: no ARR
        Assert.Null(run.Row("accounts", "account_id", "001A3")["arr"]); // lost: no ARR
        Assert.Equal(1, run.Report.ProvenanceCount("accounts", "arr", "latest closed-won opportunity (renewal/new) x 12 / 12"));
        Assert.Equal(2, run.Report.ProvenanceCount("accounts", "arr", "none"));
        Assert.Contains(run.Report.Describe(), l => l.Contains("accounts.arr taken from: latest closed-won opportunity (renewal/new) x 12 / 12 1 row(s); none 2 row(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_months_an_opportunity_covers_and_the_field_are_pipeline_params()
    {
        // Given the same org, a pipeline saying one opportunity pays for 24 months
        using var extract = OrgWithoutArrField();
        var config = AdHocPipeline.For(extract.Folder, "salesforce", Path.GetTempPath());
        config.Sources[0].Params = new() { ["arr_opportunity_months"] = "24" };

        // When ingested end to end (the accounts without ARR are rejected: 2 of 3, under a 100% threshold)
        using var run = MappedRun.Start(config, new IngestOptions { RejectThreshold = 1 });

        // Then 36000 x 12 / 24 = 18000, and the run's notes say where ARR came from
        Assert.Equal("18000", run.Row("select arr from raw_accounts where account_id = '001A1'")["arr"]);
        Assert.Equal(2, run.Result.Result.For("accounts")!.RowsRejected);
        Assert.Contains(run.Result.Notes, n => n.Contains("accounts.arr taken from: latest closed-won opportunity (renewal/new) x 12 / 24 1 row(s); none 2 row(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_arr_field_wins_over_the_opportunities()
    {
        // Given the Data Loader fixture, whose accounts carry ARR__c, and a won upgrade on Acme
        using var run = new PresetRun("salesforce", RepoPaths.Fixtures("salesforce-dataloader"));

        // Then ARR is the field's value and the report names the field for both accounts
        Assert.Equal("48000", run.Row("accounts", "account_id", "001A000001AcmeAAA")["arr"]);
        Assert.Equal(2, run.Report.ProvenanceCount("accounts", "arr", "account field arr_c"));
    }

    [Fact]
    public void The_fivetran_replica_reports_that_its_one_live_account_has_no_arr_source()
    {
        // Given the replica: no ARR field, every opportunity soft-deleted
        using var run = new PresetRun("salesforce", RepoPaths.RealFormats("salesforce"));

        // Then the account stays without ARR and the report says no source had it
        Assert.Equal(1, run.Report.ProvenanceCount("accounts", "arr", "none"));
        Assert.Equal(1, run.Report.QuirkCount("required_empty", "accounts.arr"));
    }

    [Fact]
    public void A_hubspot_engagement_without_an_owner_takes_its_company_owner()
    {
        // Given two meetings of company 10 (owned by 501): one with its own owner 502, one with none,
        // and a meeting without owner on company 11, which has no owner either
        using var extract = new TempExtract()
            .With("company.csv", "id,property_name,property_hubspot_owner_id\n10,Acme,501\n11,Globex,\n")
            .With("owner.csv", "owner_id,first_name,last_name\n501,Ann,Lee\n502,Bo,Ng\n")
            .With("engagement_meeting.csv",
                "engagement_id,start_time,end_time,property_hubspot_owner_id,title\n" +
                "1,2025-06-02 10:00:00,2025-06-02 10:30:00,502,QBR\n" +
                "2,2025-06-03 10:00:00,2025-06-03 10:45:00,,Kickoff call\n" +
                "3,2025-06-04 10:00:00,2025-06-04 11:00:00,,Check-in\n")
            .With("engagement_company.csv", "company_id,engagement_id\n10,1\n10,2\n11,3\n");

        // When translated
        using var run = new PresetRun("hubspot", extract.Folder);

        // Then
        Assert.Equal("502", run.Row("activities", "activity_id", "1")["csm_id"]);
        Assert.Equal("501", run.Row("activities", "activity_id", "2")["csm_id"]);
        Assert.Null(run.Row("activities", "activity_id", "3")["csm_id"]);
        Assert.Equal(1, run.Report.ProvenanceCount("activities", "csm_id", "engagement owner"));
        Assert.Equal(1, run.Report.ProvenanceCount("activities", "csm_id", "company owner (engagement has none)"));
        Assert.Equal(1, run.Report.ProvenanceCount("activities", "csm_id", "none"));
    }
}
