using System.CommandLine;
using System.Globalization;
using CapacityAnalytics.Sample;
using Spectre.Console;

namespace CapacityAnalytics.Cli.Commands;

/// <summary><c>capacity sample</c>: writes a generated company in the canonical contract, with its ground truth.</summary>
public static class SampleCommand
{
    public static Command Create(CliEnvironment env)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the extracts and ground_truth.json into.", Required = true };
        var accounts = new Option<int>("--accounts") { Description = "Number of accounts.", DefaultValueFactory = _ => 600 };
        var csms = new Option<int>("--csms") { Description = "Number of CSMs.", DefaultValueFactory = _ => 12 };
        var months = new Option<int>("--months") { Description = "Months of history.", DefaultValueFactory = _ => 18 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed writes the same bytes.", DefaultValueFactory = _ => 42 };
        var events = new Option<int>("--usage-events") { Description = "Also write raw usage_events with about this many events per active account-day (0: usage_daily only).", DefaultValueFactory = _ => 0 };
        var command = new Command("sample",
            "Write a realistic sample company (accounts, CSMs, activities, tickets, usage, renewals, planted overload episodes) and its ground truth.")
        {
            output, accounts, csms, months, seed, events,
        };
        command.SetAction(parse => env.Execute(() =>
        {
            var options = new SampleOptions(parse.GetValue(accounts), parse.GetValue(csms), parse.GetValue(months), parse.GetValue(seed),
                UsageEventsPerAccountDay: parse.GetValue(events));
            var result = SampleCompanyGenerator.Write(options, parse.GetValue(output)!.FullName);
            foreach (var (entity, rows) in result.RowsWritten.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                env.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entity,-16} {rows,12:N0} rows"));
            }
            env.Console.WriteLine($"ground truth: {result.GroundTruthPath}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
