namespace CapacityAnalytics.Cli.Tests;

public sealed class ExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("capacity-cli-").FullName;

    [Fact]
    public void An_unknown_command_is_a_usage_error_with_a_pointer_to_help()
    {
        var (exit, output) = CliHarness.Run("bogus");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("capacity --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_pipeline_file_is_one_line_naming_it_and_exit_2()
    {
        var missing = Path.Combine(_dir, "nope.yaml");

        var (exit, output) = CliHarness.Run("run", missing);

        Assert.Equal(ExitCodes.Usage, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_in_a_pipeline_file_names_the_file_and_line()
    {
        // Given a pipeline file whose line 3 has a typo
        var file = Path.Combine(_dir, "p.yaml");
        File.WriteAllText(file, "name: p\nsources:\n  - pth: ./x\n");

        var (exit, output) = CliHarness.Run("run", file);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{file}:3:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lists_each_bad_cell_with_file_line_and_column_and_exits_1()
    {
        // Given a canonical folder whose accounts.csv has a bad ARR on line 3
        File.WriteAllText(Path.Combine(_dir, "csms.csv"), "csm_id\nC1\n");
        File.WriteAllText(Path.Combine(_dir, "accounts.csv"), "account_id,arr,csm_id\nA1,1000,C1\nA2,lots,C1\n");
        File.WriteAllText(Path.Combine(_dir, "activities.csv"), "activity_id,csm_id,type,occurred_at\nX1,C1,qbr,2026-01-05T10:00:00Z\n");

        var (exit, output) = CliHarness.Run("validate", _dir);

        Assert.Equal(ExitCodes.Data, exit);
        Assert.Contains("accounts.csv:3", output, StringComparison.Ordinal);
        Assert.Contains("arr", output, StringComparison.Ordinal);
        Assert.Contains("lots", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_activities_file_is_a_data_error_exit_1_with_what_to_check()
    {
        // Given a canonical folder whose activities.csv has a header and no rows
        var extracts = Path.Combine(_dir, "header-only");
        Directory.CreateDirectory(extracts);
        File.WriteAllText(Path.Combine(extracts, "csms.csv"), "csm_id\nC1\n");
        File.WriteAllText(Path.Combine(extracts, "accounts.csv"), "account_id,arr,csm_id\nA1,1000,C1\n");
        File.WriteAllText(Path.Combine(extracts, "activities.csv"), "activity_id,csm_id,type,occurred_at\n");

        var (exit, output) = CliHarness.Run("run", "--extracts", extracts, "--out", Path.Combine(_dir, "header-only-out"));

        Assert.Equal(ExitCodes.Data, exit);
        Assert.Contains("no activities were loaded", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_over_the_threshold_fail_the_run_with_exit_1_and_a_one_line_reason()
    {
        // Given extracts where 1 of 2 accounts is bad (50% > 1%)
        var extracts = Directory.CreateDirectory(Path.Combine(_dir, "x")).FullName;
        File.WriteAllText(Path.Combine(extracts, "csms.csv"), "csm_id\nC1\n");
        File.WriteAllText(Path.Combine(extracts, "accounts.csv"), "account_id,arr,csm_id\nA1,1000,C1\nA2,lots,C1\n");
        File.WriteAllText(Path.Combine(extracts, "activities.csv"), "activity_id,csm_id,type,occurred_at\nX1,C1,qbr,2026-01-05T10:00:00Z\n");

        var (exit, output) = CliHarness.Run("ingest", "--extracts", extracts, "--out", Path.Combine(_dir, "out"));

        Assert.Equal(ExitCodes.Data, exit);
        Assert.Contains("accounts", output, StringComparison.Ordinal);
        Assert.Contains("ingest_rejects", output, StringComparison.Ordinal);
        // ... and the one line says what is wrong with most of them: A2's arr
        Assert.Contains("most often column arr: not a decimal number (use . as decimal point) (1 rows)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_preset_is_a_usage_error_listing_the_presets()
    {
        var (exit, output) = CliHarness.Run("ingest", "--extracts", _dir, "--preset", "pipedrive", "--out", Path.Combine(_dir, "out"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Available presets: hubspot, salesforce, zendesk", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
