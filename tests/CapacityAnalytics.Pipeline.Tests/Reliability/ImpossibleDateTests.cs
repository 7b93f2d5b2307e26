using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.Stages.Ingest;
using CapacityAnalytics.Pipeline.Stages.Transform;
using CapacityAnalytics.Pipeline.Tests.Operations;
using CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

namespace CapacityAnalytics.Pipeline.Tests.Reliability;

/// <summary>Issue 12, item 2: timestamps and dates no extract can truly hold (2031 in 2026, 9999-12-31, 0001-01-01).</summary>
public sealed class ImpossibleDateTests(DuckDbFixture db) : IClassFixture<DuckDbFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static IngestOptions Options => new() { RejectThreshold = 1, Plausible = PlausibleWindow.At(new FixedClock(Now)) };

    [Fact]
    public void Timestamps_after_the_clock_plus_a_day_or_before_2000_are_rejected_row_by_row_with_a_reason()
    {
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: false);
        extract.WriteLines("activities.csv", "activity_id,csm_id,type,occurred_at",
            "ok,c1,qbr,2026-11-20T10:00:00Z",
            "tomorrow,c1,qbr,2026-11-28T10:00:00Z",
            "future,c1,qbr,2031-06-01T10:00:00Z",
            "end,c1,qbr,9999-12-31T23:59:59Z",
            "ancient,c1,qbr,0001-01-01T00:00:00Z",
            "y1999,c1,qbr,1999-12-31");

        IngestService.IngestFolder(db.Connection, extract.Folder, Options);

        Assert.Equal([["ok"], ["tomorrow"]], db.Connection.Rows("select activity_id from raw_activities order by _line"));
        var reasons = db.Connection.Rows("select line, value, reason from ingest_rejects where entity = 'activities' order by line");
        Assert.Equal(["4", "5", "6"], reasons.Take(3).Select(r => r[0]));
        Assert.All(reasons.Take(2), r => Assert.StartsWith("implausible: in the future, after 2026-11-28 12:00:00Z", r[2], StringComparison.Ordinal));
        Assert.StartsWith("implausible: before 2000-01-01", reasons[2][2], StringComparison.Ordinal);
        // 1999-12-31 without a time is not a timestamp at all: the type check speaks first
        Assert.Equal("7", reasons[3][0]);
    }

    [Fact]
    public void Observed_dates_may_not_lie_ahead_of_the_clock_and_planned_dates_only_within_ten_years()
    {
        using var extract = new ExtractFolderBuilder().WithMinimalMandatory(activities: true);
        extract.WriteLines("accounts.csv", "account_id,arr,contract_start,renewal_date",
            "a1,1000,2024-01-01,2031-06-01", "a2,1000,0001-01-01,2027-01-01", "a3,1000,2024-01-01,9999-12-31");
        extract.WriteLines("health_scores.csv", "account_id,date,score", "a1,2026-11-01,80", "a1,2031-06-01,80");

        IngestService.IngestFolder(db.Connection, extract.Folder, Options);

        Assert.Equal([["a1"]], db.Connection.Rows("select account_id from raw_accounts"));
        Assert.Equal([["2026-11-01"]], db.Connection.Rows("select strftime(date, '%Y-%m-%d') from raw_health_scores"));
        Assert.Equal(["accounts.csv:3:contract_start:0001-01-01", "accounts.csv:4:renewal_date:9999-12-31", "health_scores.csv:3:date:2031-06-01"],
            db.Connection.Rejects());
    }

    [Fact]
    public void One_activity_in_2031_is_rejected_the_as_of_date_stays_on_the_data_and_says_where_it_came_from_and_the_pipeline_file_can_set_it()
    {
        // Given a company whose activities end in October 2026, and one activity dated 2031-06-01
        using var harness = new PipelineHarness("  duckdb: {}");
        var activities = Path.Combine(harness.Extracts, "activities.csv");
        var header = File.ReadLines(activities).First().Split(',');
        var row = header.Select(h => h switch
        {
            "activity_id" => "from-the-future",
            "csm_id" => "CSM-001",
            "type" => "qbr",
            "occurred_at" => "2031-06-01T10:00:00Z",
            _ => "",
        });
        File.AppendAllText(activities, string.Join(',', row) + "\n");
        var runner = new PipelineRunner(new FixedClock(Now), SilentObserver.Instance);

        // When the pipeline runs
        var run = runner.Run(harness.Config, StageCatalog.For(harness.Config, ["ingest", "transform"]));

        // Then the row is a reject and the as-of date is the latest real activity, reported as derived
        Assert.Equal(1, harness.Scalar<long>("select count(*) from ingest_rejects where value = '2031-06-01T10:00:00Z'"));
        var transform = run.Stage<TransformStageResult>()!;
        Assert.True(transform.Build.AsOf < DateOnly.FromDateTime(Now.UtcDateTime), transform.Build.AsOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("(derived: the latest activity date", transform.Details[0], StringComparison.Ordinal);
        Assert.Equal(0, harness.Scalar<long>("select count(*) from dim_date where date_day < date '2000-01-01' or date_day > (select as_of + 366 from run_context)"));

        // When the pipeline file sets the as-of date
        File.AppendAllText(harness.PipelineFile, "as_of: 2026-09-30\n");
        var config = PipelineConfigLoader.LoadFile(harness.PipelineFile);
        var pinned = runner.Run(config, StageCatalog.For(config, ["ingest", "transform"])).Stage<TransformStageResult>()!;

        // Then the run takes it and says so
        Assert.Equal(new DateOnly(2026, 9, 30), pinned.Build.AsOf);
        Assert.Contains($"as of 2026-09-30 (from {harness.PipelineFile}: as_of)", pinned.Details[0], StringComparison.Ordinal);

        // And an as-of date past the plausible window is refused
        config.AsOf = "2031-06-01";
        config.AsOfSource = "--as-of";
        var ex = Assert.Throws<ConfigurationException>(() => runner.Run(config, StageCatalog.For(config, ["transform"])));
        Assert.StartsWith("--as-of: as-of date 2031-06-01 is outside the plausible window", ex.Message, StringComparison.Ordinal);
    }
}
