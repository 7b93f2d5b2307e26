namespace CapacityAnalytics.Sample;

/// <summary>CSM work with no account (internal meetings, admin): about 1.6 items per working day.</summary>
public sealed class InternalWorkGenerator(CompanyPlan plan)
{
    private static readonly MixItem Meeting = new(TouchpointCatalog.Get("internal_meeting"), false, 1);
    private static readonly MixItem Admin = new(TouchpointCatalog.Get("admin"), false, 1);

    public void Generate(CsmPlan csm, SampleRandom random, List<ActivityDraw> into)
    {
        into.Clear();
        var to = SampleCalendar.Min(plan.End, csm.EndDate ?? plan.End);
        for (var day = SampleCalendar.Max(plan.PeriodStart, csm.StartDate); day <= to; day = day.AddDays(1))
        {
            if (!csm.IsWorking(day))
            {
                continue;
            }
            Add(Meeting, random.Poisson(1.0), day, csm, random, into);
            Add(Admin, random.Poisson(0.6), day, csm, random, into);
        }
        into.Sort(static (a, b) => a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt) : a.Sequence.CompareTo(b.Sequence));
    }

    private static void Add(MixItem item, int count, DateOnly day, CsmPlan csm, SampleRandom random, List<ActivityDraw> into)
    {
        for (var i = 0; i < count; i++)
        {
            var at = SampleCalendar.At(day, 8 * 3600 + 900 * random.Next(37));
            var duration = TouchpointCatalog.DrawDuration(random, item.Touchpoint.StandardMinutes(Segment.MidMarket));
            into.Add(new ActivityDraw(at, item, duration, csm.Index, into.Count, ActivitySubjects.Draw(random, item.Touchpoint.Type)));
        }
    }
}
