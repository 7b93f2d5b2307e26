using System.Text;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

/// <summary>Each format quirk of real exports gets a defined outcome and a count, never a crash.</summary>
public class PresetQuirkTests
{
    private const string AccountHeader = "Id,Name,OwnerId,ARR__c\n";
    private const string UserFile = "Id,Name\n005U1,Casey\n";

    [Fact]
    public void Mixed_line_endings_and_a_missing_final_newline_are_read_with_correct_lines()
    {
        // Given a task file mixing CRLF and LF and ending without a newline
        using var extract = new TempExtract()
            .With("Account.csv", AccountHeader + "001A1,Acme,005U1,1000\n")
            .With("User.csv", UserFile)
            .With("Task.csv", "Id,AccountId,OwnerId,Type,ActivityDate\r\nT1,001A1,005U1,Call,2025-01-02\nT2,001A1,005U1,Email,2025-01-03\r\nT3,001A1,005U1,Meeting,2025-01-04")
            .With("Event.csv", "Id,OwnerId,ActivityDateTime\n");

        // When translated
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then every record lands with its physical line, and both quirks are counted
        Assert.Equal("4", run.Row("activities", "activity_id", "T3")["_line"]);
        Assert.Equal("check_in", run.Row("activities", "activity_id", "T3")["type"]);
        Assert.Equal(1, run.Report.QuirkCount("mixed_line_endings", "Task.csv"));
        Assert.Equal(1, run.Report.QuirkCount("missing_trailing_newline", "Task.csv"));
    }

    [Fact]
    public void Booleans_spelled_true_TRUE_and_1_are_all_true()
    {
        // Given opportunities whose booleans are spelled three ways
        using var extract = new TempExtract()
            .With("Account.csv", AccountHeader + "001A1,Acme,005U1,1000\n")
            .With("User.csv", UserFile)
            .With("Task.csv", "Id,OwnerId,ActivityDate\n")
            .With("Event.csv", "Id,OwnerId,ActivityDateTime\n")
            .With("Opportunity.csv", "Id,AccountId,Type,Amount,CreatedDate,IsClosed,IsWon\n"
                + "O1,001A1,Renewal,10,2025-01-01,true,TRUE\nO2,001A1,Renewal,10,2025-01-01,1,0\nO3,001A1,Renewal,10,2025-01-01,FALSE,false\n");

        // When translated
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then
        Assert.Equal(("true", "true"), Pair(run, "O1"));
        Assert.Equal(("true", "false"), Pair(run, "O2"));
        Assert.Equal(("false", "false"), Pair(run, "O3"));
        Assert.Equal(4, run.Report.QuirkCount("boolean_spelling"));
    }

    [Fact]
    public void Hashed_picklist_values_and_json_cells_are_kept_and_counted()
    {
        // Given an opportunity whose Type is an obfuscated hash and a task whose subject is JSON with quotes and commas
        using var extract = new TempExtract()
            .With("Account.csv", AccountHeader + "001A1,Acme,005U1,1000\n")
            .With("User.csv", UserFile)
            .With("Task.csv", "Id,AccountId,OwnerId,Type,ActivityDate,Subject\nT1,001A1,005U1,Call,2025-01-02,\"{\"\"topic\"\": \"\"renewal\"\", \"\"tags\"\": [1, 2]}\"\n")
            .With("Event.csv", "Id,OwnerId,ActivityDateTime\n")
            .With("Opportunity.csv", "Id,AccountId,Type,Amount,CreatedDate\nO1,001A1,+Gkf6SQ2fhAONAiFelNKVw==,10,2025-01-01\n");

        // When translated
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then the hash stays (the typing step rejects it as a type) and the JSON arrives intact
        Assert.Equal("+Gkf6SQ2fhAONAiFelNKVw==", run.Row("opportunities", "opportunity_id", "O1")["type"]);
        Assert.Equal(1, run.Report.QuirkCount("hashed_value", "opportunities.type"));
        Assert.Equal("{\"topic\": \"renewal\", \"tags\": [1, 2]}", run.Row("activities", "activity_id", "T1")["subject"]);
        Assert.Equal(1, run.Report.QuirkCount("json_cell", "task.subject"));
    }

    [Fact]
    public void Ids_that_link_to_nothing_are_kept_as_given_and_reported()
    {
        // Given a task on an account and an owner that are not in the extract
        using var extract = new TempExtract()
            .With("Account.csv", AccountHeader + "001A1,Acme,005U1,1000\n")
            .With("User.csv", UserFile)
            .With("Task.csv", "Id,AccountId,OwnerId,Type,ActivityDate\nT1,001MISSING,005GHOST,Call,2025-01-02\n")
            .With("Event.csv", "Id,OwnerId,ActivityDateTime\n");

        // When translated
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then
        var task = run.Row("activities", "activity_id", "T1");
        Assert.Equal("001MISSING", task["account_id"]);
        Assert.Equal("005GHOST", task["csm_id"]);
        Assert.Equal(1, run.Report.OrphanCount("activities", "account_id"));
        Assert.Equal(1, run.Report.OrphanCount("activities", "csm_id"));
    }

    [Fact]
    public void A_file_with_382_columns_is_read_and_only_the_mapped_ones_are_used()
    {
        // Given a task export with 382 columns (mostly empty custom fields), the mapped ones at the far end
        var header = new StringBuilder();
        var row = new StringBuilder();
        for (var i = 1; i <= 377; i++)
        {
            header.Append("Custom_Field_").Append(i).Append("__c,");
            row.Append(',');
        }
        header.Append("Id,AccountId,OwnerId,Type,ActivityDate\n");
        row.Append("T1,001A1,005U1,Call,2025-01-02\n");
        using var extract = new TempExtract()
            .With("Account.csv", AccountHeader + "001A1,Acme,005U1,1000\n")
            .With("User.csv", UserFile)
            .With("Task.csv", header.ToString() + row)
            .With("Event.csv", "Id,OwnerId,ActivityDateTime\n");

        // When translated
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then
        Assert.Equal("call", run.Row("activities", "activity_id", "T1")["type"]);
        Assert.Equal(382, run.Report.Sources.Single(s => s.Source == "task").Columns);
        Assert.Equal(1, run.Report.QuirkCount("wide_file", "Task.csv"));
    }

    [Fact]
    public void Epoch_and_offset_timestamps_become_utc_and_unparsable_ones_pass_through()
    {
        // Given events timed in epoch milliseconds, epoch seconds, an offset, and text no rule reads
        using var extract = new TempExtract()
            .With("Account.csv", AccountHeader + "001A1,Acme,005U1,1000\n")
            .With("User.csv", UserFile)
            .With("Task.csv", "Id,OwnerId,ActivityDate\n")
            .With("Event.csv", "Id,AccountId,OwnerId,Type,ActivityDateTime\n"
                + "E1,001A1,005U1,Meeting,1735725600000\nE2,001A1,005U1,Meeting,1735725600\n"
                + "E3,001A1,005U1,Meeting,2025-01-01T12:00:00-02:00\nE4,001A1,005U1,Meeting,next tuesday\n");

        // When translated
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then
        Assert.Equal("2025-01-01T10:00:00Z", run.Row("activities", "activity_id", "E1")["occurred_at"]);
        Assert.Equal("2025-01-01T10:00:00Z", run.Row("activities", "activity_id", "E2")["occurred_at"]);
        Assert.Equal("2025-01-01T14:00:00Z", run.Row("activities", "activity_id", "E3")["occurred_at"]);
        Assert.Equal("next tuesday", run.Row("activities", "activity_id", "E4")["occurred_at"]);
        Assert.Equal(1, run.Report.QuirkCount("epoch_milliseconds", "event.activity_date_time"));
        Assert.Equal(1, run.Report.QuirkCount("epoch_seconds", "event.activity_date_time"));
        Assert.Equal(1, run.Report.QuirkCount("unparsed_timestamp", "activities.occurred_at"));
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_header()
    {
        // Given an account file starting with a UTF-8 BOM
        using var extract = new TempExtract()
            .With("Account.csv", "\uFEFF" + AccountHeader + "001A1,Acme,005U1,1000\n")
            .With("User.csv", UserFile)
            .With("Task.csv", "Id,OwnerId,ActivityDate\n")
            .With("Event.csv", "Id,OwnerId,ActivityDateTime\n");

        // When translated
        using var run = new PresetRun("salesforce", extract.Folder);

        // Then the Id column is found
        Assert.Equal("Acme", run.Row("accounts", "account_id", "001A1")["name"]);
    }

    private static (string?, string?) Pair(PresetRun run, string id)
    {
        var row = run.Row("opportunities", "opportunity_id", id);
        return (row["is_closed"], row["is_won"]);
    }
}
