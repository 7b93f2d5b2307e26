-- Ownership and ARR over time; empty when the extract has no account_history.
with source as (
    select * from raw_account_history
),

renamed as (
    select
        trim(source.account_id) as account_id,
        source.valid_from,
        nullif(trim(source.csm_id), '') as csm_id,
        source.arr,
        segment_name(source.segment) as segment_given,
    from source
)

select * from renamed
