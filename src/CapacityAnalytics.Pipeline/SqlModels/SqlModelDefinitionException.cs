namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>A model's SQL or YAML cannot be used (bad YAML, missing YAML, dependency cycle); one line naming the file.</summary>
public sealed class SqlModelDefinitionException : CapacityException
{
    public SqlModelDefinitionException(string message) : base(message, FailureKind.Usage) { }
    public SqlModelDefinitionException(string message, Exception inner) : base(message, FailureKind.Usage, inner) { }
    public SqlModelDefinitionException() { }
}
