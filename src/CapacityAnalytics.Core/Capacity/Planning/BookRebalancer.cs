using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace CapacityAnalytics.Core.Capacity.Planning;

/// <summary>
/// Proposes account reassignments that bring every CSM's expected hours into the load band (docs/capacity-model.md,
/// "Book rebalancing"), solved with CP-SAT one lane at a time (a lane's accounts go only to CSMs of that lane).
/// <para>
/// Model: a boolean x[a,c] for each allowed pair of an account and a CSM of its lane; every account with exactly one
/// CSM; a CSM's load = sum of hours x (hours in <see cref="Scale"/>ths). Allowed: an account with its owner always; a
/// pinned account only there; otherwise an account may move when it is one of its owner's candidates (the owner is not
/// below the band, and the account is one of <see cref="RebalanceOptions.CandidatesPerCsm"/> accounts spread evenly
/// over the book ranked by hours; the whole book when it is smaller) and only where the move serves a CSM out of band:
/// from an owner above the band to a CSM not above it, from an owner in band to a CSM below it. Of the CSMs in band,
/// only partners take part (<see cref="Partners"/>): as many as there are CSMs above the band receive (those with the
/// most room), as many as there are below it give (those with the most hours over the low edge).
/// An account whose owner is not an active CSM of the lane may go to any of them. The answer is the optimum over these
/// moves: keeping the model small is what lets one worker solve thousands of accounts. Two solves:
/// <list type="number">
/// <item>the fewest CSMs out of band, then the least total distance outside it (hours below the low or above the high
/// edge): weight (bound on the distance + 1) on the count, so the count always wins. A book that no assignment brings
/// fully into band still gets its best answer;</item>
/// <item>with that value fixed: the fewest moves of protected accounts (renewing soon, onboarding), then the fewest
/// moves, then the fewest hours moved, with weights (moves bound + 1) x (hours bound + 1) and (hours bound + 1).</item>
/// </list>
/// A CSM gives up and receives at most <see cref="RebalanceOptions.MaxMovesPerCsm"/> accounts together; an account
/// whose owner is not an active CSM of the lane must be placed and counts toward no limit. The first solve starts from
/// today's books, the second from the first's answer with the full LP relaxation (its bound is what proves the fewest
/// moves), and is skipped when that answer moves nothing. One worker, a
/// fixed seed and a deterministic time limit: the same book gives the same answer.
/// </para>
/// </summary>
public static class BookRebalancer
{
    /// <summary>Hours enter the solver as integers in thousandths of an hour.</summary>
    public const int Scale = 1000;

    public static RebalanceResult Solve(IReadOnlyList<RebalanceAccount> accounts, IReadOnlyList<RebalanceCsm> csms, RebalanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(csms);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BandLow < 0 || options.BandHigh <= options.BandLow) throw new ArgumentException("The band needs 0 <= low < high.", nameof(options));
        if (csms.Select(c => c.CsmId).Distinct(StringComparer.Ordinal).Count() != csms.Count) throw new ArgumentException("CSM ids must be unique.", nameof(csms));
        if (accounts.Select(a => a.AccountId).Distinct(StringComparer.Ordinal).Count() != accounts.Count) throw new ArgumentException("Account ids must be unique.", nameof(accounts));

        var stopwatch = Stopwatch.StartNew();
        var moves = new List<RebalanceMove>();
        var loads = new List<RebalanceLoad>();
        var unplaced = new List<string>();
        var statuses = new List<RebalanceStatus>();
        var lanes = csms.Select(c => c.Lane).Concat(accounts.Select(a => a.Lane)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(lane => (
                Csms: csms.Where(c => c.Lane == lane).OrderBy(c => c.CsmId, StringComparer.Ordinal).ToList(),
                Accounts: accounts.Where(a => a.Lane == lane).OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList()))
            .ToList();
        foreach (var lane in lanes.Where(l => l.Csms.Count == 0))
        {
            unplaced.AddRange(lane.Accounts.Select(a => a.AccountId));
        }
        // The lanes are independent models, each solved on one worker with a fixed seed and a deterministic time
        // limit, so solving them side by side (one per core) gives the same answer in less time; results are taken
        // in lane order.
        var solvable = lanes.Where(l => l.Csms.Count > 0).ToList();
        var solved = new LaneResult[solvable.Count];
        Parallel.For(0, solvable.Count, i => solved[i] = SolveLane(solvable[i].Accounts, solvable[i].Csms, options));
        foreach (var lane in solved)
        {
            statuses.Add(lane.Status);
            moves.AddRange(lane.Moves);
            loads.AddRange(lane.Loads);
        }
        var status = statuses.Contains(RebalanceStatus.TimeLimit) ? RebalanceStatus.TimeLimit : RebalanceStatus.Optimal;
        return new RebalanceResult(
            moves.OrderBy(m => m.Lane, StringComparer.Ordinal).ThenBy(m => m.AccountId, StringComparer.Ordinal).ToList(),
            loads.OrderBy(l => l.Lane, StringComparer.Ordinal).ThenBy(l => l.CsmId, StringComparer.Ordinal).ToList(),
            status,
            unplaced.Order(StringComparer.Ordinal).ToList(),
            stopwatch.Elapsed.TotalSeconds);
    }

    private sealed record LaneResult(RebalanceStatus Status, List<RebalanceMove> Moves, List<RebalanceLoad> Loads);

    private static LaneResult SolveLane(List<RebalanceAccount> accounts, List<RebalanceCsm> csms, RebalanceOptions options)
    {
        var csmIndex = csms.Select((c, i) => (c.CsmId, i)).ToDictionary(p => p.CsmId, p => p.i, StringComparer.Ordinal);
        var hours = accounts.Select(a => (long)Math.Round(Math.Max(0, a.Hours) * Scale, MidpointRounding.AwayFromZero)).ToArray();
        var owner = accounts.Select(a => a.OwnerId is { } o && csmIndex.TryGetValue(o, out var i) ? i : -1).ToArray();
        var total = hours.Sum();
        var low = csms.Select(c => (long)Math.Ceiling(Math.Round(options.BandLow * c.CapacityHours * Scale, 6))).ToArray();
        var high = csms.Select(c => (long)Math.Floor(Math.Round(options.BandHigh * c.CapacityHours * Scale, 6))).ToArray();

        var before = new long[csms.Count];
        for (var a = 0; a < accounts.Count; a++)
        {
            if (owner[a] >= 0) before[owner[a]] += hours[a];
        }
        var inBand = Enumerable.Range(0, csms.Count).Select(c => before[c] >= low[c] && before[c] <= high[c]).ToArray();
        var (receivers, givers) = Partners(before, low, high, inBand);
        var candidates = Candidates(hours, owner, csms.Count, c => before[c] > high[c] || givers.Contains(c), options.CandidatesPerCsm);

        var model = new CpModel();
        // x[a][c]: null where the pair is not allowed. An account that cannot move gets no variable at all: its hours
        // are a constant of its owner's load, which keeps the model (and presolve) small.
        var x = new BoolVar?[accounts.Count][];
        var fixedLoad = new long[csms.Count];
        for (var a = 0; a < accounts.Count; a++)
        {
            x[a] = new BoolVar?[csms.Count];
            var movable = owner[a] < 0 || (!accounts[a].Pinned && candidates.Contains(a));
            if (!movable)
            {
                fixedLoad[owner[a]] += hours[a];
                continue;
            }
            for (var c = 0; c < csms.Count; c++)
            {
                if (c != owner[a] && owner[a] >= 0 && !Serves(before, low, high, receivers, givers, owner[a], c)) continue;
                x[a][c] = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"x_{a}_{c}"));
            }
            model.AddExactlyOne(x[a].OfType<BoolVar>());
        }

        var load = new IntVar[csms.Count];
        var below = new IntVar[csms.Count];
        var above = new IntVar[csms.Count];
        var outside = new IntVar[csms.Count];
        var isOut = new BoolVar[csms.Count];
        long distanceBound = 0;
        for (var c = 0; c < csms.Count; c++)
        {
            var terms = Enumerable.Range(0, accounts.Count).Where(a => x[a][c] is not null).ToList();
            load[c] = model.NewIntVar(0, total, $"load_{c}");
            model.Add(load[c] == LinearExpr.WeightedSum(terms.Select(a => x[a][c]!), terms.Select(a => hours[a])) + fixedLoad[c]);
            var bound = Math.Max(low[c], total) + 1;
            distanceBound += bound;
            below[c] = model.NewIntVar(0, bound, $"below_{c}");
            above[c] = model.NewIntVar(0, bound, $"above_{c}");
            // Exact, not just bounds: every auxiliary follows from x (Hint sets them all).
            model.AddMaxEquality(below[c], [low[c] - load[c], LinearExpr.Constant(0)]);
            model.AddMaxEquality(above[c], [load[c] - high[c], LinearExpr.Constant(0)]);
            outside[c] = model.NewIntVar(0, 2 * bound, $"outside_{c}");
            model.Add(outside[c] == below[c] + above[c]);
            isOut[c] = model.NewBoolVar($"out_{c}");
            model.Add(outside[c] == 0).OnlyEnforceIf(isOut[c].Not());
            model.Add(outside[c] >= 1).OnlyEnforceIf(isOut[c]);

            // Moves touching this CSM: its own accounts given up plus accounts of other active CSMs received.
            var given = Enumerable.Range(0, accounts.Count).Where(a => owner[a] == c && x[a][c] is not null).Select(a => x[a][c]!).ToList();
            var received = Enumerable.Range(0, accounts.Count).Where(a => owner[a] >= 0 && owner[a] != c && x[a][c] is not null).Select(a => x[a][c]!).ToList();
            model.Add(given.Count - LinearExpr.Sum(given) + LinearExpr.Sum(received) <= options.MaxMovesPerCsm);
        }

        // Stage 1: CSMs out of band first, then the distance outside the band.
        var bandWeight = distanceBound * 2 + 1;
        // A CSM in band today who ends out of it counts more than all the others together: no proposal takes one out of
        // the band to bring others in or closer.
        var keptWeight = (csms.Count + 1) * bandWeight;
        var bandObjective = LinearExpr.WeightedSum(isOut, inBand.Select(kept => kept ? keptWeight : bandWeight))
            + LinearExpr.Sum(outside);
        model.Minimize(bandObjective);
        // A complete hint (every variable, not only x) is taken as the first solution right after presolve; a partial
        // one must be completed by search, which a large lane did not finish within its limit. The first solve starts
        // from today's books with each orphaned account where it fits best.
        void Hint(int[] assigned)
        {
            model.ClearHints();
            var loads = new long[csms.Count];
            for (var a = 0; a < accounts.Count; a++)
            {
                loads[assigned[a]] += hours[a];
                for (var c = 0; c < csms.Count; c++)
                {
                    if (x[a][c] is { } v) model.AddHint(v, assigned[a] == c);
                }
            }
            for (var c = 0; c < csms.Count; c++)
            {
                var (under, over) = (Math.Max(low[c] - loads[c], 0), Math.Max(loads[c] - high[c], 0));
                model.AddHint(load[c], loads[c]);
                model.AddHint(below[c], under);
                model.AddHint(above[c], over);
                model.AddHint(outside[c], under + over);
                model.AddHint(isOut[c], under + over > 0);
            }
        }
        var today = TodaysBooks(hours, owner, high);
        Hint(today);
        using var first = NewSolver(options);
        var firstStatus = first.Solve(model);
        if (firstStatus is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // The time limit ran out before any solution (a very large lane, a very short limit): propose nothing but
            // placing orphaned accounts, each with the CSM of the lane that has the most room left, and say so.
            return Describe(accounts, csms, options, hours, owner, low, high, today, RebalanceStatus.TimeLimit);
        }
        var bandBest = (long)Math.Round(first.ObjectiveValue);
        var hint = Assignment(first, x, owner);
        if (Enumerable.Range(0, accounts.Count).All(a => owner[a] < 0 || hint[a] == owner[a]))
        {
            // No account of an active CSM moves: the second solve's objective is already 0, its least.
            return Describe(accounts, csms, options, hours, owner, low, high, hint,
                firstStatus == CpSolverStatus.Optimal ? RebalanceStatus.Optimal : RebalanceStatus.TimeLimit);
        }

        // Stage 2: with the band result fixed, protected moves, then moves, then hours moved.
        model.Add(bandObjective <= bandBest);
        var moved = new List<(ILiteral Literal, int Account)>();
        for (var a = 0; a < accounts.Count; a++)
        {
            if (owner[a] < 0 || x[a][owner[a]] is not { } stays) continue;
            moved.Add((stays.Not(), a));
        }
        var hoursWeight = total + 1;
        var moveWeight = hoursWeight;
        var protectedWeight = (accounts.Count + 1) * moveWeight;
        var objective = LinearExpr.NewBuilder();
        foreach (var (literal, a) in moved)
        {
            objective.AddTerm(literal, (accounts[a].Protection is null ? 0 : protectedWeight) + moveWeight + hours[a]);
        }
        model.Minimize(objective);
        Hint(hint);
        // The fewest-moves objective's bound comes from the LP: with every constraint in it (linearization level 2), it
        // proves what the default level leaves open (at L the digital lane's 8 moves in 0.06 s, where it spent its whole
        // limit, 1.2 s of the core the dedicated lane needs, without bettering them).
        using var second = NewSolver(options, "linearization_level:2");
        var secondStatus = second.Solve(model);
        if (secondStatus is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // No solution within the limit of the second solve: the first one's stands.
            return Describe(accounts, csms, options, hours, owner, low, high, hint, RebalanceStatus.TimeLimit);
        }
        var status = firstStatus == CpSolverStatus.Optimal && secondStatus == CpSolverStatus.Optimal ? RebalanceStatus.Optimal : RebalanceStatus.TimeLimit;
        return Describe(accounts, csms, options, hours, owner, low, high, Assignment(second, x, owner), status);
    }

    /// <summary>
    /// Whether a move from <paramref name="from"/> to <paramref name="to"/> serves a CSM out of band: from one above the
    /// band to one not above it, or to one below it. A move between two CSMs in band serves neither, and leaving those
    /// pairs out keeps a large lane's model a third the size (docs/capacity-model.md).
    /// </summary>
    /// <remarks>With partners: to a CSM below the band or a receiver; from a CSM above it, or from a giver to a CSM below it.</remarks>
    private static bool Serves(long[] before, long[] low, long[] high, HashSet<int> receivers, HashSet<int> givers, int from, int to) =>
        (before[to] < low[to] || receivers.Contains(to)) && (before[from] > high[from] || (givers.Contains(from) && before[to] < low[to]));

    /// <summary>
    /// The CSMs in band today that take part in moves: as many as there are CSMs above the band, those with the most
    /// room below its high edge, may receive from them (<c>receivers</c>); as many as there are CSMs below it, those
    /// with the most hours over its low edge, may give to them (<c>givers</c>); ties in CSM order. The others keep
    /// their books, which keeps a large lane's model to the CSMs out of band and as many partners
    /// (docs/capacity-model.md).
    /// </summary>
    private static (HashSet<int> Receivers, HashSet<int> Givers) Partners(long[] before, long[] low, long[] high, bool[] inBand)
    {
        var csms = Enumerable.Range(0, before.Length).ToList();
        var partners = csms.Where(c => inBand[c]).ToList();
        var receivers = partners.OrderByDescending(c => high[c] - before[c]).ThenBy(c => c).Take(csms.Count(c => before[c] > high[c])).ToHashSet();
        var givers = partners.OrderByDescending(c => before[c] - low[c]).ThenBy(c => c).Take(csms.Count(c => before[c] < low[c])).ToHashSet();
        return (receivers, givers);
    }

    /// <summary>
    /// The accounts that may move: for each owner that is not below the band, its whole book when it has at most
    /// <paramref name="perCsm"/> accounts, else that many spread evenly over the book ranked by hours (smallest and
    /// largest included), so that every size of move stays available.
    /// </summary>
    private static HashSet<int> Candidates(long[] hours, int[] owner, int csmCount, Func<int, bool> gives, int perCsm)
    {
        var candidates = new HashSet<int>();
        for (var c = 0; c < csmCount; c++)
        {
            if (!gives(c)) continue;
            var book = Enumerable.Range(0, hours.Length).Where(a => owner[a] == c).OrderBy(a => hours[a]).ThenBy(a => a).ToList();
            if (book.Count <= perCsm)
            {
                candidates.UnionWith(book);
                continue;
            }
            for (var i = 0; i < perCsm; i++)
            {
                candidates.Add(book[(int)Math.Round(i * (book.Count - 1.0) / Math.Max(1, perCsm - 1), MidpointRounding.AwayFromZero)]);
            }
        }
        return candidates;
    }

    /// <summary>Every account with its owner; an orphaned one, in account order, with the CSM with the most room below the band's high edge.</summary>
    private static int[] TodaysBooks(long[] hours, int[] owner, long[] high)
    {
        var load = new long[high.Length];
        for (var a = 0; a < hours.Length; a++)
        {
            if (owner[a] >= 0) load[owner[a]] += hours[a];
        }
        var assigned = new int[hours.Length];
        for (var a = 0; a < hours.Length; a++)
        {
            if (owner[a] >= 0)
            {
                assigned[a] = owner[a];
                continue;
            }
            var best = 0;
            for (var c = 1; c < high.Length; c++)
            {
                if (high[c] - load[c] > high[best] - load[best]) best = c;
            }
            assigned[a] = best;
            load[best] += hours[a];
        }
        return assigned;
    }

    private static CpSolver NewSolver(RebalanceOptions options, string? parameters = null) => new()
    {
        StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.TimeLimit} log_search_progress:false {parameters}").TrimEnd(),
    };

    /// <summary>Each account's CSM in the solution; an account without variables stays with its owner.</summary>
    private static int[] Assignment(CpSolver solver, BoolVar?[][] x, int[] owner)
    {
        var assigned = new int[x.Length];
        for (var a = 0; a < x.Length; a++)
        {
            assigned[a] = x[a].All(v => v is null) ? owner[a] : Array.FindIndex(x[a], v => v is not null && solver.BooleanValue(v));
        }
        return assigned;
    }

    private static LaneResult Describe(List<RebalanceAccount> accounts, List<RebalanceCsm> csms, RebalanceOptions options,
        long[] hours, int[] owner, long[] low, long[] high, int[] assigned, RebalanceStatus status)
    {
        var lane = csms[0].Lane;
        var hoursBefore = new double[csms.Count];
        var hoursAfter = new double[csms.Count];
        var scaledBefore = new long[csms.Count];
        var scaledAfter = new long[csms.Count];
        var countBefore = new int[csms.Count];
        var countAfter = new int[csms.Count];
        var movesIn = new int[csms.Count];
        var movesOut = new int[csms.Count];
        for (var a = 0; a < accounts.Count; a++)
        {
            if (owner[a] >= 0)
            {
                hoursBefore[owner[a]] += accounts[a].Hours;
                scaledBefore[owner[a]] += hours[a];
                countBefore[owner[a]]++;
            }
            hoursAfter[assigned[a]] += accounts[a].Hours;
            scaledAfter[assigned[a]] += hours[a];
            countAfter[assigned[a]]++;
            if (owner[a] != assigned[a])
            {
                movesIn[assigned[a]]++;
                if (owner[a] >= 0) movesOut[owner[a]]++;
            }
        }
        bool InBand(long[] load, int c) => load[c] >= low[c] && load[c] <= high[c];
        string Where(int c) => string.Create(CultureInfo.InvariantCulture,
            $"{csms[c].CsmId} {(scaledBefore[c] > high[c] ? "above" : scaledBefore[c] < low[c] ? "below" : "in")} band at {Share(hoursBefore[c], csms[c].CapacityHours)}");

        var loads = csms.Select((c, i) => new RebalanceLoad(
            c.CsmId, lane, c.CapacityHours, options.BandLow * c.CapacityHours, options.BandHigh * c.CapacityHours,
            countBefore[i], hoursBefore[i], Ratio(hoursBefore[i], c.CapacityHours), InBand(scaledBefore, i),
            countAfter[i], hoursAfter[i], Ratio(hoursAfter[i], c.CapacityHours), InBand(scaledAfter, i),
            movesIn[i], movesOut[i])).ToList();

        var moves = new List<RebalanceMove>();
        for (var a = 0; a < accounts.Count; a++)
        {
            if (owner[a] == assigned[a]) continue;
            var account = accounts[a];
            string reason;
            if (owner[a] < 0)
            {
                reason = $"owner {account.OwnerId ?? "(none)"} is not an active {lane} CSM";
            }
            else
            {
                var parts = new List<string>();
                if (!InBand(scaledBefore, owner[a])) parts.Add(Where(owner[a]));
                if (!InBand(scaledBefore, assigned[a])) parts.Add(Where(assigned[a]));
                // Every allowed move serves a CSM out of band (Serves): its owner above the band or its new CSM below.
                reason = string.Join("; ", parts);
            }
            if (account.Protection is { } protection) reason += $"; protected ({protection}), moved because no other move reaches the band";
            moves.Add(new RebalanceMove(account.AccountId, account.OwnerId, csms[assigned[a]].CsmId, lane, account.Hours, account.Protection, reason));
        }
        return new LaneResult(status, moves, loads);
    }

    private static double? Ratio(double hours, double capacity) => capacity > 0 ? hours / capacity : null;

    private static string Share(double hours, double capacity) =>
        capacity > 0 ? (hours / capacity * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "no capacity";
}
