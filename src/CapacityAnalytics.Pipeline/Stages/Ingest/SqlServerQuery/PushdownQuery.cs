namespace CapacityAnalytics.Pipeline.Stages.Ingest.SqlServerQuery;

/// <summary>
/// Wraps a source query of raw usage events so the server aggregates them to account-day, the one step whose input
/// outgrows a single machine (docs/sqlserver.md). key_events is not derivable from raw events and lands empty.
/// </summary>
public static class PushdownQuery
{
    /// <summary>The landing table of pushed-down usage: account_id, date, active_users, events, key_events.</summary>
    public const string UsageDailyLandingTable = "land_usage_events_daily";

    public static readonly IReadOnlyList<string> UsageDailyColumns = ["account_id", "date", "active_users", "events", "key_events"];

    /// <summary>
    /// The account-day aggregation over <paramref name="userQuery"/>, which must return account_id, user_id and
    /// occurred_at. The day is the calendar date of occurred_at as the server holds it (for datetimeoffset, in its
    /// own offset). A trailing semicolon is dropped; an ORDER BY without TOP is not allowed in a derived table.
    /// </summary>
    public static string UsageDaily(string userQuery)
    {
        var inner = userQuery.Trim().TrimEnd(';').TrimEnd();
        return "select account_id, cast(occurred_at as date) as [date], count(distinct user_id) as active_users, count(*) as events "
            + $"from ({inner}) as q group by account_id, cast(occurred_at as date)";
    }
}
