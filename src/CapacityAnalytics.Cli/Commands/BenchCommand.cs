using System.CommandLine;
using System.Globalization;
using CapacityAnalytics.Bench;
using CapacityAnalytics.Core.CapacityModelFile;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.SqlModels;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary>
/// <c>capacity bench</c>: generates companies of three sizes, times every stage of the pipeline on them against a
/// raw DuckDB load of the same files and again after one new day of data (the incremental run), samples memory, and
/// writes a markdown report.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliEnvironment env)
    {
        var profile = new Option<string>("--profile")
        {
            Description = "S (300 accounts), M (1,500), L (5,000 accounts, ~50M usage events), all, or a list (S,M).",
            DefaultValueFactory = _ => "S",
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Markdown report to write.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("out", "bench", "bench.md")),
        };
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder of the generated companies (one <profile>-seed<seed> folder each, reused when the options match).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "bench", "data")),
        };
        var runs = new Option<DirectoryInfo>("--runs")
        {
            Description = "Folder of the fresh warehouses and floor databases (emptied per profile).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "bench", "runs")),
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated companies.", DefaultValueFactory = _ => 42 };
        var coverage = new Option<int>("--calibration-coverage")
        {
            Description = "Instead of timing: generate this many companies with known time equations and count how often the calibration's 90% ranges hold the truth.",
        };
        var command = new Command("bench",
            "Benchmark: generate companies of three sizes, time each stage against a raw DuckDB read_csv of the same files and again after one new day of data, sample peak memory, write a markdown report.")
        {
            profile, output, data, runs, seed, coverage,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(env.Execute(() =>
        {
            if (parse.GetValue(coverage) is > 0 and var companies)
            {
                var model = CapacityModelLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "capacity-model.yaml"));
                var work = Directory.CreateTempSubdirectory("capacity-coverage-").FullName;
                var measured = CalibrationCoverage.Measure(companies, parse.GetValue(seed), work, model, SqlFolder.Default, line => env.Console.WriteLine(line));
                Directory.Delete(work, recursive: true);
                foreach (var (parameter, hits) in measured.Parameters)
                {
                    env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{parameter,-24} {hits,3} of {measured.Companies} ({hits / (double)measured.Companies:P0})"));
                }
                env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"90% ranges holding the truth: {measured.Covered} of {measured.Checked} ({measured.Share:P1}) over {measured.Companies} companies in {measured.Seconds:0}s"));
                return ExitCodes.Ok;
            }
            var profiles = BenchProfile.Parse(parse.GetValue(profile));
            var quiet = parse.GetValue(CliApp.Quiet);
            IRunObserver observer = quiet ? SilentObserver.Instance : new SpectreObserver(env.Console);
            var runner = new BenchRunner(parse.GetValue(data)!.FullName, parse.GetValue(runs)!.FullName, parse.GetValue(seed), observer);
            var machine = MachineFactsProbe.Read();
            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            var results = new List<ProfileResult>();
            foreach (var p in profiles)
            {
                var result = runner.Run(p, cancellationToken);
                results.Add(result);
                if (!quiet) Show(env.Console, result);
                // Written after every profile, so a long run that stops later keeps what it measured.
                File.WriteAllText(file.FullName, BenchMarkdown.Render(new BenchReport(machine, results, MemorySampler.HighWaterMarkBytes())));
            }
            if (quiet)
            {
                foreach (var r in results)
                {
                    env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"ok bench {r.Profile.Name} pipeline={r.PipelineSeconds:0.0}s floor={r.Floor.Seconds:0.0}s ratio={r.TotalRatio:0.00} peak_rss_mb={r.PipelineMemory.RssBytes / 1048576} incremental={r.Incremental?.PipelineSeconds ?? 0:0.0}s incremental_ratio={r.IncrementalRatio:0.00}"));
                }
                env.Console.WriteLine($"report {file.FullName}");
                return ExitCodes.Ok;
            }
            var steps = BenchScaling.Compute(results);
            if (steps.Count > 0) RunSummaryView.Render(env.Console, BenchTables.Scaling(steps));
            env.Console.MarkupLineInterpolated($"Report: {file.FullName}");
            return ExitCodes.Ok;
        })));
        return command;
    }

    private static void Show(IAnsiConsole console, ProfileResult result)
    {
        RunSummaryView.Render(console, BenchTables.Stages(result));
        RunSummaryView.Render(console, BenchTables.Input(result));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline / floor: total {BenchTables.Ratio(result.TotalRatio)}, ingest {BenchTables.Ratio(result.IngestRatio)}"));
        if (result.Incremental is not { } incremental) return;
        RunSummaryView.Render(console, BenchTables.Incremental(result));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one new day ({incremental.NewDay.Day:yyyy-MM-dd}, {incremental.NewDay.Rows:N0} rows, ingest {(incremental.Appended ? "appended" : "reloaded everything")}): incremental / full {BenchTables.IncrementalRatio(result.IncrementalRatio)}"));
    }
}
