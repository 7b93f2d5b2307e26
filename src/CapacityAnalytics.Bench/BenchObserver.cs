using CapacityAnalytics.Pipeline.Running;

namespace CapacityAnalytics.Bench;

/// <summary>Captures each stage's result with the memory peak sampled while it ran, and passes everything on.</summary>
public sealed class BenchObserver(MemorySampler sampler, IRunObserver inner) : IRunObserver
{
    private readonly List<BenchStep> _stages = [];

    public IReadOnlyList<BenchStep> Stages => _stages;

    public void StageStarted(string stage)
    {
        inner.StageStarted(stage);
        sampler.Begin();
    }

    public void StageCompleted(StageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var memory = sampler.End();
        _stages.Add(new BenchStep(result.Stage, result.Seconds, StageRows(result), memory));
        inner.StageCompleted(result);
    }

    public void Note(string message) => inner.Note(message);

    /// <summary>The rows a stage processed: rows read when it reports them (ingest, calibrate), else rows written.</summary>
    public static long StageRows(StageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.RowsIn > 0 ? result.RowsIn : result.RowsOut;
    }
}
