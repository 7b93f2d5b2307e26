-- Product usage per account-day from both sources: usage_daily extracts and raw usage events aggregated on ingest.
-- Where both cover the same account-day the usage_daily row wins, so nothing is counted twice.
with usage_daily as (
    select account_id, date, active_users, events, key_events, 1 as source_rank from raw_usage_daily
),

usage_events_daily as (
    select account_id, date, active_users, events, key_events, 2 as source_rank from raw_usage_events_daily
),

both_sources as (
    select * from usage_daily
    union all
    select * from usage_events_daily
),

deduplicated as (
    select
        trim(account_id) as account_id,
        date as usage_date,
        active_users,
        events,
        key_events,
    from both_sources
    qualify row_number() over (partition by trim(account_id), date order by source_rank) = 1
)

select * from deduplicated
