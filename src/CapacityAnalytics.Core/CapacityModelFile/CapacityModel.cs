using YamlDotNet.Serialization;

namespace CapacityAnalytics.Core.CapacityModelFile;

/// <summary>
/// The capacity model file (<c>pipelines/capacity-model.yaml</c>, docs/capacity-model.md): the planned model, the activity
/// catalog the workload marts classify by, and the early-warning rules. Versioned with an effective date.
/// </summary>
public sealed class CapacityModel
{
    public string Version { get; set; } = "";
    public DateOnly EffectiveDate { get; set; }
    public string? Description { get; set; }
    public AvailableHours AvailableHours { get; set; } = new();
    public List<SegmentBand> Segments { get; set; } = [];
    public Dictionary<string, ActivityTypeSpec> ActivityTypes { get; set; } = [];
    public Dictionary<string, string> TypeMap { get; set; } = [];
    public WorkloadRules Workload { get; set; } = new();
    public Dictionary<string, SegmentTouchpoints> Touchpoints { get; set; } = [];
    public Drivers Drivers { get; set; } = new();
    public BookPolicy Book { get; set; } = new();
    public EarlyWarningRules EarlyWarning { get; set; } = new();
    public ForwardPlan Forward { get; set; } = new();
    public List<Scenario> Scenarios { get; set; } = [];
    /// <summary>How each coverage lane turns planned hours into CSM hours (docs/capacity-model.md).</summary>
    public LanePolicy Lanes { get; set; } = new();
    /// <summary>When to hire: recruiting and ramp lead time, horizon, which growth to project (docs/capacity-model.md).</summary>
    public HiringPolicy Hiring { get; set; } = new();
    /// <summary>Book rebalancing: the load band every CSM is brought into and what may not move (docs/capacity-model.md).</summary>
    public RebalancePolicy Rebalance { get; set; } = new();
    /// <summary>Written by <c>capacity calibrate</c>: what the fitted values came from; null in a hand-made model.</summary>
    public CalibrationInfo? Calibration { get; set; }

    /// <summary>The segment an ARR falls in: the band with min_arr &lt;= arr &lt; max_arr.</summary>
    public SegmentBand SegmentFor(double arr) =>
        Segments.FirstOrDefault(s => arr >= (s.MinArr ?? double.NegativeInfinity) && arr < (s.MaxArr ?? double.PositiveInfinity))
        ?? throw new InvalidOperationException(FormattableString.Invariant($"No segment band covers ARR {arr}."));
}

public sealed class AvailableHours
{
    public double WeeklyHours { get; set; } = 40;
    /// <summary>Share of available time that is customer-facing (default 2/3: a third goes to internal work).</summary>
    public double CustomerFacingShare { get; set; } = 2.0 / 3.0;
    /// <summary>Practical vs theoretical capacity (time-driven ABC), default 0.85.</summary>
    public double PracticalCapacity { get; set; } = 0.85;
    /// <summary>Weeks of PTO and holidays per year, taken off the year's available hours.</summary>
    public double PtoWeeksPerYear { get; set; } = 5;
}

public sealed class SegmentBand
{
    public string Name { get; set; } = "";
    public double? MinArr { get; set; }
    public double? MaxArr { get; set; }
    /// <summary>Coverage lane: dedicated, pooled or digital.</summary>
    public string Lane { get; set; } = "dedicated";
    /// <summary>QBR cadence in months (a QBR is due every N months); null: no QBRs due.</summary>
    public double? QbrEveryMonths { get; set; }
}

public sealed class ActivityTypeSpec
{
    /// <summary>proactive, reactive or internal.</summary>
    public string Class { get; set; } = "";
    /// <summary>Class of an inbound activity of this type (emails and calls: reactive). Null: same as Class.</summary>
    public string? InboundClass { get; set; }
    /// <summary>Class of an outbound activity of this type. Null: same as Class.</summary>
    public string? OutboundClass { get; set; }
    /// <summary>Standard minutes when an activity has no duration, by segment; key "default" for all others.</summary>
    public Dictionary<string, double> Minutes { get; set; } = [];
    public double PrepMinutes { get; set; }

    public double MinutesFor(string segment) =>
        Minutes.TryGetValue(segment, out var m) ? m : Minutes.TryGetValue("default", out var d) ? d : 0;
}

public sealed class WorkloadRules
{
    /// <summary>Minutes of CSM time per escalated ticket without logged csm_minutes.</summary>
    public double EscalatedTicketMinutes { get; set; } = 30;
    /// <summary>An account is onboarding for this many days after contract_start.</summary>
    public int OnboardingWindowDays { get; set; } = 90;
    /// <summary>An account with no proactive touch for this many days is gone dark.</summary>
    public int GoneDarkDays { get; set; } = 60;
    /// <summary>No CSM contact for this many days makes health drift count as "without contact".</summary>
    public int NoContactDays { get; set; } = 30;
    public int RenewalHorizonDays { get; set; } = 90;
    /// <summary>An account whose latest health score is below this is at risk (with gone dark, or a renewal without a recent touch).</summary>
    public double AtRiskHealthScore { get; set; } = 50;
}

public sealed class SegmentTouchpoints
{
    public List<RecurringTouchpoint> Recurring { get; set; } = [];
    public List<OneTimeTouchpoint> OneTime { get; set; } = [];
    public InboundVolume Inbound { get; set; } = new();
}

public sealed class RecurringTouchpoint
{
    public string Type { get; set; } = "";
    public double PerMonth { get; set; }
    public double Minutes { get; set; }
    public double PrepMinutes { get; set; }
}

public sealed class OneTimeTouchpoint
{
    public string Type { get; set; } = "";
    public double Count { get; set; } = 1;
    public double Minutes { get; set; }
    public double PrepMinutes { get; set; }
    /// <summary>onboarding: counted in the onboarding window; lifetime: amortized over the customer lifetime.</summary>
    public string Amortize { get; set; } = "onboarding";
}

public sealed class InboundVolume
{
    public double PerMonth { get; set; }
    public double Minutes { get; set; }
}

public sealed class Drivers
{
    public double ComplexityMultiplier { get; set; } = 1.15;
    public double OnboardingUplift { get; set; } = 0.6;
    public double ExpansionUplift { get; set; } = 0.3;
    public double StakeholderMultiplier { get; set; } = 1.05;
    public double RiskUplift { get; set; }
    public double AverageLifetimeMonths { get; set; } = 36;
}

public sealed class BookPolicy
{
    /// <summary>Largest tolerated share of months whose load exceeds practical capacity (the variance buffer).</summary>
    public double MaxOverloadShare { get; set; } = 0.10;
    /// <summary>Capacity points a CSM's book is loaded to (one point = one planned hour per month).</summary>
    public double PointsThreshold { get; set; }
}

public sealed class EarlyWarningRules
{
    public int BaselineWeeks { get; set; } = 12;
    public int WindowWeeks { get; set; } = 4;
    public int PersistWeeks { get; set; } = 2;
    /// <summary>Weeks with a value the baseline needs before a rule may fire (a new CSM has no baseline yet).</summary>
    public int MinBaselineWeeks { get; set; } = 6;
    /// <summary>Relative rise (window vs baseline) in book size, onboarding accounts or escalations named as a likely cause.</summary>
    public double CauseGrowth { get; set; } = 0.2;
    /// <summary>A CSM-week whose time off is at least this share of its nominal hours carries no indicator value.</summary>
    public double TimeOffExcludeShare { get; set; } = 0.5;
    /// <summary>Backtest: outcomes of an alert's exposed accounts are followed for this many days after it opened ...</summary>
    public int BacktestDays { get; set; } = 120;
    /// <summary>... and an alert is backtested once at least this many of them have passed.</summary>
    public int BacktestMinDays { get; set; } = 60;
    /// <summary>A week counts as recovered when the window mean is within this share of the rule's drop threshold of the
    /// frozen baseline (0.5 with drop_points 0.15: at most 0.075 below it).</summary>
    public double RecoveryBand { get; set; } = 0.5;
    /// <summary>Consecutive recovered weeks before a decline alert closes (hysteresis).</summary>
    public int RecoveryWeeks { get; set; } = 3;
    public List<IndicatorRule> Rules { get; set; } = [];
    /// <summary>The absolute-overload family: load and book against capacity, whatever the CSM's own history.</summary>
    public OverloadRules Overload { get; set; } = new();
}

/// <summary>
/// Absolute overload (docs/metrics.md): a CSM-week is over when utilization (customer hours / customer-facing hours)
/// exceeds <see cref="UtilizationAbove"/>, or the book exceeds the high end of the model's accounts-per-CSM range by
/// more than <see cref="BookAboveRange"/>; an alert opens when at least <see cref="MinWeeks"/> of the last
/// <see cref="Weeks"/> weeks are over, and closes after recovery_weeks consecutive weeks in which that no longer holds.
/// </summary>
public sealed class OverloadRules
{
    public double UtilizationAbove { get; set; } = 1.0;
    public double BookAboveRange { get; set; }
    public int Weeks { get; set; } = 4;
    public int MinWeeks { get; set; } = 3;
}

public sealed class IndicatorRule
{
    /// <summary>Indicator column of fct_csm_week (e.g. proactive_share, coverage_30d).</summary>
    public string Indicator { get; set; } = "";
    /// <summary>Fire when the rolling value is this many points (absolute, 0-1 scale) below baseline ...</summary>
    public double? DropPoints { get; set; }
    /// <summary>... or this many baseline standard deviations below it (both set: both must hold).</summary>
    public double? DropSd { get; set; }
}

public sealed class ForwardPlan
{
    public double ChurnRate { get; set; } = 0.15;
    public double NewArr { get; set; }
    public double ExpansionArr { get; set; }
    /// <summary>Average ACV of new logos; null: the current average ARR per account.</summary>
    public double? NewLogoAcv { get; set; }
}

public sealed class Scenario
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Relative change of average deal size (0.2 = +20%).</summary>
    public double? DealSizeChange { get; set; }
    /// <summary>Onboarding work moved to a specialist team (removes onboarding uplift and one-time touchpoints).</summary>
    public bool OnboardingToSpecialists { get; set; }
    /// <summary>Segments moved to the digital lane.</summary>
    public List<string> ToDigital { get; set; } = [];
    /// <summary>Forward ARR growth (0.3 = +30%).</summary>
    public double? ArrGrowth { get; set; }
}

public sealed class LanePolicy
{
    /// <summary>Hours per account-month of the digital program team (content, campaigns) for a digital-lane account.</summary>
    public double DigitalHoursPerAccountMonth { get; set; } = 0.05;
    /// <summary>Observed behaviour (hours, tickets) is read over the account's last complete months, this many.</summary>
    public int ObservedMonths { get; set; } = 6;
    /// <summary>An account earns a named CSM when any of these holds.</summary>
    public DedicatedLaneRule Dedicated { get; set; } = new();
    /// <summary>An account not dedicated is served digitally when all of these hold, else pooled.</summary>
    public DigitalLaneRule Digital { get; set; } = new();
}

/// <summary>
/// Any one threshold met makes an account dedicated; a null threshold is not checked (written as an empty value, so the
/// calibrated model keeps it switched off).
/// </summary>
public sealed class DedicatedLaneRule
{
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.Preserve)]
    public double? MinArr { get; set; } = 50000;
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.Preserve)]
    public int? MinComplexity { get; set; } = 5;
    /// <summary>Expected (calibrated time equation) or observed customer hours per month, the larger of the two.</summary>
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.Preserve)]
    public double? MinHoursPerMonth { get; set; } = 5;
}

/// <summary>Every threshold must hold for the digital lane; a null threshold is not checked.</summary>
public sealed class DigitalLaneRule
{
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.Preserve)]
    public double? MaxArr { get; set; } = 10000;
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.Preserve)]
    public int? MaxComplexity { get; set; } = 3;
    /// <summary>Expected or observed customer hours per month, the larger of the two.</summary>
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.Preserve)]
    public double? MaxHoursPerMonth { get; set; } = 1.0;
    /// <summary>Observed tickets per month.</summary>
    [YamlMember(DefaultValuesHandling = DefaultValuesHandling.Preserve)]
    public double? MaxTicketsPerMonth { get; set; } = 1.0;
    /// <summary>Only an account that is neither at risk nor gone dark nor onboarding goes digital.</summary>
    public bool HealthyOnly { get; set; } = true;
}

/// <summary>
/// Book rebalancing (docs/capacity-model.md): every CSM's expected hours within [band_low, band_high] of their
/// customer-facing hours per month, with the fewest moves and then the fewest hours moved.
/// </summary>
public sealed class RebalancePolicy
{
    public double BandLow { get; set; } = 0.70;
    public double BandHigh { get; set; } = 0.95;
    /// <summary>An account renewing within this many days of as_of stays unless no other move reaches the band.</summary>
    public int ProtectRenewalDays { get; set; } = 60;
    /// <summary>An account in its onboarding window stays unless no other move reaches the band.</summary>
    public bool ProtectOnboarding { get; set; } = true;
    /// <summary>The most accounts one CSM gives up and receives together.</summary>
    public int MaxMovesPerCsm { get; set; } = 3;
    /// <summary>Accounts that never move.</summary>
    public List<string> Pinned { get; set; } = [];
    /// <summary>A book larger than this offers this many move candidates, spread over its hours (docs/capacity-model.md).</summary>
    public int CandidatesPerCsm { get; set; } = 20;
    /// <summary>CP-SAT deterministic time limit per solve (its work units, roughly seconds): the same book gives the same answer.</summary>
    public double TimeLimit { get; set; } = 2;
}

/// <summary>
/// The hiring trigger (<c>capacity_hiring_plan</c>): the book grows by its trailing new logos, churn and expansion per
/// month (or by the forward: section's 12-month plan); capacity runs out in the first month the hours needed exceed
/// the staffed CSMs' practical customer-facing hours, and a requisition must open the lead time before.
/// </summary>
public sealed class HiringPolicy
{
    /// <summary>Months from opening a requisition to the hire's first day (default 3).</summary>
    public int? RecruitingMonths { get; set; }
    /// <summary>Months a new CSM takes to carry a full book (default 3).</summary>
    public int? RampMonths { get; set; }
    /// <summary>Recruiting and ramp as one figure; when set, recruiting_months and ramp_months must be absent.</summary>
    public int? LeadTimeMonths { get; set; }
    /// <summary>How many months ahead the book is projected.</summary>
    public int HorizonMonths { get; set; } = 24;
    /// <summary>trailing: the data's new logos, churn and expansion per month over the last trailing_months complete
    /// months; forward_target: the forward: section's ARR plan spread evenly over 12 months.</summary>
    public string Growth { get; set; } = TrailingGrowth;
    /// <summary>Complete months before the as-of month that the trailing growth averages.</summary>
    public int TrailingMonths { get; set; } = 6;

    public const string TrailingGrowth = "trailing";
    public const string ForwardTargetGrowth = "forward_target";

    /// <summary>Months from requisition to a fully productive CSM (a method, so the model writer does not emit it).</summary>
    public int LeadTime() => LeadTimeMonths ?? ((RecruitingMonths ?? DefaultRecruitingMonths) + (RampMonths ?? DefaultRampMonths));

    public const int DefaultRecruitingMonths = 3;
    public const int DefaultRampMonths = 3;
}

public sealed class CalibrationInfo
{
    /// <summary>The model version the calibration started from.</summary>
    public string? PreviousVersion { get; set; }
    public int Accounts { get; set; }
    public int AccountMonths { get; set; }
    public DateOnly? FirstMonth { get; set; }
    public DateOnly? LastMonth { get; set; }
    public double TweediePower { get; set; }
    public int BootstrapReps { get; set; }
    /// <summary>Fitted base hours per account-month by segment (complexity 3, not onboarding, no expansion, 3 stakeholders).</summary>
    public Dictionary<string, double> BaseHours { get; set; } = [];
}
