namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>Where the SQL models are: the <c>sql/</c> folder the Pipeline project copies beside the binaries.</summary>
public static class SqlFolder
{
    public static string Default => Path.Combine(AppContext.BaseDirectory, "sql");
}
