namespace CapacityAnalytics.Core.Capacity;

/// <summary>Everything one calibration run produces, before the calibrated model file is written.</summary>
public sealed record CalibrationResult(
    TimeEquationParameters Parameters,
    GlmFit Fit,
    BootstrapResult Bootstrap,
    IReadOnlyList<SegmentFitQuality> Quality,
    IReadOnlyList<AccountFit> WorstAccounts,
    IReadOnlyList<TouchpointComparisonRow> Touchpoints,
    IReadOnlyList<CapacityCalibratedRow> Calibrated,
    IReadOnlyList<CapacityRecommendationRow> Recommendations,
    int Accounts,
    int AccountMonths,
    DateOnly FirstMonth,
    DateOnly LastMonth);
