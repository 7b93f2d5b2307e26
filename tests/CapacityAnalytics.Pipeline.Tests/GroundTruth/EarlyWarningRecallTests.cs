using System.Globalization;
using CapacityAnalytics.Pipeline.Warehouse;
using Xunit.Abstractions;

namespace CapacityAnalytics.Pipeline.Tests.GroundTruth;

/// <summary>
/// The early-warning rule against planted overload episodes (issue 3): recall, weeks from onset to alert, false
/// alarms, and silence on the control CSM whose only change is a week of time off.
/// </summary>
public class EarlyWarningRecallTests(ITestOutputHelper output)
{
    public sealed record Recall(int Episodes, int Caught, IReadOnlyList<int> WeeksToAlert, int FalseAlarmCsms, int Csms, int ControlAlerts, IReadOnlyList<string> FalseAlarms);

    public static Recall Measure(SampleCompanyRun run)
    {
        var alerts = new List<(string Csm, DateOnly Opened, string Detail)>();
        using (var command = run.Connection.Command(
            "select key, opened_week, indicator || ' ' || round(baseline_value, 2) || '->' || round(current_value, 2) || ' cause: ' || coalesce(likely_cause, '-') "
            + "from fct_early_warning where level = 'csm' and family = 'decline' order by key, opened_week"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) alerts.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2)));
        }
        var weeks = new List<int>();
        var caught = 0;
        foreach (var episode in run.Truth.Episodes)
        {
            // An alert for the episode's CSM opened between onset and the episode's end counts as catching it.
            var hit = alerts.Where(a => a.Csm == episode.CsmId && a.Opened >= episode.Onset.AddDays(-7) && a.Opened <= episode.End)
                .OrderBy(a => a.Opened).FirstOrDefault();
            if (hit.Csm is null) continue;
            caught++;
            weeks.Add((hit.Opened.DayNumber - episode.Onset.DayNumber + 6) / 7);
        }
        var episodeCsms = run.Truth.Episodes.Select(e => e.CsmId).ToHashSet(StringComparer.Ordinal);
        var falseAlarmRows = alerts.Where(a => !episodeCsms.Contains(a.Csm)).ToList();
        var falseAlarms = falseAlarmRows.Select(a => a.Csm).Distinct(StringComparer.Ordinal).Count();
        var controls = run.Truth.Controls.Select(c => c.CsmId).ToHashSet(StringComparer.Ordinal);
        var controlAlerts = alerts.Count(a => controls.Contains(a.Csm));
        var csms = run.Connection.Scalar<long>("select count(distinct csm_id) from fct_csm_week");
        return new Recall(run.Truth.Episodes.Count, caught, weeks, falseAlarms, (int)csms, controlAlerts,
            falseAlarmRows.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Csm} opened {a.Opened:yyyy-MM-dd}: {a.Detail}")).ToList());
    }

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    [InlineData(2026)]
    public void Planted_overload_episodes_are_caught_and_the_time_off_control_stays_silent(int seed)
    {
        // Given a sample company with planted episodes and a control CSM
        using var run = new SampleCompanyRun(seed);

        // When the alerts are compared with the ground truth
        var recall = Measure(run);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}: caught {recall.Caught}/{recall.Episodes}, weeks onset->alert [{string.Join(", ", recall.WeeksToAlert)}], "
            + $"false-alarm CSMs {recall.FalseAlarmCsms}/{recall.Csms}, control alerts {recall.ControlAlerts}"));
        foreach (var alarm in recall.FalseAlarms) output.WriteLine("  false alarm: " + alarm);

        // Then every episode is caught within 4 weeks, false alarms stay at most 1 CSM in 20, the control is silent
        Assert.Equal(recall.Episodes, recall.Caught);
        Assert.All(recall.WeeksToAlert, w => Assert.InRange(w, 0, 4));
        Assert.InRange(recall.FalseAlarmCsms, 0, Math.Max(1, recall.Csms / 20));
        Assert.Equal(0, recall.ControlAlerts);
    }
}
