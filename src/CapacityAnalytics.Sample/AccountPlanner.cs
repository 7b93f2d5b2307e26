namespace CapacityAnalytics.Sample;

/// <summary>
/// Draws the customer base: segment shares 9% / 29% / 62%, ARR lognormal inside each segment's band, firmographics,
/// and contract starts (existing customers up to three years back; new logos through the period in onboarding waves).
/// </summary>
public static class AccountPlanner
{
    private const double NewLogoShare = 0.3;

    private static readonly string[] Industries =
    [
        "software", "financial_services", "healthcare", "manufacturing", "retail", "education", "logistics", "media",
    ];

    private static readonly string[] NameHeads =
    [
        "Acme", "Blue", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kite", "Lumen",
        "Maple", "Nimbus", "Orbit", "Pine", "Quartz", "River", "Summit", "Tidal", "Umber", "Vertex", "Willow", "Zenith",
    ];

    private static readonly string[] NameTails =
    [
        "Analytics", "Logistics", "Health", "Systems", "Foods", "Labs", "Partners", "Retail", "Energy", "Capital",
        "Media", "Works",
    ];

    public static List<AccountPlan> Plan(SampleOptions options, SampleRandom random, bool hasDigitalLane)
    {
        var n = options.Accounts;
        var enterprise = (int)Math.Round(n * 0.09);
        var midMarket = (int)Math.Round(n * 0.29);
        var segments = new List<Segment>(n);
        for (var i = 0; i < n; i++)
        {
            segments.Add(i < enterprise ? Segment.Enterprise : i < enterprise + midMarket ? Segment.MidMarket : Segment.Smb);
        }
        Shuffle(segments, random);

        var newLogos = options.Months >= 3 ? (int)Math.Round(n * NewLogoShare) : 0;
        var waveMonths = Enumerable.Range(0, 3).Select(_ => random.Next(options.Months)).ToHashSet();
        var accounts = new List<AccountPlan>(n);
        for (var i = 0; i < n; i++)
        {
            var account = Draw(segments[i], random, hasDigitalLane);
            account.ContractStart = AvoidWindowBoundary(i < n - newLogos
                ? options.PeriodStart.AddDays(-1 - random.Next(1095))
                : NewLogoStart(options, waveMonths, random));
            var arr = DrawArr(segments[i], random);
            account.SetArr(account.ContractStart, arr);
            account.Index = i;
            accounts.Add(account);
        }

        // Ids follow signing order, as a CRM's would.
        accounts = [.. accounts.OrderBy(a => a.ContractStart).ThenBy(a => a.Index)];
        for (var i = 0; i < accounts.Count; i++)
        {
            accounts[i].Index = i;
            accounts[i].Id = $"ACC-{i + 1:D5}";
        }
        return accounts;
    }

    private static AccountPlan Draw(Segment segment, SampleRandom random, bool hasDigitalLane)
    {
        var (complexity, stakeholders, integrations, employees, seats) = segment switch
        {
            Segment.Enterprise => (Weighted(random, 0.05, 0.15, 0.35, 0.30, 0.15), random.Next(4, 13), random.Next(2, 13),
                LogNormal(random, 3000, 0.8), random.Next(80, 601)),
            Segment.MidMarket => (Weighted(random, 0.10, 0.25, 0.35, 0.20, 0.10), random.Next(2, 8), random.Next(1, 7),
                LogNormal(random, 400, 0.7), random.Next(20, 151)),
            _ => (Weighted(random, 0.20, 0.30, 0.30, 0.15, 0.05), random.Next(1, 5), random.Next(0, 4),
                LogNormal(random, 60, 0.7), random.Next(3, 31)),
        };
        var head = NameHeads[random.Next(NameHeads.Length)];
        var tail = NameTails[random.Next(NameTails.Length)];
        var potential = random.NextDouble() switch { < 0.4 => "low", < 0.8 => "medium", _ => "high" };
        return new AccountPlan
        {
            Name = random.Chance(0.15) ? $"{head} {tail}, Inc." : $"{head} {tail}",
            Segment = segment,
            Industry = Industries[random.Next(Industries.Length)],
            Employees = (int)Math.Max(2, employees),
            Complexity = complexity,
            Integrations = integrations,
            Stakeholders = stakeholders,
            ExpansionPotential = potential,
            Seats = seats,
            DigitalLane = hasDigitalLane && segment == Segment.Smb && random.Chance(0.35),
        };
    }

    /// <summary>Lognormal ARR inside the segment's band (redrawn when outside), rounded to 100.</summary>
    private static double DrawArr(Segment segment, SampleRandom random)
    {
        var (median, sigma) = segment switch
        {
            Segment.Enterprise => (95_000.0, 0.6),
            Segment.MidMarket => (22_000.0, 0.45),
            _ => (4_500.0, 0.5),
        };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var arr = Math.Round(LogNormal(random, median, sigma) / 100) * 100;
            if (SegmentBands.Of(arr) == segment && arr >= 1_000)
            {
                return arr;
            }
        }
        return segment.ClampInto(median);
    }

    private static DateOnly NewLogoStart(SampleOptions options, HashSet<int> waveMonths, SampleRandom random)
    {
        var weights = Enumerable.Range(0, options.Months).Select(m => waveMonths.Contains(m) ? 3.0 : 1.0).ToArray();
        var u = random.NextDouble() * weights.Sum();
        var month = 0;
        while (month < weights.Length - 1 && (u -= weights[month]) >= 0)
        {
            month++;
        }
        var first = options.PeriodStart.AddMonths(month);
        var last = SampleCalendar.Min(SampleCalendar.MonthEnd(first), options.ResolvedEndDate.AddDays(-14));
        if (last < first)
        {
            last = first;
        }
        var day = SampleCalendar.DayBetween(random, first, last);
        return SampleCalendar.IsWeekend(day) ? SampleCalendar.WeekStart(day).AddDays(7) : day;
    }

    /// <summary>
    /// "The first 90 days" may be read as ending on day 89 or day 90 after contract_start; a start whose day 90 is a
    /// month's first day would make the two readings disagree about that month, so the sample never draws one.
    /// </summary>
    private static DateOnly AvoidWindowBoundary(DateOnly start) =>
        start.AddDays(TouchpointCatalog.OnboardingWindowDays).Day == 1 ? start.AddDays(1) : start;

    private static int Weighted(SampleRandom random, params double[] weights)
    {
        var u = random.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            if ((u -= weights[i]) < 0)
            {
                return i + 1;
            }
        }
        return weights.Length;
    }

    private static double LogNormal(SampleRandom random, double median, double sigma) => median * Math.Exp(sigma * random.Normal());

    private static void Shuffle<T>(List<T> items, SampleRandom random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
