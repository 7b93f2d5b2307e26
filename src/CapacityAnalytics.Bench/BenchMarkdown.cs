using System.Globalization;
using System.Text;
using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Bench;

/// <summary>What a <c>capacity bench</c> run measured, for its markdown report.</summary>
/// <param name="Machine">Cores, runtime, DuckDB version.</param>
/// <param name="Profiles">Each profile's figures, in S-M-L order.</param>
/// <param name="HighWaterMarkBytes">The process's RSS high-water mark (VmHWM) at the end of the run.</param>
public sealed record BenchReport(MachineFacts Machine, IReadOnlyList<ProfileResult> Profiles, long HighWaterMarkBytes);

/// <summary>Renders a benchmark report as markdown. Nothing in it depends on the clock except the timings.</summary>
public static class BenchMarkdown
{
    public static string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var m = report.Machine;
        text.Append("# capacity bench\n\n");
        Line(text, $"Machine: {m.Cores} cores, {Gb(m.MemoryBytes)} GB memory available to .NET, {m.Os}.");
        Line(text, $"Runtime: {m.Runtime}, {m.BuildConfiguration} build; DuckDB {m.DuckDbVersion} (DuckDB.NET).");
        text.Append('\n');
        text.Append("Each profile: the sample company is generated (or reused), its files are read once to warm the page cache, ")
            .Append("then the whole pipeline (ingest, transform, calibrate, publish to duckdb + parquet + dashboard + powerbi) runs on a ")
            .Append("fresh warehouse, then the floor: one `create table x as select * from read_csv('<file>', header=true)` per ")
            .Append("entity into a fresh DuckDB file. Ratio to floor = step seconds / floor seconds. Peak RSS is the highest ")
            .Append("VmRSS sampled every 50 ms during the step (it includes memory the process still holds from earlier steps); ")
            .Append("peak managed is the highest GC heap size sampled. Run bookkeeping is the part of the run's wall time no stage ")
            .Append("accounts for (opening the warehouse, hashing new input files, planning the load, the run log; its memory is not ")
            .Append("sampled), so the pipeline total is the run's wall time.\n");
        text.Append('\n');
        text.Append("Incremental: the pipeline reads the run's own extract folder, which holds hard links to the generated files. ")
            .Append("After the full run (before the floor) one new day arrives there as new files, `activities_<day>.csv`, ")
            .Append("`tickets_<day>.csv` and `usage_events_<day>.csv`, <day> being the first working day after the latest activity, ticket or usage event (the first whose weekday a week earlier has activities, so a Saturday is followed by the Monday): the rows of ")
            .Append("the same weekday a week earlier, every timestamp moved 7 days on, activities and tickets with new ids ")
            .Append("(suffix `-D1`), ticket answers and solves that would fall after the new day left blank. Then the pipeline runs ")
            .Append("again on the same warehouse and output folder with the stages of the daily schedule of `pipelines/sample.yaml` ")
            .Append("(ingest, transform, publish: calibration is the quarterly job), and whatever it does (append the new files or ")
            .Append("reload everything, rebuild the affected marts or all of them, publish) is timed stage by stage. ")
            .Append("Incremental / full = the second run's seconds over the full run's seconds in the same stages.\n");
        foreach (var profile in report.Profiles)
        {
            Profile(text, profile);
        }
        var steps = BenchScaling.Compute(report.Profiles);
        if (steps.Count > 0)
        {
            text.Append("\n## Scaling\n\n");
            text.Append("Time ratio against input-size ratio between profiles; exponent k in time ~ rows^k (1 = linear).\n\n");
            Table(text, BenchTables.Scaling(steps));
        }
        if (report.HighWaterMarkBytes > 0)
        {
            text.Append('\n');
            Line(text, $"Process RSS high-water mark (VmHWM) over the whole run: {BenchTables.Mb(report.HighWaterMarkBytes)} MB.");
        }
        return text.ToString();
    }

    /// <summary>A markdown table: the first column left-aligned, the others right-aligned.</summary>
    public static void Table(StringBuilder text, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(table);
        text.Append("| ").AppendJoin(" | ", table.Columns.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', table.Columns.Select((_, i) => i == 0 ? "---" : "---:")).Append("|\n");
        foreach (var row in table.Rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }
    }

    private static void Profile(StringBuilder text, ProfileResult r)
    {
        var p = r.Profile;
        text.Append('\n');
        Line(text, $"## Profile {p.Name}: {p.Accounts:N0} accounts, {p.Csms} CSMs, {p.Months} months, ~{p.UsageEventsPerAccountDay} usage events per active account-day, seed {r.Seed}");
        text.Append('\n');
        var events = r.Input.Files.FirstOrDefault(f => f.Entity == "usage_events")?.Rows ?? 0;
        var activities = r.Input.Files.FirstOrDefault(f => f.Entity == "activities")?.Rows ?? 0;
        var tickets = r.Input.Files.FirstOrDefault(f => f.Entity == "tickets")?.Rows ?? 0;
        Line(text, $"Input: {r.Input.Files.Count} files, {BenchTables.Mb(r.Input.Bytes)} MB, {r.Input.Rows:N0} rows ({events:N0} usage events, {activities:N0} activities, {tickets:N0} tickets).");
        var incremental = r.Incremental is { } i
            ? FormattableString.Invariant($"; one new day incrementally {BenchTables.Seconds(i.PipelineSeconds)} s, incremental / full {BenchTables.IncrementalRatio(r.IncrementalRatio)}")
            : "";
        Line(text, $"Pipeline {BenchTables.Seconds(r.PipelineSeconds)} s against a floor of {BenchTables.Seconds(r.Floor.Seconds)} s: total / floor {BenchTables.Ratio(r.TotalRatio)}, ingest / floor {BenchTables.Ratio(r.IngestRatio)}; peak RSS {BenchTables.Mb(r.PipelineMemory.RssBytes)} MB, peak managed {BenchTables.Mb(r.PipelineMemory.ManagedBytes)} MB{incremental}.");
        text.Append('\n');
        Table(text, BenchTables.Stages(r));
        text.Append('\n');
        Table(text, BenchTables.Input(r));
        if (r.Incremental is not null) Incremental(text, r);
    }

    private static void Incremental(StringBuilder text, ProfileResult r)
    {
        var i = r.Incremental!;
        var d = i.NewDay;
        text.Append("\n### Incremental: one new day\n\n");
        Line(text, $"New day {d.Day:yyyy-MM-dd} (the rows of {d.SourceDay:yyyy-MM-dd} moved {NewDay.ShiftDays} days on): {d.Files.Count} files, {BenchTables.FileMb(d.Bytes)} MB, {d.Rows:N0} rows ({d.RowsOf("usage_events"):N0} usage events, {d.RowsOf("activities"):N0} activities, {d.RowsOf("tickets"):N0} tickets), written in {BenchTables.Seconds(d.Seconds)} s.");
        text.Append(i.Appended
            ? "Ingest appended the new files to the loaded ones.\n"
            : "Ingest did not append: it reloaded every file (a full ingest).\n");
        Line(text, $"Incremental {BenchTables.Seconds(i.PipelineSeconds)} s against the full run's {BenchTables.Seconds(r.FullSecondsOfIncrementalStages)} s in the same stages: incremental / full {BenchTables.IncrementalRatio(r.IncrementalRatio)}; peak RSS {BenchTables.Mb(i.PipelineMemory.RssBytes)} MB, peak managed {BenchTables.Mb(i.PipelineMemory.ManagedBytes)} MB.");
        text.Append('\n');
        Table(text, BenchTables.Incremental(r));
    }

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string Gb(long bytes) => (bytes / 1073741824.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
