namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// One or more YAML tests failed after the build; the message is one line naming the model, the test and a sample
/// of failing keys. The build's transaction is rolled back, so the previous tables stay.
/// </summary>
public sealed class SqlModelTestFailedException : CapacityException
{
    public SqlModelTestFailedException(string message) : base(message) { }
    public SqlModelTestFailedException(string message, Exception inner) : base(message, inner) { }
    public SqlModelTestFailedException() { }

    public SqlModelTestFailedException(IReadOnlyList<SqlModelTestFailure> failures)
        : base(Summarize(failures)) => Failures = failures;

    public IReadOnlyList<SqlModelTestFailure> Failures { get; } = [];

    private static string Summarize(IReadOnlyList<SqlModelTestFailure> failures)
    {
        var first = failures[0];
        var more = failures.Count > 1 ? $" (+{failures.Count - 1} more failing tests)" : "";
        return $"Model test failed: {first}{more}";
    }
}

/// <summary>A failed test: how many rows break it and a few of their keys.</summary>
public sealed record SqlModelTestFailure(string Model, string Test, long FailingRows, IReadOnlyList<string> SampleKeys)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Model}: {Test} fails on {FailingRows} row(s), e.g. {string.Join("; ", SampleKeys)}");
}
