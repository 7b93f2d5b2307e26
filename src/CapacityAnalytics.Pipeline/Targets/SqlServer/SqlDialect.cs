namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>
/// The T-SQL flavour a publish writes. Fabric Warehouse stores no nvarchar and no datetimeoffset, and some of its
/// versions cannot sp_rename a table, so its types and its swap differ from SQL Server's and Azure SQL's.
/// </summary>
public enum SqlDialect
{
    SqlServer,
    Fabric,
}

public static class SqlDialects
{
    /// <summary>The dialect a pipeline file names (<c>publish.sqlserver.dialect</c>).</summary>
    public static SqlDialect Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlserver" or "azuresql" => SqlDialect.SqlServer,
        "fabric" => SqlDialect.Fabric,
        _ => throw new ConfigurationException(
            $"publish.sqlserver.dialect '{text}' is unknown; use sqlserver (SQL Server, Azure SQL) or fabric (Fabric Warehouse)."),
    };
}
