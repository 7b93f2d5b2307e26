-- Health scores (0-100) per account-day.
with source as (
    select * from raw_health_scores
),

renamed as (
    select
        trim(source.account_id) as account_id,
        source.date as score_date,
        source.score,
    from source
)

select * from renamed
