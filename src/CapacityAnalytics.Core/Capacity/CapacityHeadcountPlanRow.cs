namespace CapacityAnalytics.Core.Capacity;

/// <summary>
/// One row of <c>capacity_headcount_plan</c>: a segment (or "total") now and in the forward ARR state. Headcount is
/// CSM FTE (fractional); CSMs needed rounds it up. Digital program FTE is the digital lane's program-team time.
/// The <c>Calibrated</c> figures take the calibrated time equation's hours per account-month (the fitted mean of the
/// segment's observed account-months) instead of the planned model's; null until a calibration has run.
/// </summary>
public sealed record CapacityHeadcountPlanRow(
    string Segment,
    string Lane,
    double Accounts,
    double Arr,
    double HoursPerAccountMonth,
    double HeadcountNow,
    int CsmsNeededNow,
    double ForwardAccounts,
    double ForwardArr,
    double NewLogos,
    double ForwardHeadcount,
    int CsmsNeededForward,
    double DigitalProgramFteNow,
    double DigitalProgramFteForward,
    double? HoursPerAccountMonthCalibrated = null,
    double? HeadcountNowCalibrated = null,
    double? ForwardHeadcountCalibrated = null);
