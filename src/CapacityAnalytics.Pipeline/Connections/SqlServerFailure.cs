namespace CapacityAnalytics.Pipeline.Connections;

/// <summary>Turns a driver or server failure into a one-line message that never carries the connection string.</summary>
internal static class SqlServerFailure
{
    public static bool IsDriverFailure(Exception ex) => ex is not (CapacityException or OperationCanceledException);

    public static CapacityException Wrap(Exception ex, string what, SqlServerConnectionString connection)
    {
        // SqlClient cannot open a connection when .NET runs without ICU (InvariantGlobalization).
        if (ex is NotSupportedException or System.Globalization.CultureNotFoundException
            && ex.Message.Contains("nvariant", StringComparison.Ordinal))
        {
            return new ConfigurationException(
                $"{what} (connection from ${connection.Variable}): SqlClient needs ICU globalization data; "
                + "build with InvariantGlobalization=false and install libicu.");
        }
        var reason = connection.Scrub(ex.Message.ReplaceLineEndings(" "));
        // The inner exception is kept for diagnostics only when its text is already clean.
        var message = $"{what} failed (connection from ${connection.Variable}): {reason}";
        return string.Equals(reason, ex.Message.ReplaceLineEndings(" "), StringComparison.Ordinal)
            ? new CapacityException(message, FailureKind.Data, ex)
            : new CapacityException(message);
    }
}
