namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// usage_events are aggregated on ingest to <c>raw_usage_events_daily</c>, with the same columns and types as
/// <c>raw_usage_daily</c> (account_id, date, active_users, events, key_events; date is the UTC day of occurred_at,
/// key_events NULL: the raw stream does not say which events are key). Staging unions the two; where both hold an
/// account-day, raw_usage_daily wins (see docs/ingest.md).
/// <para>
/// An event's key is (account_id, user_id, occurred_at, event). Files that overlap in time are re-exports of the same
/// stream: an event is counted as many times as the one file that holds its key most often (two identical clicks in
/// the same second of one export are two events; the same click in two exports is one).
/// </para>
/// </summary>
public static class UsageEventsDaily
{
    public const string Table = "raw_usage_events_daily";

    /// <summary>One row per loaded usage_events file: the UTC days its good events span and how many it held.</summary>
    public const string FilesTable = "raw_usage_events_file";

    /// <summary>
    /// The account-day aggregation of a checked-rows relation's good rows (<c>_file</c>, account_id, user_id,
    /// occurred_at, event and <paramref name="day"/>), with re-exported events counted once.
    /// </summary>
    /// <param name="day">The expression of the row's UTC day.</param>
    public static string AggregateSql(string checkedRelation, string day = "cast(timezone('UTC', occurred_at) as date)") => $"""
        with keyed as (
            select {LandingColumns.File}, account_id, user_id, occurred_at, event, {day} as date, count(*) as n
            from {checkedRelation}
            where {CheckedRowsSql.Ok}
            group by all
        ),
        events as (
            select account_id, user_id, occurred_at, event, date, max(n) as n
            from keyed
            group by all
        )
        select account_id, date, count(distinct user_id) as active_users, sum(n)::bigint as events, null::bigint as key_events
        from events
        group by all
        order by all
        """;
}
