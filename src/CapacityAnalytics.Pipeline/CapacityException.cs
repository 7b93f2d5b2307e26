namespace CapacityAnalytics.Pipeline;

/// <summary>What kind of failure ends a run; the CLI maps it to an exit code.</summary>
public enum FailureKind
{
    /// <summary>The input data is bad (exit 1).</summary>
    Data = 1,
    /// <summary>The command line or a configuration file is wrong (exit 2).</summary>
    Usage = 2,
}

/// <summary>
/// A failure the user can act on. Its message is one line naming the file (and line, column) and what to do;
/// the CLI prints it without a stack trace.
/// </summary>
public class CapacityException : Exception
{
    public CapacityException(string message, FailureKind kind = FailureKind.Data, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public CapacityException() { }

    public CapacityException(string message) : base(message) { }

    public CapacityException(string message, Exception inner) : base(message, inner) { }

    public FailureKind Kind { get; } = FailureKind.Data;
}

/// <summary>A pipeline file, model file or preset that cannot be used.</summary>
public sealed class ConfigurationException : CapacityException
{
    public ConfigurationException(string message, Exception? inner = null) : base(message, FailureKind.Usage, inner) { }

    public ConfigurationException() { }

    public ConfigurationException(string message) : base(message, FailureKind.Usage) { }
}
