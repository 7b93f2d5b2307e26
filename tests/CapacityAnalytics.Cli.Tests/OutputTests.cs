using System.Text.Json;

namespace CapacityAnalytics.Cli.Tests;

/// <summary>
/// Output that reads well in a terminal, in a scheduler's log and in a pipe: one message one line when not a terminal,
/// names never split at 80 columns, and <c>--format json</c> documents that parse.
/// </summary>
public sealed class OutputTests : IClassFixture<OutputTests.SmallCompany>
{
    /// <summary>One small company, run once with JSON output and kept for the tests of this class.</summary>
    public sealed class SmallCompany : IDisposable
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("capacity-cli-output-").FullName;

        public string Extracts => Path.Combine(Dir, "company");

        public string Out => Path.Combine(Dir, "out");

        public (int Exit, string Output) Run { get; }

        public SmallCompany()
        {
            CliHarness.Run("sample", "--out", Extracts, "--accounts", "80", "--csms", "4", "--months", "8", "--seed", "3");
            Run = CliHarness.Run(80, false, "run", "--extracts", Extracts, "--out", Out, "--format", "json");
        }

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }

    private readonly SmallCompany company;

    public OutputTests(SmallCompany company) => this.company = company;

    private string BadFolder()
    {
        var dir = Path.Combine(company.Dir, "bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "csms.csv"), "csm_id\nC1\n");
        File.WriteAllText(Path.Combine(dir, "accounts.csv"), "account_id,arr,csm_id\nA1,1000,C1\n");
        File.WriteAllText(Path.Combine(dir, "activities_with_a_rather_long_file_name_late.csv"),
            "activity_id,csm_id,type,occurred_at\nX1,C1,qbr,2026-01-05T10:00:00Z\nX2,C1,qbr,not-a-time\n");
        return dir;
    }

    [Fact]
    public void A_validation_problem_is_one_line_with_file_line_and_column_first_when_output_is_a_log()
    {
        // Given a folder with a bad timestamp on line 3, validated into a log at 80 columns
        var dir = BadFolder();

        var (exit, output) = CliHarness.Run(80, false, "validate", dir);

        // Then the problem is one line starting with file:line:column and ending with the reason
        Assert.Equal(ExitCodes.Data, exit);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("late.csv", StringComparison.Ordinal));
        Assert.StartsWith(Path.Combine(dir, "activities_with_a_rather_long_file_name_late.csv") + ":3:occurred_at:", line, StringComparison.Ordinal);
        Assert.Contains("not-a-time", line, StringComparison.Ordinal);
        Assert.True(line.Length > 80, "the test needs a line longer than the console");
    }

    [Fact]
    public void Validate_as_json_lists_every_problem_with_file_line_column_and_reason()
    {
        var (exit, output) = CliHarness.Run(80, true, "validate", BadFolder(), "--format", "json");

        Assert.Equal(ExitCodes.Data, exit);
        using var json = JsonDocument.Parse(output);
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("line").GetInt64());
        Assert.Equal("occurred_at", problem.GetProperty("column").GetString());
        Assert.EndsWith("late.csv", problem.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("reason").GetString()));
    }

    [Fact]
    public void A_run_as_json_gives_the_run_id_status_stage_timings_and_the_calibration()
    {
        var (exit, output) = company.Run;

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.EndsWith("-adhoc", root.GetProperty("run_id").GetString(), StringComparison.Ordinal);
        Assert.Equal(["ingest", "transform", "calibrate", "publish"], root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.All(root.GetProperty("stages").EnumerateArray(), s => Assert.True(s.GetProperty("seconds").GetDouble() >= 0));
        Assert.True(root.GetProperty("calibration").GetProperty("parameters").GetArrayLength() > 0);
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("entity").GetString() == "activities" && e.GetProperty("rows_loaded").GetInt64() > 0);
    }

    [Fact]
    public void An_error_as_json_is_a_document_with_the_exit_code_and_the_message()
    {
        var (exit, output) = CliHarness.Run(80, false, "history", Path.Combine(company.Dir, "missing.yaml"), "--format", "json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal("error", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(exit, json.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Contains("missing.yaml", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void History_shows_each_stage_in_its_own_column_and_run_ids_whole_at_80_columns()
    {
        // Given the run the fixture made, its pipeline file beside the warehouse
        var runId = JsonDocument.Parse(company.Run.Output).RootElement.GetProperty("run_id").GetString()!;
        var pipeline = Path.Combine(company.Dir, "history.yaml");
        File.WriteAllText(pipeline, $"name: adhoc\nout: {company.Out}\nmodel: {CliHarness.RepoFile("pipelines/capacity-model.yaml")}\nsources:\n  - path: {company.Extracts}\n");

        // When the history is shown in a terminal of 80 columns, in a log, as JSON, and for the one run
        var (exit, table) = CliHarness.Run(80, true, "history", pipeline);
        var (_, log) = CliHarness.Run(80, false, "history", pipeline);
        var (_, json) = CliHarness.Run(80, true, "history", pipeline, "--format", "json");
        var (_, one) = CliHarness.Run(80, true, "history", pipeline, "--run", runId);

        // Then the run id is whole in the terminal (the stage columns give way to it), the log has every stage as a
        // column, JSON has the stage timings, and --run shows every stage
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(table.Split('\n'), l => l.Contains(runId, StringComparison.Ordinal));
        Assert.All(table.Split('\n'), l => Assert.True(l.Length <= 80, l));
        Assert.Contains(log.Split('\n'), l => l.Contains("transform", StringComparison.Ordinal) && l.Contains("publish", StringComparison.Ordinal));
        Assert.Contains(log.Split('\n'), l => l.Contains(runId, StringComparison.Ordinal));
        var run = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.True(run.GetProperty("stage_seconds").GetProperty("calibrate").GetDouble() >= 0);
        Assert.Contains("calibrate", one, StringComparison.Ordinal);
        Assert.Contains(runId, one, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calibration_report_keeps_every_name_whole_in_a_100_column_terminal()
    {
        // When the calibration is printed in a terminal of 100 columns
        var pipeline = Path.Combine(company.Dir, "calibrate.yaml");
        File.WriteAllText(pipeline, $"name: adhoc\nout: {company.Out}\nmodel: {CliHarness.RepoFile("pipelines/capacity-model.yaml")}\nsources:\n  - path: {company.Extracts}\n");
        var (exit, output) = CliHarness.Run(100, true, "calibrate", pipeline);

        // Then no line is wider than the terminal and every parameter and touchpoint type appears whole
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.All(output.Split('\n'), l => Assert.True(l.Length <= 100, $"{l.Length}: {l}"));
        foreach (var name in new[] { "stakeholder_multiplier", "complexity_multiplier", "onboarding_uplift", "mid_market" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }
        Assert.Contains("capacity_touchpoint", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_prints_headcount_and_hiring_months_whole_in_a_100_column_terminal()
    {
        // When the plan is printed in a terminal of 100 columns, from the warehouse the fixture's run built
        var (exit, output) = CliHarness.Run(100, true, "plan", "--extracts", company.Extracts, "--out", company.Out);

        // Then no line is wider than the terminal, and the basis line, each segment and each section are there
        Assert.True(exit == ExitCodes.Ok, output);
        Assert.All(output.Split('\n'), l => Assert.True(l.Length <= 100, $"{l.Length}: {l}\n{output}"));
        Assert.Contains("practical customer-facing hours per CSM-month", output, StringComparison.Ordinal);
        foreach (var name in new[] { "enterprise", "mid_market", "smb", "headcount now", "when to hire", "scenarios", "requisition", "book rebalancing", "lanes if every" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plan_as_json_has_a_hiring_row_per_segment_and_writes_the_same_workbook_twice()
    {
        var first = Path.Combine(company.Dir, "plan-1.xlsx");
        var second = Path.Combine(company.Dir, "plan-2.xlsx");

        var (exit, output) = CliHarness.Run(80, false, "plan", "--extracts", company.Extracts, "--out", company.Out, "--xlsx", first, "--format", "json");
        CliHarness.Run(80, false, "plan", "--extracts", company.Extracts, "--out", company.Out, "--xlsx", second, "--quiet");

        Assert.True(exit == ExitCodes.Ok, output);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal(first, root.GetProperty("workbook").GetString());
        var hiring = root.GetProperty("hiring").EnumerateArray().ToList();
        Assert.Equal(["enterprise", "mid_market", "smb"], hiring.Select(h => h.GetProperty("segment").GetString()));
        Assert.All(hiring, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("status").GetString())));
        Assert.All(hiring, h => Assert.Equal(root.GetProperty("practical_hours_per_month").GetDouble(), h.GetProperty("capacity_hours_month").GetDouble()));
        Assert.Contains(root.GetProperty("headcount").EnumerateArray(), r => r.GetProperty("segment").GetString() == "total");
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        // ... and the last calibrate's rebalancing: every proposed move lands on a CSM listed with their load
        var rebalance = root.GetProperty("rebalance");
        var loads = rebalance.GetProperty("loads").EnumerateArray().ToList();
        Assert.NotEmpty(loads);
        Assert.Equal(rebalance.GetProperty("moves").GetInt32(), loads.Sum(l => l.GetProperty("moves_in").GetInt32()));
        Assert.Contains(root.GetProperty("lanes").EnumerateArray(), l => l.GetProperty("lane").GetString() == "dedicated");
    }

    [Fact]
    public void Plan_without_a_warehouse_or_into_a_missing_folder_is_a_one_line_usage_error()
    {
        var (noWarehouse, message) = CliHarness.Run(200, false, "plan", "--extracts", company.Extracts, "--out", Path.Combine(company.Dir, "never-run"));
        Assert.Equal(ExitCodes.Usage, noWarehouse);
        Assert.Contains("no warehouse yet", message, StringComparison.Ordinal);
        Assert.Single(message.Trim().Split('\n'));

        var (badFolder, folderMessage) = CliHarness.Run(200, false, "plan", "--extracts", company.Extracts, "--out", company.Out,
            "--xlsx", Path.Combine(company.Dir, "no-such-folder", "plan.xlsx"));
        Assert.Equal(ExitCodes.Usage, badFolder);
        Assert.Contains("no-such-folder", folderMessage, StringComparison.Ordinal);
        Assert.Single(folderMessage.Trim().Split('\n'));
    }
}
