namespace CapacityAnalytics.Sample;

public enum CsmRole
{
    Dedicated,
    Pooled,
    Digital,
}

/// <summary>What the sample plants on a CSM; only <see cref="Regular"/> CSMs take part in random reassignments.</summary>
public enum CsmPart
{
    Regular,
    Control,
    Overload,
    /// <summary>Overloaded from the first week to the end: no history of their own to fall from.</summary>
    AlwaysOverloaded,
    Leaver,
    Hire,
}

/// <summary>One CSM of the roster, with their days off.</summary>
public sealed class CsmPlan(int index, string id, CsmRole role)
{
    private readonly SortedDictionary<DateOnly, double> _timeOff = [];

    public int Index { get; } = index;

    public string Id { get; } = id;

    public CsmRole Role { get; } = role;

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Team { get; set; } = "";

    /// <summary>The segment a dedicated CSM's team serves (enterprise or mid-market); null: any of the lane.</summary>
    public Segment? Focus { get; set; }

    /// <summary>Share of a normal book the initial assignment gives this CSM (an always-overloaded CSM carries more).</summary>
    public double BookWeight => Part == CsmPart.AlwaysOverloaded ? 2.2 : 1.0;

    public string ManagerId { get; set; } = "";

    public double Fte { get; set; } = 1;

    public double WeeklyHours { get; set; } = 40;

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public CsmPart Part { get; set; } = CsmPart.Regular;

    /// <summary>Time off per date (hours), sorted by date.</summary>
    public IReadOnlyDictionary<DateOnly, double> TimeOff => _timeOff;

    public double DailyHours => WeeklyHours * Fte / 5;

    public string Lane => Role switch
    {
        CsmRole.Dedicated => "dedicated",
        CsmRole.Pooled => "pooled",
        _ => "digital",
    };

    public bool IsEmployed(DateOnly date) => date >= StartDate && (EndDate is null || date <= EndDate);

    public bool IsOff(DateOnly date) => _timeOff.ContainsKey(date);

    /// <summary>Can work with customers on this day: employed, a weekday, not off.</summary>
    public bool IsWorking(DateOnly date) => IsEmployed(date) && !SampleCalendar.IsWeekend(date) && !IsOff(date);

    public void TakeOff(DateOnly date)
    {
        if (!SampleCalendar.IsWeekend(date) && IsEmployed(date))
        {
            _timeOff[date] = DailyHours;
        }
    }
}
