namespace CapacityAnalytics.Cli.Tests;

public sealed class ValidateMappingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("capacity-map-").FullName;

    private static string ServiceNow => CliHarness.RepoFile(Path.Combine("tests", "fixtures", "realformats", "servicenow"));

    private static string Mapping => CliHarness.RepoFile(Path.Combine("pipelines", "mappings", "servicenow-incidents.yaml"));

    [Fact]
    public void Validate_with_a_mapping_previews_rows_first_rows_unused_columns_and_missing_entities()
    {
        // Given the ServiceNow event log and its example mapping
        // When previewed
        var (exit, output) = CliHarness.Run("validate", ServiceNow, "--mapping", Mapping);

        // Then
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("59 row(s) read, 7 mapped, 0 rejected", output, StringComparison.Ordinal);
        Assert.Contains("  read incident_log: 59 row(s) from 1 file(s) (incident_event_log.csv)", output, StringComparison.Ordinal);
        Assert.Contains("    unused columns: active, reopen_count,", output, StringComparison.Ordinal);
        Assert.Contains("  tickets: 7 mapped, 7 loaded, 0 rejected", output, StringComparison.Ordinal);
        Assert.Contains("    | ticket_id=INC0000045, account_id=Caller 2403,", output, StringComparison.Ordinal);
        Assert.Contains("  missing: csms (required;", output, StringComparison.Ordinal);
        Assert.Contains("  not mapped (optional): usage_daily", output, StringComparison.Ordinal);
        Assert.Contains("quirk event_log_collapsed at incident_log: 59 (59 event row(s) -> 7 row(s), one per number)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_that_misreads_dates_exits_1_with_one_line_per_cell_naming_the_mapping()
    {
        // Given the mapping read month-first
        var mapping = Path.Combine(_dir, "mdy.yaml");
        File.WriteAllText(mapping, File.ReadAllText(Mapping).Replace("order: dmy", "order: mdy", StringComparison.Ordinal));

        // When previewed
        var (exit, output) = CliHarness.Run(4000, false, "validate", ServiceNow, "--mapping", mapping);

        // Then rejects by reason, and each problem line runs from the export cell to the mapping key
        Assert.Equal(ExitCodes.Data, exit);
        Assert.Contains("  tickets: 7 mapped, 0 loaded, 7 rejected", output, StringComparison.Ordinal);
        Assert.Contains("    rejected 7: created_at: not an ISO-8601 timestamp", output, StringComparison.Ordinal);
        var line = output.Split('\n').First(l => l.Contains("incident_event_log.csv:4:created_at:", StringComparison.Ordinal));
        Assert.Contains($"mapping {mapping}:46 maps tickets.created_at from incident_log.opened_at: give the export column a format", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_file_with_an_unknown_key_is_a_usage_error_naming_file_and_line()
    {
        // Given a mapping whose line 4 misspells null_tokens
        var mapping = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(mapping, "sources:\n  log:\n    files: [incident_event_log]\n    nul_tokens: ['?']\nentities:\n  tickets:\n    from: log\n    columns: { ticket_id: number }\n");

        // When previewed
        var (exit, output) = CliHarness.Run("validate", ServiceNow, "--mapping", mapping);

        // Then
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{mapping}(4,", output, StringComparison.Ordinal);
        Assert.Contains("nul_tokens", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
