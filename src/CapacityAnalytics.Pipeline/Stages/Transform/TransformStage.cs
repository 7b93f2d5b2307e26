using System.Globalization;
using CapacityAnalytics.Pipeline.Running;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Transform;

/// <summary>
/// Builds the sql/ models (staging, intermediate, marts) in dependency order, runs their YAML tests, and leaves the
/// open early-warning alerts, worst first, for the run summary.
/// </summary>
public sealed class TransformStage(string sqlDirectory) : IStage
{
    public string Name => "transform";

    public static TransformStage Default() => new(SqlFolder.Default);

    public StageResult Run(RunContext context, CancellationToken cancellationToken)
    {
        var asOf = CheckedAsOf(context);
        var build = SqlModelRunner.Build(context.Connection, sqlDirectory, context.Model, asOf, incremental: true);
        var source = asOf is null
            ? "derived: the latest activity date; set as_of in the pipeline file or --as-of to fix it"
            : "from " + (context.Config.AsOfSource ?? "the caller");
        var details = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{build.Models.Count} models built as of {build.AsOf:yyyy-MM-dd} ({source}), {build.TestsPassed} model tests passed"),
            BuildLine(build),
        };
        details.AddRange(build.UnmappedTypes.Select(u => string.Create(CultureInfo.InvariantCulture,
            $"unmapped activity type '{u.VendorType}': {u.Activities:N0} activities (add it to type_map in the model file)")));
        details.AddRange(UnlistedCsms(context.Connection));
        var marts = build.Models.Where(m => m.Name.StartsWith("fct_", StringComparison.Ordinal) || m.Name.StartsWith("dim_", StringComparison.Ordinal));
        return new TransformStageResult(Name, 0, 0, marts.Sum(m => m.Rows), details, build, OpenAlerts.Read(context.Connection));
    }

    /// <summary>
    /// What was incremental, e.g. "incremental: 7 models over 12 partitions (stg_activities 3, ...), 2 kept, 1 rebuilt
    /// unchanged, 29 rebuilt", or why everything was rebuilt.
    /// </summary>
    public static string BuildLine(SqlModelBuildResult build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (build.FullReason is { } reason) return $"full build: {reason}";
        var partial = build.Models.Where(m => m.How == ModelBuild.Partitions).ToList();
        var count = (ModelBuild how) => build.Models.Count(m => m.How == how);
        return string.Create(CultureInfo.InvariantCulture,
            $"incremental: {partial.Count} models over {partial.Sum(m => m.Partitions)} partitions ({string.Join(", ", partial.Select(m => $"{m.Name} {m.Partitions}"))}), {count(ModelBuild.Kept)} kept, {count(ModelBuild.Unchanged)} rebuilt unchanged, {count(ModelBuild.Full)} rebuilt");
    }

    /// <summary>The as-of date the pipeline sets, checked against the plausible window of the run's clock; null to derive it.</summary>
    private static DateOnly? CheckedAsOf(RunContext context)
    {
        if (context.Config.AsOfDate is not { } asOf) return null;
        var plausible = context.Config.Plausible;
        var latest = DateOnly.FromDateTime((context.Clock.GetUtcNow() + TimeSpan.FromDays(plausible.DaysAhead)).UtcDateTime);
        if (asOf > latest || asOf < plausible.EarliestDate)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"{context.Config.AsOfSource}: as-of date {asOf:yyyy-MM-dd} is outside the plausible window {plausible.EarliestDate:yyyy-MM-dd} .. {latest:yyyy-MM-dd} (the run's clock plus {plausible.DaysAhead} days)."));
        }
        return asOf;
    }

    /// <summary>The open alerts as a terminal shows them: seven columns, the next step last so only it wraps.</summary>
    /// <summary>The run report's line about CSM ids missing from the roster, with up to five examples.</summary>
    private static IEnumerable<string> UnlistedCsms(DuckDB.NET.Data.DuckDBConnection connection)
    {
        if (!connection.TableExists("int_unlisted_csms")) yield break;
        var count = connection.RowCount("int_unlisted_csms");
        if (count == 0) yield break;
        var examples = connection.Strings("select csm_id from int_unlisted_csms order by activities desc, csm_id limit 5");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} CSM ids are not in the csms extract ({string.Join(", ", examples)}{(count > 5 ? ", ..." : "")}): their work counts, no capacity is assumed for them; add them to csms (see int_unlisted_csms)");
    }

    public static ReportTable AlertsTable(IReadOnlyList<OpenAlert> alerts)
    {
        var rows = alerts.Select(a => (IReadOnlyList<string>)
        [
            a.Level == "csm" ? a.Key : $"{a.Level} {a.Key}",
            a.Family == "overload" ? "overload: " + a.Indicator : a.Indicator,
            a.BreachStartedWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            a.WeeksOpen.ToString(CultureInfo.InvariantCulture),
            a.CurrentValue.ToString("0.00", CultureInfo.InvariantCulture) + " / " + (a.BaselineValue ?? a.ThresholdValue ?? double.NaN).ToString("0.00", CultureInfo.InvariantCulture),
            a.ExposedArr.ToString("N0", CultureInfo.InvariantCulture),
            a.NextStep,
        ]).ToList();
        return new ReportTable("Open early-warning alerts, worst first",
            ["who", "alert", "since", "weeks", "now / base", "ARR exposed", "next step"], rows,
            rows.Count == 0 ? null : "base: the frozen pre-breach baseline (decline) or the limit (overload); all columns in fct_early_warning");
    }
}

/// <summary>What transform built: the models and their tests, and the open early-warning alerts, worst first.</summary>
public sealed record TransformStageResult(string Stage, double Seconds, long RowsIn, long RowsOut, IReadOnlyList<string> Details,
    SqlModelBuildResult Build, IReadOnlyList<OpenAlert> OpenAlerts)
    : StageResult(Stage, Seconds, RowsIn, RowsOut, Details);
