namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>One model: a <c>select</c> in <c>sql/&lt;layer&gt;/&lt;name&gt;.sql</c> and its YAML beside it.</summary>
/// <param name="Name">The file stem, which is the table it builds.</param>
/// <param name="SqlPath">Path of the SQL file.</param>
/// <param name="Sql">The select statement (trailing semicolon removed).</param>
/// <param name="Spec">The YAML: grain, columns, tests.</param>
/// <param name="DependsOn">Other models the SQL reads, found by name.</param>
public sealed record SqlModel(string Name, string SqlPath, string Sql, SqlModelSpec Spec, IReadOnlyList<string> DependsOn)
{
    /// <summary>
    /// The identifiers of the SQL outside comments and strings that are not models: among them the names of the other
    /// tables it reads (raw tables, <c>run_context</c>, the <c>model_*</c> parameters).
    /// </summary>
    public IReadOnlyList<string> Reads { get; init; } = [];
}
