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

    /// <summary>The name of the step outside the stages: opening the warehouse, hashing new inputs, planning, the run log.</summary>
    public const string Bookkeeping = "run bookkeeping";

    /// <summary>Records, first, the part of a run's wall time no stage accounts for (its memory is not sampled).</summary>
    public void AddBookkeeping(double runSeconds) =>
        _stages.Insert(0, new BenchStep(Bookkeeping, Math.Max(0, runSeconds - _stages.Sum(s => s.Seconds)), 0, MemoryPeak.None));

    /// <summary>The rows a stage processed: rows read when it reports them (ingest, calibrate), else rows written.</summary>
    public static long StageRows(StageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.RowsIn > 0 ? result.RowsIn : result.RowsOut;
    }
}
