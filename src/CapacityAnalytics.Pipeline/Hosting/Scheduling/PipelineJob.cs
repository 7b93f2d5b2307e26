using Quartz;

namespace CapacityAnalytics.Pipeline.Hosting.Scheduling;

/// <summary>
/// The Quartz job of one pipeline. All of a pipeline's schedules trigger this one job, and Quartz never runs a job
/// key twice at once, so two runs of one pipeline never overlap.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PipelineJob(ScheduleRegistry registry, ScheduledRunHandler handler) : IJob
{
    public const string ScheduleKey = "schedule";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var pipeline = context.JobDetail.Key.Name;
        var schedule = context.MergedJobDataMap.GetString(ScheduleKey) ?? "";
        var trigger = context.Trigger.Key.Group == ScheduleRegistry.CatchUpGroup ? "catch-up" : "cron";
        await handler(registry.Resolve(pipeline, schedule, trigger), cancellationToken);
    }
}
