using System.Globalization;
using CapacityAnalytics.Pipeline.Warehouse;
using CapacityAnalytics.Sample;
using Xunit.Abstractions;

namespace CapacityAnalytics.Pipeline.Tests.GroundTruth;

/// <summary>
/// Both alert families against the planted ground truth: every onset episode caught by the decline family within 4
/// weeks, every episode lasting to the end of the extract still flagged in the last week, the always-overloaded CSM
/// flagged by the overload family and still flagged at the last week, false alarms (alerts of either family on CSMs with
/// nothing planted) on at most 1 CSM, and the control CSM, whose only change is a week off, silent in both families.
/// </summary>
public class EarlyWarningRecallTests(ITestOutputHelper output)
{
    public sealed record Recall(
        int Episodes, int Caught, IReadOnlyList<int> WeeksToAlert, int Persisting, int StillFlaggedAtEnd,
        int AlwaysOverloaded, int AlwaysOverloadedFlagged, int FalseAlarmCsms, int Csms, int ControlAlerts,
        IReadOnlyList<string> FalseAlarms);

    private sealed record Alert(string Csm, string Family, DateOnly Opened, DateOnly? Closed, string Detail);

    public static Recall Measure(SampleCompanyRun run)
    {
        var alerts = new List<Alert>();
        using (var command = run.Connection.Command(
            "select key, family, opened_week, closed_week, indicator || ' ' || round(coalesce(baseline_value, threshold_value), 2) || '->' "
            + "|| round(current_value, 2) || ' weeks open ' || weeks_open || ' cause: ' || coalesce(likely_cause, '-') "
            + "from fct_early_warning where level = 'csm' order by key, opened_week"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                alerts.Add(new Alert(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), reader.GetString(4)));
            }
        }
        var decline = alerts.Where(a => a.Family == "decline").ToList();
        var onsets = run.Truth.Episodes.Where(e => e.Kind == EpisodePlan.OverloadKind).ToList();
        var weeks = new List<int>();
        var caught = 0;
        var stillFlagged = 0;
        foreach (var episode in onsets)
        {
            // A decline alert for the episode's CSM opened between onset and the episode's end counts as catching it.
            var hits = decline.Where(a => a.Csm == episode.CsmId && a.Opened >= episode.Onset.AddDays(-7) && a.Opened <= episode.End)
                .OrderBy(a => a.Opened).ToList();
            if (hits.Count == 0) continue;
            caught++;
            weeks.Add((hits[0].Opened.DayNumber - episode.Onset.DayNumber + 6) / 7);
            if (episode.UntilEndOfExtract && hits.Any(a => a.Closed is null)) stillFlagged++;
        }
        var always = run.Truth.Episodes.Where(e => e.Kind == EpisodePlan.AlwaysOverloadedKind).ToList();
        var alwaysFlagged = always.Count(e => alerts.Any(a => a.Csm == e.CsmId && a.Family == "overload" && a.Closed is null));
        var plantedCsms = run.Truth.Episodes.Select(e => e.CsmId).ToHashSet(StringComparer.Ordinal);
        var falseAlarmRows = alerts.Where(a => !plantedCsms.Contains(a.Csm)).ToList();
        var controls = run.Truth.Controls.Select(c => c.CsmId).ToHashSet(StringComparer.Ordinal);
        var csms = run.Connection.Scalar<long>("select count(distinct csm_id) from fct_csm_week");
        return new Recall(onsets.Count, caught, weeks, onsets.Count(e => e.UntilEndOfExtract), stillFlagged,
            always.Count, alwaysFlagged, falseAlarmRows.Select(a => a.Csm).Distinct(StringComparer.Ordinal).Count(), (int)csms,
            alerts.Count(a => controls.Contains(a.Csm)),
            falseAlarmRows.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Csm} {a.Family} opened {a.Opened:yyyy-MM-dd}: {a.Detail}")).ToList());
    }

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    [InlineData(2026)]
    public void Planted_episodes_are_caught_and_stay_flagged_the_always_overloaded_csm_is_flagged_and_the_control_stays_silent(int seed)
    {
        // Given a sample company with onset episodes (the first lasting to the end), an always-overloaded CSM and a control
        using var run = new SampleCompanyRun(seed);

        // When the alerts are compared with the ground truth
        var r = Measure(run);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {seed} | {r.Caught}/{r.Episodes} | [{string.Join(", ", r.WeeksToAlert)}] | {r.StillFlaggedAtEnd}/{r.Persisting} "
            + $"| {r.AlwaysOverloadedFlagged}/{r.AlwaysOverloaded} | {r.FalseAlarmCsms}/{r.Csms} | {r.ControlAlerts} |"));
        foreach (var alarm in r.FalseAlarms) output.WriteLine("  false alarm: " + alarm);

        // Then every episode is caught within 4 weeks, the persisting ones are still flagged at the last week, the
        // always-overloaded CSM is flagged by the overload family, false alarms stay on at most 1 CSM, the control is silent
        Assert.True(r.Persisting >= 1, "the generator plants at least one episode lasting to the end");
        Assert.Equal(r.Episodes, r.Caught);
        Assert.All(r.WeeksToAlert, w => Assert.InRange(w, 0, 4));
        Assert.Equal(r.Persisting, r.StillFlaggedAtEnd);
        Assert.Equal(r.AlwaysOverloaded, r.AlwaysOverloadedFlagged);
        Assert.Equal(1, r.AlwaysOverloaded);
        Assert.InRange(r.FalseAlarmCsms, 0, 1);
        Assert.Equal(0, r.ControlAlerts);
    }
}
