-- Current state of each account; segment taken from the extract when it names a model segment, else from the ARR bands.
with source as (
    select * from raw_accounts
),

segments as (
    select * from model_segment
),

renamed as (
    select
        trim(source.account_id) as account_id,
        source.name as account_name,
        nullif(trim(source.csm_id), '') as csm_id,
        source.arr,
        replace(replace(lower(trim(source.segment)), '-', '_'), ' ', '_') as segment_given,
        source.industry,
        source.employees,
        coalesce(source.product_complexity, 3) as product_complexity,
        source.integrations,
        source.stakeholders,
        lower(source.expansion_potential) as expansion_potential,
        source.contract_start,
        source.renewal_date,
        source.churned_on,
    from source
),

segmented as (
    select
        renamed.* exclude (segment_given),
        coalesce(named.name, band.name) as segment,
    from renamed
    left join segments as named
        on named.name = renamed.segment_given
    left join segments as band
        on renamed.arr >= coalesce(band.min_arr, '-infinity'::double)
        and renamed.arr < coalesce(band.max_arr, 'infinity'::double)
)

select * from segmented
