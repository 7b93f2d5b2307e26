using System.Globalization;
using CapacityAnalytics.Pipeline.Running;
using Spectre.Console;

namespace CapacityAnalytics.Cli;

/// <summary>Shows a run's progress on the terminal: a line per stage with its time and row counts.</summary>
public sealed class SpectreObserver(IAnsiConsole console) : IRunObserver
{
    public void StageStarted(string stage) => console.MarkupLineInterpolated($"[grey]>[/] {stage} ...");

    public void StageCompleted(StageResult result)
    {
        var seconds = result.Seconds.ToString("0.00", CultureInfo.InvariantCulture);
        var rows = string.Create(CultureInfo.InvariantCulture, $"{result.RowsIn:N0} rows in, {result.RowsOut:N0} out");
        var rejects = result.Rejects > 0 ? string.Create(CultureInfo.InvariantCulture, $", {result.Rejects:N0} rejected") : "";
        console.MarkupLineInterpolated($"[green]✓[/] {result.Stage,-10} {seconds,7}s  {rows}{rejects}");
        foreach (var line in result.Details)
        {
            console.MarkupLineInterpolated($"    [grey]{line}[/]");
        }
    }

    public void Note(string message) => console.MarkupLineInterpolated($"  {message}");
}
