namespace CapacityAnalytics.Sample;

/// <summary>
/// Plans the CS team: roles (about 75% dedicated, 17% pooled, 8% digital), dedicated CSMs split into an enterprise
/// team (the first 40%) and a mid-market team, teams of up to six under a manager, and, with six or more CSMs, one
/// dedicated CSM who leaves mid-period and the hire who takes over their book (both in the mid-market team).
/// </summary>
public static class RosterPlanner
{
    private const int TeamSize = 6;

    private static readonly string[] FirstNames =
    [
        "Ava", "Ben", "Chloe", "Diego", "Elena", "Farah", "Gustav", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo",
        "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Baker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski",
        "Larsen", "Moreau", "Nakamura", "O'Brien", "Patel", "Quispe", "Rossi", "Silva", "Tanaka", "Urban", "Weber",
    ];

    public static IReadOnlyList<CsmPlan> Plan(SampleOptions options, SampleRandom random)
    {
        var n = options.Csms;
        var digital = n >= 5 ? Math.Max(1, (int)Math.Round(n * 0.08)) : 0;
        var pooled = n >= 3 ? Math.Max(1, (int)Math.Round(n * 0.17)) : 0;
        var dedicated = n - digital - pooled;
        var enterpriseTeam = dedicated >= 4 ? (int)Math.Ceiling(dedicated * 0.4) : 0;
        var periodStart = options.PeriodStart;
        var end = options.ResolvedEndDate;

        var csms = new List<CsmPlan>(n);
        for (var i = 0; i < n; i++)
        {
            var role = i < dedicated ? CsmRole.Dedicated : i < dedicated + pooled ? CsmRole.Pooled : CsmRole.Digital;
            var csm = new CsmPlan(i, $"CSM-{i + 1:D3}", role);
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            csm.Name = $"{first} {last}";
            csm.Email = $"{first.ToLowerInvariant()}.{last.Replace("'", "", StringComparison.Ordinal).ToLowerInvariant()}.{i + 1}@example.com";
            if (role == CsmRole.Dedicated && enterpriseTeam > 0)
            {
                csm.Focus = i < enterpriseTeam ? Segment.Enterprise : Segment.MidMarket;
            }
            var teamName = csm.Focus switch
            {
                Segment.Enterprise => "enterprise",
                Segment.MidMarket => "mid-market",
                _ => csm.Lane,
            };
            csm.Team = $"{teamName}-{1 + csms.Count(c => c.Role == role && c.Focus == csm.Focus) / TeamSize}";
            csm.ManagerId = $"MGR-{csm.Team}";
            csm.Fte = random.Chance(0.1) ? 0.8 : 1.0;
            csm.WeeklyHours = 40;
            // Original CSMs predate every customer contract of the sample (at most four years before the period).
            csm.StartDate = periodStart.AddDays(-1500 - random.Next(700));
            csms.Add(csm);
        }

        if (dedicated >= 4)
        {
            // The last dedicated CSM is the hire who takes over the book of the one before them, who leaves.
            var leaver = csms[dedicated - 2];
            var hire = csms[dedicated - 1];
            var span = end.DayNumber - periodStart.DayNumber;
            var handover = SampleCalendar.WeekStart(periodStart.AddDays(span * 2 / 5 + random.Next(Math.Max(1, span / 5))));
            hire.StartDate = handover.AddDays(-14);
            leaver.EndDate = handover.AddDays(4);
            leaver.Part = CsmPart.Leaver;
            hire.Part = CsmPart.Hire;
        }
        return csms;
    }
}
