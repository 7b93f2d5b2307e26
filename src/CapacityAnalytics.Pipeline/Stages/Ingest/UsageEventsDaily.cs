namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// usage_events are aggregated on ingest to <c>raw_usage_events_daily</c>, with the same columns and types as
/// <c>raw_usage_daily</c> (account_id, date, active_users, events, key_events; date is the UTC day of occurred_at,
/// key_events NULL: the raw stream does not say which events are key). Staging unions the two; where both hold an
/// account-day, raw_usage_daily wins (see docs/ingest.md).
/// </summary>
public static class UsageEventsDaily
{
    public const string Table = "raw_usage_events_daily";

    /// <summary>The aggregation of a checked-rows relation's good rows.</summary>
    public static string AggregateSql(string checkedRelation) => $"""
        select account_id, cast(timezone('UTC', occurred_at) as date) as date,
            count(distinct user_id) as active_users, count(*) as events, null::bigint as key_events
        from {checkedRelation}
        where {CheckedRowsSql.Ok}
        group by all
        order by all
        """;
}
