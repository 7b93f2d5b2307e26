namespace CapacityAnalytics.Core.Capacity.Planning;

/// <summary>
/// An account as the rebalancer sees it: its owner now, its lane, its expected hours per month, why it should stay
/// (renewing soon, onboarding; null when nothing protects it) and whether it is pinned to its owner.
/// </summary>
public sealed record RebalanceAccount(string AccountId, string? OwnerId, string Lane, double Hours, string? Protection = null, bool Pinned = false);

/// <summary>An active CSM: the lane they serve and their customer-facing hours per month.</summary>
public sealed record RebalanceCsm(string CsmId, string Lane, double CapacityHours);

/// <summary>
/// The load band as shares of customer-facing hours, the most moves one CSM takes part in, how many accounts of a
/// large book are move candidates, and the solver's deterministic time limit per solve (CP-SAT work units, roughly
/// seconds) and seed.
/// </summary>
public sealed record RebalanceOptions(double BandLow, double BandHigh, int MaxMovesPerCsm, double TimeLimit = 30, int Seed = 0, int CandidatesPerCsm = 20);

public enum RebalanceStatus
{
    /// <summary>Both solves proved optimal.</summary>
    Optimal,
    /// <summary>A solve stopped at the time limit: the best answer found, not proven the best there is.</summary>
    TimeLimit,
}

/// <summary>One proposed reassignment; <see cref="FromCsmId"/> is the owner now (not an active CSM of the lane for an orphaned account).</summary>
public sealed record RebalanceMove(string AccountId, string? FromCsmId, string ToCsmId, string Lane, double HoursMoved, string? Protection, string Reason);

/// <summary>A CSM's expected hours per month before and after the proposed moves, against the band.</summary>
public sealed record RebalanceLoad(
    string CsmId,
    string Lane,
    double CapacityHours,
    double BandLowHours,
    double BandHighHours,
    int AccountsBefore,
    double HoursBefore,
    double? LoadBefore,
    bool InBandBefore,
    int AccountsAfter,
    double HoursAfter,
    double? LoadAfter,
    bool InBandAfter,
    int MovesIn,
    int MovesOut);

/// <summary>
/// The proposal: moves, every CSM's load before and after, whether it is proven optimal, accounts that could not be
/// placed (no active CSM in their lane) and the wall-clock seconds the solves took (not part of any table: it varies).
/// </summary>
public sealed record RebalanceResult(
    IReadOnlyList<RebalanceMove> Moves,
    IReadOnlyList<RebalanceLoad> Loads,
    RebalanceStatus Status,
    IReadOnlyList<string> Unplaced,
    double SolveSeconds)
{
    public int OutOfBandBefore => Loads.Count(l => !l.InBandBefore);
    public int OutOfBandAfter => Loads.Count(l => !l.InBandAfter);
    public double HoursMoved => Moves.Sum(m => m.HoursMoved);

    public static string StatusName(RebalanceStatus status) => status == RebalanceStatus.Optimal ? "optimal" : "time_limit";
}
