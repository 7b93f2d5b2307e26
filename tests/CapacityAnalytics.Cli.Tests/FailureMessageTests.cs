using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Cli.Tests;

/// <summary>How a failure the engine words for itself reaches the user: one line, the cause first, exit 1.</summary>
public sealed class FailureMessageTests
{
    private static (int Exit, string Output) Execute(Exception ex)
    {
        var writer = new StringWriter();
        var exit = new CliEnvironment(CliHarness.RecordingConsole(writer, 1000), TimeProvider.System).Execute(() => throw ex);
        return (exit, writer.ToString().Trim());
    }

    [Fact]
    public void A_full_disk_in_the_warehouse_names_the_stage_the_file_the_cause_and_the_run_the_targets_hold()
    {
        // Given the error DuckDB raises when a checkpoint meets a full disk, from a run that failed in transform
        var ex = new InvalidOperationException(
            "FATAL Error: Failed to create checkpoint because of error: Could not write file \"/data/out/capacity.duckdb\": No space left on device");
        ex.Data[RunLog.StageKey] = "transform";
        ex.Data[PublishLog.PublishedRunKey] = "20261127T060000.000Z-acme";

        var (exit, output) = Execute(ex);

        Assert.Equal(1, exit);
        Assert.Equal(
            "error: transform: /data/out/capacity.duckdb: could not write it: No space left on device. Check the path, its "
            + "permissions and free space; every publish target still holds run 20261127T060000.000Z-acme.",
            output);
    }

    [Fact]
    public void A_bug_is_still_an_unexpected_error_with_the_way_to_report_it()
    {
        var (exit, output) = Execute(new InvalidOperationException("Sequence contains no elements"));

        Assert.Equal(1, exit);
        Assert.StartsWith("unexpected error: InvalidOperationException: Sequence contains no elements (set CAPACITY_DEBUG=1", output, StringComparison.Ordinal);
    }
}
