-- Support tickets with CSM minutes: logged csm_minutes, else the model's minutes for an escalated ticket, else 0.
with source as (
    select * from raw_tickets
),

workload as (
    select * from model_workload
),

renamed as (
    select
        trim(source.ticket_id) as ticket_id,
        trim(source.account_id) as account_id,
        source.created_at,
        cast(timezone('UTC', source.created_at) as date) as created_date,
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
