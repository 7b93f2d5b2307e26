using CapacityAnalytics.Pipeline.Configuration;

namespace CapacityAnalytics.Pipeline.Hosting.Scheduling;

/// <summary>One firing of a schedule: which pipeline, which schedule, why (cron or catch-up).</summary>
public sealed record ScheduledRun(PipelineConfig Pipeline, ScheduleConfig Schedule, string Trigger);

/// <summary>What the host calls when a schedule fires; the CLI supplies it (it knows how to build stages).</summary>
public delegate Task ScheduledRunHandler(ScheduledRun run, CancellationToken cancellationToken);
