using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample.Tests;

[Collection(SampleCompanyGroup.Name)]
public sealed class SampleCompanyTests(SampleCompanyFixture company)
{
    [Fact]
    public void Segments_have_their_configured_shares_and_arr_bands()
    {
        // Given the default company's accounts
        var accounts = company.File(InputContract.Accounts);
        var rows = accounts.Rows.Select(r => (Segment: r[accounts.Column("segment")], Arr: SampleCsv.Number(r[accounts.Column("arr")]))).ToList();

        // When they are grouped by segment
        double Share(string segment) => rows.Count(r => r.Segment == segment) / (double)rows.Count;

        // Then about 15% / 35% / 50% are enterprise / mid_market / smb, each inside its ARR band
        Assert.InRange(Share("enterprise"), 0.06, 0.12);
        Assert.InRange(Share("mid_market"), 0.25, 0.33);
        Assert.InRange(Share("smb"), 0.57, 0.67);
        Assert.All(rows.Where(r => r.Segment == "enterprise"), r => Assert.True(r.Arr >= 50_000));
        Assert.All(rows.Where(r => r.Segment == "mid_market"), r => Assert.InRange(r.Arr, 10_000, 49_999.99));
        Assert.All(rows.Where(r => r.Segment == "smb"), r => Assert.InRange(r.Arr, 0, 9_999.99));
    }

    [Fact]
    public void The_company_has_new_logos_churn_reassignments_and_internal_work()
    {
        // Given the default company
        var accounts = company.File(InputContract.Accounts);
        var periodStart = company.Truth.PeriodStart;

        // When its lifecycle is counted
        var newLogos = accounts.Values("contract_start").Count(d => SampleCsv.Date(d) >= periodStart);
        var churned = accounts.Values("churned_on").Count(d => d.Length > 0);
        var history = company.File(InputContract.AccountHistory);
        var ownerChanges = history.Rows.GroupBy(r => r[0]).Sum(g => g.Select(r => r[2]).Zip(g.Select(r => r[2]).Skip(1)).Count(p => p.First != p.Second));
        var internalWork = company.File(InputContract.Activities).Values("account_id").Count(a => a.Length == 0);

        // Then each is there in a plausible amount
        Assert.InRange(newLogos, 120, 240);
        Assert.InRange(churned, 20, 150);
        Assert.True(ownerChanges > 50, $"{ownerChanges} owner changes");
        Assert.True(internalWork > 1000, $"{internalWork} internal activities");
        Assert.Single(company.Truth.BookTransfers);
    }

    [Fact]
    public void Overload_episodes_are_planted_and_proactive_work_per_account_drops_after_onset()
    {
        // Given the ground truth's episodes and the company's activities and ownership
        var episodes = company.Truth.Episodes.Where(e => e.Kind == EpisodePlan.OverloadKind).ToList();
        Assert.True(episodes.Count >= 2, "at least two episodes");
        Assert.Contains(episodes, e => e.UntilEndOfExtract);
        var book = new BookHistory(company.File(InputContract.Accounts), company.File(InputContract.AccountHistory));
        var activities = company.File(InputContract.Activities);
        var docs = DocsTimeTable.Load();

        foreach (var episode in episodes)
        {
            // When proactive touches per account are compared: 8 weeks before onset vs the episode's weeks
            var weeks = Math.Min(8, (episode.End.DayNumber - episode.Onset.DayNumber + 1) / 7);
            var before = ProactivePerAccountWeek(activities, docs, book, episode.CsmId, episode.Onset.AddDays(-56), 8);
            var during = ProactivePerAccountWeek(activities, docs, book, episode.CsmId, episode.Onset, weeks);

            // Then the book grew, and proactive work per account fell by more than 40%
            Assert.True(book.Size(episode.CsmId, episode.Onset) > 1.4 * book.Size(episode.CsmId, episode.Onset.AddDays(-7)), episode.CsmId);
            Assert.True(during < 0.6 * before, $"{episode.CsmId}: {before:F3} -> {during:F3} proactive touches per account-week");
            Assert.NotEmpty(episode.AffectedAccountMonths);
        }
    }

    [Fact]
    public void The_control_csm_takes_a_week_off_and_has_no_episode_or_reassignment()
    {
        // Given the ground truth's control CSM
        var control = Assert.Single(company.Truth.Controls);
        var timeOff = company.File(InputContract.TimeOff);

        // When their time off and book changes are read
        var days = timeOff.Rows.Where(r => r[0] == control.CsmId).Select(r => SampleCsv.Date(r[1])).ToHashSet();
        var book = new BookHistory(company.File(InputContract.Accounts), company.File(InputContract.AccountHistory));

        // Then the week is off, no episode is theirs, and no account moved to or from them in the period
        for (var day = control.TimeOffStart; day <= control.TimeOffEnd; day = day.AddDays(1))
        {
            Assert.Contains(day, days);
        }
        Assert.Equal(DayOfWeek.Monday, control.TimeOffStart.DayOfWeek);
        Assert.DoesNotContain(company.Truth.Episodes, e => e.CsmId == control.CsmId);
        Assert.Equal(0, book.Reassignments(control.CsmId, company.Truth.PeriodStart));
    }

    private static double ProactivePerAccountWeek(SampleCsv activities, DocsTimeTable docs, BookHistory book, string csm, DateOnly from, int weeks)
    {
        var to = from.AddDays(7 * weeks);
        var touches = activities.Rows.Count(r =>
            r[2] == csm && r[1].Length > 0
            && SampleCsv.Date(r[4][..10]) is var day && day >= from && day < to
            && docs.IsProactive(r[3], r[6]));
        var accountWeeks = Enumerable.Range(0, weeks).Sum(w => book.Size(csm, from.AddDays(7 * w)));
        return touches / (double)accountWeeks;
    }
}
