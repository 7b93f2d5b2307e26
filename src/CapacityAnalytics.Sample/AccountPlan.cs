namespace CapacityAnalytics.Sample;

/// <summary>An opportunity of the sample (docs/input-contract.md, opportunities).</summary>
public sealed record OpportunityPlan(
    string Type,
    double Amount,
    DateOnly CreatedOn,
    DateOnly? CloseOn,
    string Stage,
    bool IsClosed,
    bool? IsWon);

/// <summary>A contract anniversary; <see cref="Draw"/> decides churn against the (possibly raised) churn chance.</summary>
public sealed class RenewalPlan(DateOnly date, double draw)
{
    public DateOnly Date { get; } = date;

    public double Draw { get; } = draw;

    /// <summary>The renewal falls while or shortly after the account sat in an overloaded book.</summary>
    public bool Exposed { get; set; }
}

/// <summary>One customer: its static attributes and its timelines (owner, ARR, opportunities, churn).</summary>
public sealed class AccountPlan
{
    private readonly List<(DateOnly From, int Csm)> _owners = [];
    private readonly List<(DateOnly From, double Arr)> _arr = [];

    public int Index { get; set; }

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public Segment Segment { get; init; }

    public string Industry { get; init; } = "";

    public int Employees { get; init; }

    public int Complexity { get; init; }

    public int Integrations { get; init; }

    public int Stakeholders { get; init; }

    public string ExpansionPotential { get; init; } = "";

    public DateOnly ContractStart { get; set; }

    public DateOnly? ChurnedOn { get; set; }

    /// <summary>The renewal date as of the end of the extract (for a churned account: the renewal it churned at).</summary>
    public DateOnly RenewalDate { get; set; }

    /// <summary>Licensed users; daily active users are drawn from them.</summary>
    public int Seats { get; init; }

    /// <summary>Digital-lane SMB accounts are served by digital CSMs.</summary>
    public bool DigitalLane { get; set; }

    public List<OpportunityPlan> Opportunities { get; } = [];

    /// <summary>Contract anniversaries within or just after the extract, each with its churn draw.</summary>
    public List<RenewalPlan> Renewals { get; } = [];

    /// <summary>Owner changes, by date (the first entry is the owner at contract start).</summary>
    public IReadOnlyList<(DateOnly From, int Csm)> Owners => _owners;

    public IReadOnlyList<(DateOnly From, double Arr)> ArrHistory => _arr;

    public double CurrentArr => _arr[^1].Arr;

    /// <summary>Last day the account is a customer within the extract.</summary>
    public DateOnly LastLiveDay(DateOnly end) => ChurnedOn is { } c ? SampleCalendar.Min(c.AddDays(-1), end) : end;

    public bool IsLive(DateOnly date, DateOnly end) => date >= ContractStart && date <= LastLiveDay(end);

    public int OwnerAt(DateOnly date)
    {
        var owner = _owners[0].Csm;
        foreach (var (from, csm) in _owners)
        {
            if (from > date)
            {
                break;
            }
            owner = csm;
        }
        return owner;
    }

    /// <summary>True when the owner changes in [from, to].</summary>
    public bool OwnerChangesBetween(DateOnly from, DateOnly to) => _owners.Skip(1).Any(o => o.From >= from && o.From <= to);

    public void SetOwner(DateOnly from, int csm)
    {
        var at = _owners.FindIndex(o => o.From >= from);
        if (at >= 0 && _owners[at].From == from)
        {
            _owners[at] = (from, csm);
            return;
        }
        _owners.Insert(at < 0 ? _owners.Count : at, (from, csm));
    }

    /// <summary>Drops owner changes on or after the churn date: nobody takes over a churned account.</summary>
    public void DropOwnerChangesAfterChurn()
    {
        if (ChurnedOn is { } churned)
        {
            _owners.RemoveAll(o => o.From >= churned && o != _owners[0]);
        }
    }

    public double ArrAt(DateOnly date)
    {
        var arr = _arr[0].Arr;
        foreach (var (from, value) in _arr)
        {
            if (from > date)
            {
                break;
            }
            arr = value;
        }
        return arr;
    }

    public void SetArr(DateOnly from, double arr)
    {
        arr = Segment.ClampInto(Math.Round(arr, 0));
        var at = _arr.FindIndex(a => a.From >= from);
        if (at >= 0 && _arr[at].From == from)
        {
            _arr[at] = (from, arr);
            return;
        }
        _arr.Insert(at < 0 ? _arr.Count : at, (from, arr));
    }

    /// <summary>
    /// Expansion-active per docs/time-equation.md: an expansion opportunity with created_on &lt;= month end and
    /// close_on empty or &gt;= month start.
    /// </summary>
    public bool ExpansionActive(DateOnly monthStart)
    {
        var monthEnd = SampleCalendar.MonthEnd(monthStart);
        foreach (var o in Opportunities)
        {
            if (o.Type == "expansion" && o.CreatedOn <= monthEnd && (o.CloseOn is null || o.CloseOn >= monthStart))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Onboarding per docs/time-equation.md: the month overlaps the first 90 days after contract_start.</summary>
    public bool Onboarding(DateOnly monthStart) =>
        monthStart <= ContractStart.AddDays(TouchpointCatalog.OnboardingWindowDays - 1)
        && SampleCalendar.MonthEnd(monthStart) >= ContractStart;
}
