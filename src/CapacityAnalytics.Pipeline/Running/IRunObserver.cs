namespace CapacityAnalytics.Pipeline.Running;

/// <summary>What a run tells the person or scheduler watching it. The CLI renders it; tests record it.</summary>
public interface IRunObserver
{
    void StageStarted(string stage);

    void StageCompleted(StageResult result);

    /// <summary>A line worth showing (a warning, a count, where output went).</summary>
    void Note(string message);
}

/// <summary>An observer that shows nothing (for <c>--quiet</c> and tests that do not care).</summary>
public sealed class SilentObserver : IRunObserver
{
    public static readonly SilentObserver Instance = new();

    public void StageStarted(string stage) { }

    public void StageCompleted(StageResult result) { }

    public void Note(string message) { }
}
