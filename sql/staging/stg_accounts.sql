-- Current state of each account; its segment by the segment rule (macros/segment.sql).
with source as (
    select * from raw_accounts
),

renamed as (
    select
        trim(source.account_id) as account_id,
        source.name as account_name,
        nullif(trim(source.csm_id), '') as csm_id,
        source.arr,
        source.industry,
        source.employees,
        coalesce(source.product_complexity, 3) as product_complexity,
        source.integrations,
        source.stakeholders,
        lower(source.expansion_potential) as expansion_potential,
        source.contract_start,
        source.renewal_date,
        source.churned_on,
        account_segment(source.segment, source.arr) as segment,
    from source
)

select * from renamed
