using CapacityAnalytics.Core.Contract;

namespace CapacityAnalytics.Sample.Tests;

[Collection(SampleCompanyGroup.Name)]
public sealed class SampleTimeTruthTests(SampleCompanyFixture company)
{
    [Fact]
    public void The_generator_uses_the_documented_standard_and_prep_minutes()
    {
        // Given the table in docs/time-equation.md
        var docs = DocsTimeTable.Load();

        // When / Then the generator's catalog has the same types, minutes and prep
        Assert.Equal(docs.Types.Order(StringComparer.Ordinal), TouchpointCatalog.All.Select(t => t.Type).Order(StringComparer.Ordinal));
        foreach (var touchpoint in TouchpointCatalog.All)
        {
            var (standard, prep, _) = docs.Row(touchpoint.Type);
            Assert.Equal(standard, new[] { touchpoint.Enterprise, touchpoint.MidMarket, touchpoint.Smb });
            Assert.Equal(prep, touchpoint.PrepMinutes);
        }
        Assert.Equal(TouchpointCatalog.EscalatedTicketMinutes, docs.EscalatedTicketMinutes);
    }

    [Fact]
    public void Mean_measured_hours_per_account_month_match_the_true_time_equation_by_segment()
    {
        // Given the measured minutes per account-month, computed from the CSVs as docs/time-equation.md says
        var docs = DocsTimeTable.Load();
        var truth = company.Truth;
        var accounts = company.File(InputContract.Accounts);
        var segmentOf = accounts.Rows.ToDictionary(r => r[0], r => r[accounts.Column("segment")]);
        var measured = new Dictionary<(string Account, string Month), double>();
        var activities = company.File(InputContract.Activities);
        foreach (var row in activities.Rows.Where(r => r[1].Length > 0))
        {
            var key = (row[1], row[4][..7]);
            measured[key] = measured.GetValueOrDefault(key) + docs.Minutes(row[3], segmentOf[row[1]], row[5]);
        }
        var tickets = company.File(InputContract.Tickets);
        foreach (var row in tickets.Rows)
        {
            var minutes = row[9].Length > 0 ? SampleCsv.Number(row[9]) : row[8] == "true" ? docs.EscalatedTicketMinutes : 0;
            var key = (row[1], row[2][..7]);
            measured[key] = measured.GetValueOrDefault(key) + minutes;
        }

        // When they are averaged per segment, next to the time equation's expectation with the true parameters,
        // over the account-months the equation covers (episode-affected months left out)
        var expansions = ExpansionOpportunities();
        var affected = truth.AffectedAccountMonths();
        var sums = new Dictionary<string, (double Measured, double Expected, int Months, int Zero)>();
        foreach (var row in accounts.Rows)
        {
            var id = row[0];
            var segment = segmentOf[id];
            var start = SampleCsv.Date(row[accounts.Column("contract_start")]);
            var churned = row[accounts.Column("churned_on")];
            var last = churned.Length > 0 ? MonthStart(SampleCsv.Date(churned)).AddMonths(-1) : MonthStart(truth.PeriodEnd);
            for (var month = Max(truth.PeriodStart, MonthStart(start)); month <= last; month = month.AddMonths(1))
            {
                var monthKey = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                if (affected.Contains(new AccountMonth(id, monthKey)))
                {
                    continue;
                }
                var monthEnd = month.AddMonths(1).AddDays(-1);
                var onboarding = month <= start.AddDays(89) && monthEnd >= start;
                var expansion = expansions[id].Any(o => o.Created <= monthEnd && (o.Close is null || o.Close >= month));
                var p = truth.Parameters;
                var expected = ToBase(p.BaseHours, segment)
                    * Math.Pow(p.ComplexityMultiplier, int.Parse(row[accounts.Column("product_complexity")], System.Globalization.CultureInfo.InvariantCulture) - 3)
                    * (onboarding ? 1 + p.OnboardingUplift : 1)
                    * (expansion ? 1 + p.ExpansionUplift : 1)
                    * Math.Pow(p.StakeholderMultiplier, Math.Min(12, int.Parse(row[accounts.Column("stakeholders")], System.Globalization.CultureInfo.InvariantCulture)) - 3);
                var hours = measured.GetValueOrDefault((id, monthKey)) / 60;
                var s = sums.GetValueOrDefault(segment);
                sums[segment] = (s.Measured + hours, s.Expected + expected, s.Months + 1, s.Zero + (hours == 0 ? 1 : 0));
            }
        }

        // Then each segment's mean is within 10% of the truth, and small accounts have many zero months
        foreach (var (segment, s) in sums)
        {
            var ratio = s.Measured / s.Expected;
            Assert.True(Math.Abs(ratio - 1) < 0.10, $"{segment}: measured {s.Measured / s.Months:F2} h vs expected {s.Expected / s.Months:F2} h per account-month");
        }
        Assert.Equal(3, sums.Count);
        Assert.True(sums["smb"].Zero > 0.1 * sums["smb"].Months, $"{sums["smb"].Zero} zero smb months of {sums["smb"].Months}");
    }

    private Dictionary<string, List<(DateOnly Created, DateOnly? Close)>> ExpansionOpportunities()
    {
        var result = company.File(InputContract.Accounts).Values("account_id").ToDictionary(id => id, _ => new List<(DateOnly, DateOnly?)>());
        var opportunities = company.File(InputContract.Opportunities);
        foreach (var row in opportunities.Rows.Where(r => r[opportunities.Column("type")] == "expansion"))
        {
            var close = row[opportunities.Column("close_on")];
            result[row[1]].Add((SampleCsv.Date(row[opportunities.Column("created_on")]), close.Length > 0 ? SampleCsv.Date(close) : null));
        }
        return result;
    }

    private static double ToBase(SegmentBaseHours hours, string segment) => segment switch
    {
        "enterprise" => hours.Enterprise,
        "mid_market" => hours.MidMarket,
        _ => hours.Smb,
    };

    private static DateOnly MonthStart(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
