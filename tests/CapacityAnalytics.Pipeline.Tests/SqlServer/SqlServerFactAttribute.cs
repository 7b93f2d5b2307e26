namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

/// <summary>
/// A test that needs a live SQL Server: skipped unless CAPACITY_TEST_SQLSERVER holds a connection string, and skipped
/// when the test host runs without ICU (SqlClient cannot open a connection in globalization-invariant mode).
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "CAPACITY_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"No SQL Server: set {Variable} to a connection string (a throwaway database) to run this test.";
        }
        else if (AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant)
        {
            Skip = "SqlClient cannot connect in globalization-invariant mode: run with -p:InvariantGlobalization=false.";
        }
    }
}
