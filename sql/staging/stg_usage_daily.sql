-- Product usage per account-day from both sources: usage_daily extracts and raw usage events aggregated on ingest.
-- Where both cover the same account-day the usage_daily row wins, so nothing is counted twice. Both raw tables hold
-- one row per (account_id, date), trimmed on ingest, so an anti-join keeps the events' days usage_daily lacks: unlike
-- a window over both, it lets a filter on the day reach the raw tables (an incremental build reads only its days). The
-- anti-join's side is cut to the rebuilt days as well (scope; every day in a full build): hashing all of usage_daily's
-- 2.4M rows at L for one new day took 0.1 s.
with scope as (
    select min(partition_value) as from_day, max(partition_value) as to_day from transform_partitions
),

usage_daily as (
    select account_id, date, active_users, events, key_events from raw_usage_daily
),

usage_events_daily as (
    select events_daily.account_id, events_daily.date, events_daily.active_users, events_daily.events, events_daily.key_events
    from raw_usage_events_daily as events_daily
    anti join (
        select raw_usage_daily.account_id, raw_usage_daily.date
        from raw_usage_daily
        cross join scope
        where coalesce(raw_usage_daily.date between scope.from_day and scope.to_day, true)
    ) as daily
        on daily.account_id = events_daily.account_id
        and daily.date = events_daily.date
),

both_sources as (
    select * from usage_daily
    union all
    select * from usage_events_daily
),

renamed as (
    select
        trim(account_id) as account_id,
        date as usage_date,
        active_users,
        events,
        key_events,
    from both_sources
)

select * from renamed
