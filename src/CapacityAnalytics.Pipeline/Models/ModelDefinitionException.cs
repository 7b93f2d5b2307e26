namespace CapacityAnalytics.Pipeline.Models;

/// <summary>A model's SQL or YAML cannot be used (bad YAML, missing YAML, dependency cycle); one line naming the file.</summary>
public sealed class ModelDefinitionException : CapacityException
{
    public ModelDefinitionException(string message) : base(message, FailureKind.Usage) { }
    public ModelDefinitionException(string message, Exception inner) : base(message, FailureKind.Usage, inner) { }
    public ModelDefinitionException() { }
}
