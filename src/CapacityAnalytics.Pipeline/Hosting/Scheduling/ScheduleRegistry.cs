using CapacityAnalytics.Pipeline.Configuration;
using Quartz;

namespace CapacityAnalytics.Pipeline.Hosting.Scheduling;

/// <summary>The pipelines a host schedules, validated on load: a bad cron is an error naming file and schedule.</summary>
public sealed class ScheduleRegistry
{
    public const string CatchUpGroup = "catch-up";

    private readonly Dictionary<string, PipelineConfig> _pipelines = new(StringComparer.Ordinal);

    public ScheduleRegistry(IEnumerable<PipelineConfig> pipelines)
    {
        foreach (var pipeline in pipelines)
        {
            if (!_pipelines.TryAdd(pipeline.Name, pipeline))
            {
                throw new ConfigurationException($"{pipeline.SourceFile}: pipeline name '{pipeline.Name}' is used by two files; names must be unique.");
            }
            foreach (var schedule in pipeline.Schedules)
            {
                if (!CronExpression.TryParse(schedule.Cron, out _))
                {
                    throw new ConfigurationException(
                        $"{pipeline.SourceFile}: schedules.{schedule.Name}.cron '{schedule.Cron}' is not a Quartz cron expression (seconds first, e.g. \"0 0 6 * * ?\").");
                }
            }
        }
    }

    public IReadOnlyCollection<PipelineConfig> Pipelines => _pipelines.Values;

    public ScheduledRun Resolve(string pipeline, string schedule, string trigger)
    {
        var config = _pipelines[pipeline];
        return new ScheduledRun(config, config.Schedules.Single(s => s.Name == schedule), trigger);
    }

    /// <summary>
    /// Whether a schedule missed a firing while the host was down: a fire time after the last run that started
    /// and no later than now. One catch-up run covers any number of missed firings.
    /// </summary>
    public static bool MissedSince(string cron, string timezone, DateTimeOffset? lastRun, DateTimeOffset now)
    {
        if (lastRun is null) return false;
        var next = new CronExpression(cron, TimeZoneInfo.FindSystemTimeZoneById(timezone)).GetNextValidTimeAfter(lastRun.Value);
        return next is not null && next.Value <= now;
    }
}
