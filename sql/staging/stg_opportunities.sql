-- Renewal and expansion motion.
with source as (
    select * from raw_opportunities
),

renamed as (
    select
        trim(source.opportunity_id) as opportunity_id,
        trim(source.account_id) as account_id,
        lower(source.type) as opportunity_type,
        source.amount,
        source.created_on,
        source.close_on,
        source.stage,
        coalesce(source.is_closed, false) as is_closed,
        coalesce(source.is_won, false) as is_won,
    from source
)

select * from renamed
