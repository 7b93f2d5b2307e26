using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting.Scheduling;

namespace CapacityAnalytics.Pipeline.Tests.Hosting.Scheduling;

public class ScheduleHostTests
{
    private static PipelineConfig Pipeline(string cron) => new()
    {
        Name = "p",
        SourceFile = "p.yaml",
        Schedules = [new ScheduleConfig { Name = "every-second", Cron = cron }],
    };

    [Fact]
    public async Task A_one_second_cron_fires_never_overlaps_and_stops_cleanly()
    {
        // Given a pipeline whose run takes longer (1.3 s) than its cron interval (1 s)
        var running = 0;
        var maxConcurrent = 0;
        var runs = 0;
        Task Handler(ScheduledRun run, CancellationToken token)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxConcurrent, now);
            Interlocked.Increment(ref runs);
            try
            {
                token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1300));
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
            return Task.CompletedTask;
        }
        using var host = ScheduleHost.Build(new ScheduleRegistry([Pipeline("* * * * * ?")]), Handler, TimeProvider.System, (_, _) => null);

        // When the host runs for 4.5 seconds and is then stopped
        await host.StartAsync();
        await Task.Delay(4500);
        await host.StopAsync();

        // Then it fired more than once, never ran two at once, and no run was left going
        Assert.InRange(runs, 2, 5);
        Assert.Equal(1, maxConcurrent);
        Assert.Equal(0, running);
    }

    [Fact]
    public async Task A_firing_missed_while_the_host_was_down_runs_once_at_start()
    {
        // Given a daily 06:00 schedule that last ran two days ago
        var pipeline = Pipeline("0 0 6 * * ?");
        var triggers = new List<string>();
        Task Handler(ScheduledRun run, CancellationToken token)
        {
            lock (triggers) triggers.Add(run.Trigger);
            return Task.CompletedTask;
        }
        var lastRun = DateTimeOffset.UtcNow.AddDays(-2);
        using var host = ScheduleHost.Build(new ScheduleRegistry([pipeline]), Handler, TimeProvider.System, (_, _) => lastRun);

        // When the host starts
        await host.StartAsync();
        await Task.Delay(1500);
        await host.StopAsync();

        // Then exactly one catch-up run happened
        Assert.Equal(["catch-up"], triggers);
    }

    [Theory]
    [InlineData("2026-11-20T05:00:00Z", "2026-11-20T07:00:00Z", true)]   // 06:00 fell between
    [InlineData("2026-11-20T06:30:00Z", "2026-11-20T07:00:00Z", false)]  // next firing is tomorrow
    [InlineData(null, "2026-11-20T07:00:00Z", false)]                    // never ran: nothing to catch up
    public void A_missed_firing_is_one_after_the_last_run_and_not_after_now(string? last, string now, bool missed)
    {
        DateTimeOffset? lastRun = last is null ? null : DateTimeOffset.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(missed, ScheduleRegistry.MissedSince("0 0 6 * * ?", "UTC", lastRun, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_bad_cron_is_an_error_naming_the_file_and_schedule()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new ScheduleRegistry([Pipeline("every day")]));
        Assert.Contains("p.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("schedules.every-second.cron", ex.Message, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = target) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
