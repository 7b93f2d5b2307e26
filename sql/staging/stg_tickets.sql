-- Support tickets with CSM minutes: logged csm_minutes, else the model's minutes for an escalated ticket, else 0.
with source as (
    -- a partial build reads the tickets of the days it rebuilds (transform_partitions; empty in a full build: all),
    -- with two days' margin for the UTC day of a timestamp read in another zone
    select * from raw_tickets
    where not exists (select 1 from transform_partitions)
        or created_at between (select min(partition_value) from transform_partitions) - interval 2 day
            and (select max(partition_value) from transform_partitions) + interval 2 day
),

workload as (
    select * from model_workload
),

renamed as (
    select
        trim(source.ticket_id) as ticket_id,
        trim(source.account_id) as account_id,
        source.created_at,
        utc_date(source.created_at) as created_date,
        source.first_response_at,
        source.solved_at,
        lower(source.priority) as priority,
        source.status,
        source.channel,
        coalesce(source.escalated, false) as escalated,
        source.csm_minutes,
        coalesce(
            source.csm_minutes,
            case when coalesce(source.escalated, false) then workload.escalated_ticket_minutes else 0 end
        ) as ticket_minutes,
        case
            when source.first_response_at >= source.created_at
                then epoch(source.first_response_at - source.created_at) / 3600.0
        end as first_response_hours,
    from source
    cross join workload
)

select * from renamed
