using Microsoft.Data.SqlClient;

namespace CapacityAnalytics.Pipeline.Connections;

/// <summary>
/// A connection string read from the environment variable a pipeline file names. The string never appears in a
/// message: <see cref="Scrub"/> takes it (and its password) out of any text shown to a person.
/// </summary>
public sealed class SqlServerConnectionString
{
    private static readonly string[] SecretKeys = ["Password", "PWD"];

    private SqlServerConnectionString(string variable, string value)
    {
        Variable = variable;
        Value = value;
    }

    /// <summary>The environment variable it came from (safe to show).</summary>
    public string Variable { get; }

    /// <summary>The connection string itself: pass it to SqlConnection, never to a message or log.</summary>
    public string Value { get; }

    public override string ToString() => $"connection string from ${Variable}";

    /// <param name="variable">Name of the environment variable.</param>
    /// <param name="key">The pipeline key that names it, for the message (e.g. publish.sqlserver.connection_env).</param>
    public static SqlServerConnectionString FromEnvironment(string? variable, string key)
    {
        if (string.IsNullOrWhiteSpace(variable))
        {
            throw new ConfigurationException($"{key} is empty; name the environment variable that holds the SQL Server connection string.");
        }
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException(
                $"Environment variable {variable} is not set; set it to the SQL Server connection string ({key} names it), "
                + "e.g. Server=tcp:host,1433;Database=capacity;Authentication=Active Directory Default.");
        }
        try
        {
            _ = new SqlConnectionStringBuilder(value);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The parser's own message may quote the string; only the variable's name is shown.
            throw new ConfigurationException(
                $"Environment variable {variable} does not hold a valid SQL Server connection string (keyword=value pairs separated by ';'); fix its value.");
        }
        return new SqlServerConnectionString(variable, value);
    }

    /// <summary><paramref name="message"/> with the connection string and its password replaced by <c>***</c>.</summary>
    public string Scrub(string message)
    {
        var secrets = new List<string> { Value };
        var builder = new SqlConnectionStringBuilder(Value);
        foreach (var key in SecretKeys)
        {
            if (builder.TryGetValue(key, out var secret) && secret is string { Length: > 0 } text) secrets.Add(text);
        }
        foreach (var secret in secrets.OrderByDescending(s => s.Length))
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }
        return message;
    }
}
