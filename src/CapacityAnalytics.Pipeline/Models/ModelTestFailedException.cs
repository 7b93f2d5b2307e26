namespace CapacityAnalytics.Pipeline.Models;

/// <summary>
/// One or more YAML tests failed after the build; the message is one line naming the model, the test and a sample
/// of failing keys. The build's transaction is rolled back, so the previous tables stay.
/// </summary>
public sealed class ModelTestFailedException : CapacityException
{
    public ModelTestFailedException(string message) : base(message) { }
    public ModelTestFailedException(string message, Exception inner) : base(message, inner) { }
    public ModelTestFailedException() { }

    public ModelTestFailedException(IReadOnlyList<ModelTestFailure> failures)
        : base(Summarize(failures)) => Failures = failures;

    public IReadOnlyList<ModelTestFailure> Failures { get; } = [];

    private static string Summarize(IReadOnlyList<ModelTestFailure> failures)
    {
        var first = failures[0];
        var more = failures.Count > 1 ? $" (+{failures.Count - 1} more failing tests)" : "";
        return $"Model test failed: {first}{more}";
    }
}

/// <summary>A failed test: how many rows break it and a few of their keys.</summary>
public sealed record ModelTestFailure(string Model, string Test, long FailingRows, IReadOnlyList<string> SampleKeys)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Model}: {Test} fails on {FailingRows} row(s), e.g. {string.Join("; ", SampleKeys)}");
}
