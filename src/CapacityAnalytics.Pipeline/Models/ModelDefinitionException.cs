namespace CapacityAnalytics.Pipeline.Models;

/// <summary>A model's SQL or YAML cannot be used (bad YAML, missing YAML, dependency cycle); one line naming the file.</summary>
public sealed class ModelDefinitionException : Exception
{
    public ModelDefinitionException(string message) : base(message) { }
    public ModelDefinitionException(string message, Exception inner) : base(message, inner) { }
    public ModelDefinitionException() { }
}
