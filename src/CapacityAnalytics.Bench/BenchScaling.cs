namespace CapacityAnalytics.Bench;

/// <summary>How time grew from one profile to a larger one, against how the input grew.</summary>
/// <param name="From">Smaller profile.</param>
/// <param name="To">Larger profile.</param>
/// <param name="InputBytesRatio">Input MB of <paramref name="To"/> over <paramref name="From"/>.</param>
/// <param name="InputRowsRatio">Input rows of <paramref name="To"/> over <paramref name="From"/>.</param>
/// <param name="PipelineTimeRatio">Pipeline time of <paramref name="To"/> over <paramref name="From"/>.</param>
/// <param name="FloorTimeRatio">Floor time of <paramref name="To"/> over <paramref name="From"/>.</param>
public sealed record ScalingStep(string From, string To, double InputBytesRatio, double InputRowsRatio, double PipelineTimeRatio, double FloorTimeRatio)
{
    /// <summary>
    /// The exponent k in time ~ rows^k between the two profiles: 1 is linear, below 1 means fixed costs still
    /// dominate the smaller profile, above 1 means something grows faster than the input.
    /// </summary>
    public double Exponent => InputRowsRatio > 0 && InputRowsRatio != 1 && PipelineTimeRatio > 0
        ? Math.Log(PipelineTimeRatio) / Math.Log(InputRowsRatio)
        : double.NaN;
}

/// <summary>The S -> M -> L scaling of the profiles that ran.</summary>
public static class BenchScaling
{
    /// <summary>One step per consecutive pair (in the order given) and, with three or more, first to last.</summary>
    public static IReadOnlyList<ScalingStep> Compute(IReadOnlyList<ProfileResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var steps = new List<ScalingStep>();
        for (var i = 1; i < results.Count; i++)
        {
            steps.Add(Step(results[i - 1], results[i]));
        }
        if (results.Count >= 3) steps.Add(Step(results[0], results[^1]));
        return steps;
    }

    public static ScalingStep Step(ProfileResult from, ProfileResult to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new ScalingStep(
            from.Profile.Name,
            to.Profile.Name,
            ProfileResult.Ratio(to.Input.Bytes, from.Input.Bytes),
            ProfileResult.Ratio(to.Input.Rows, from.Input.Rows),
            ProfileResult.Ratio(to.PipelineSeconds, from.PipelineSeconds),
            ProfileResult.Ratio(to.Floor.Seconds, from.Floor.Seconds));
    }
}
