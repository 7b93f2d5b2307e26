using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CapacityAnalytics.Pipeline;
using CapacityAnalytics.Pipeline.Configuration;
using CapacityAnalytics.Pipeline.Hosting;
using CapacityAnalytics.Pipeline.Hosting.Scheduling;
using CapacityAnalytics.Pipeline.Running;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary>
/// <c>capacity schedule</c>: a long-running process firing every schedule of the given pipeline files (cron in each
/// pipeline's timezone; a firing missed while it was down runs once at start). Each run is logged with trigger
/// <c>cron:&lt;schedule&gt;</c> or <c>catch-up:&lt;schedule&gt;</c>. Ctrl+C or SIGTERM cancels the current run at its
/// next stage boundary (the stage in progress rolls back or finishes) and the process exits 0 once it has.
/// </summary>
public static class ScheduleCommand
{
    public static Command Create(CliEnvironment env)
    {
        var files = new Argument<FileInfo[]>("pipelines")
        {
            Description = "Pipeline files whose schedules to run (e.g. pipelines/sample.yaml).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("schedule", "Run the pipelines' schedules until stopped (Ctrl+C or SIGTERM finishes or rolls back the current run first).")
        {
            files,
        };
        // A synchronous action: the host, not the command line, handles Ctrl+C and SIGTERM, and waits for the run.
        command.SetAction(parse => env.Execute(() =>
        {
            var quiet = parse.GetValue(CliApp.Quiet);
            var configs = parse.GetValue(files)!.Select(f => PipelineConfigLoader.LoadFile(f.FullName)).ToList();
            var registry = new ScheduleRegistry(configs);
            if (configs.All(c => c.Schedules.Count == 0))
            {
                throw new ConfigurationException($"{string.Join(", ", configs.Select(c => c.SourceFile))}: no schedules; add a 'schedules:' list (name, cron, stages).");
            }
            using var stopping = new CancellationTokenSource();
            IRunObserver observer = quiet ? SilentObserver.Instance : new SpectreObserver(env.Console);
            var runner = new PipelineRunner(env.Clock, observer) { Recovery = StageCatalog.Recovery };
            using var host = ScheduleHost.Build(registry, (run, token) => RunAsync(env, runner, run, stopping.Token, token), env.Clock, LastRun);
            using var registration = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stopping.Cancel);
            foreach (var config in configs)
            {
                foreach (var schedule in config.Schedules)
                {
                    Line(env, $"scheduled {config.Name} {schedule.Name} \"{schedule.Cron}\" ({config.Timezone})");
                }
            }
            host.Run();
            Line(env, "stopped");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task RunAsync(CliEnvironment env, PipelineRunner runner, ScheduledRun run, CancellationToken stopping, CancellationToken job)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, job);
        var trigger = run.Trigger + ":" + run.Schedule.Name;
        var name = $"{run.Pipeline.Name} {run.Schedule.Name} ({run.Trigger})";
        Line(env, $"start {name}");
        var watch = Stopwatch.StartNew();
        try
        {
            var summary = await Task.Run(() => runner.Run(run.Pipeline, StageCatalog.For(run.Pipeline, run.Schedule.Stages, SampleSources.Writer), trigger, linked.Token), CancellationToken.None);
            var outcome = summary.NothingToDo ? "skipped: no new input" : "ok";
            Line(env, string.Create(CultureInfo.InvariantCulture, $"finish {name} {outcome} {summary.RunId} {watch.Elapsed.TotalSeconds:0.0}s"));
        }
        catch (OperationCanceledException)
        {
            Line(env, $"cancel {name}: stopped between stages, the last good publish is intact");
        }
        catch (CapacityException ex)
        {
            Line(env, $"failed {name}: {ex.Message}");
        }
#pragma warning disable CA1031 // A failed run must not stop the scheduler; the next firing tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Line(env, $"failed {name}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>When a schedule last started a run, from the pipeline's warehouse; null when it never did or the warehouse is busy.</summary>
    private static DateTimeOffset? LastRun(PipelineConfig config, ScheduleConfig schedule)
    {
        if (!File.Exists(config.WarehousePath)) return null;
        try
        {
            using var connection = new DuckDBConnection($"DataSource={config.WarehousePath};ACCESS_MODE=READ_ONLY");
            connection.Open();
            return RunLog.LastScheduledStart(connection, config.Name, schedule.Name);
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    private static void Line(CliEnvironment env, string text) =>
        env.Console.WriteLine(env.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " " + text);
}
