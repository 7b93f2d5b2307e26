using CapacityAnalytics.Pipeline.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CapacityAnalytics.Pipeline.Hosting.Scheduling;

/// <summary>
/// A long-running host (Generic Host + Quartz; cron times in each pipeline's timezone) firing each pipeline's cron schedules. On start, a schedule that
/// missed a firing while the host was down runs once. On Ctrl+C or SIGTERM the running job is cancelled (its stage
/// rolls back) and the host waits for it before exiting.
/// </summary>
public static class ScheduleHost
{
    /// <param name="lastRun">When a pipeline's schedule last started a run (from its pipeline_run log), or null.</param>
    public static IHost Build(ScheduleRegistry registry, ScheduledRunHandler handler, TimeProvider clock,
        Func<PipelineConfig, ScheduleConfig, DateTimeOffset?> lastRun)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // Stopping waits for the running job to reach a stage boundary and roll back; do not give up on it after 30 s.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(30));
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(handler);
        builder.Services.AddQuartz(quartz =>
        {
            foreach (var pipeline in registry.Pipelines)
            {
                var job = new JobKey(pipeline.Name);
                quartz.AddJob<PipelineJob>(j => j.WithIdentity(job).StoreDurably());
                foreach (var schedule in pipeline.Schedules)
                {
                    var data = new JobDataMap { [PipelineJob.ScheduleKey] = schedule.Name };
                    quartz.AddTrigger(t => t.ForJob(job).WithIdentity(schedule.Name, pipeline.Name).UsingJobData(data)
                        .WithCronSchedule(schedule.Cron, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(pipeline.Timezone)).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
                    if (ScheduleRegistry.MissedSince(schedule.Cron, pipeline.Timezone, lastRun(pipeline, schedule), clock.GetUtcNow()))
                    {
                        quartz.AddTrigger(t => t.ForJob(job).WithIdentity(pipeline.Name + "." + schedule.Name, ScheduleRegistry.CatchUpGroup)
                            .UsingJobData(data).StartNow());
                    }
                }
            }
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder.Build();
    }
}
